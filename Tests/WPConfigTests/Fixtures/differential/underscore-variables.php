<?php
// closte-test: all-resolved
// Every global variable the file creates is listed: only PHP's superglobals are not the file's.
$_leading_underscore_var = 'leading';
$__double = 2;
$_ = 'underscore';
$_SERVER_copy = 'not a superglobal';
// WP-CLI reads the file inside a method: $GLOBALS is the real global scope, not the file's.
$GLOBALS['via_globals'] = 'set through $GLOBALS';
$_ENVIRONMENT = 'production';
$table_prefix = 'wp_';
