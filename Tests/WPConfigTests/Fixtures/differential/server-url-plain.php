<?php
// closte-test: all-resolved
// closte-test-url: example.org
define( 'PLAIN_HOST', $_SERVER['HTTP_HOST'] );
define( 'PLAIN_PORT', $_SERVER['SERVER_PORT'] );
define( 'PLAIN_URI', $_SERVER['REQUEST_URI'] );
define( 'PLAIN_HTTPS', isset( $_SERVER['HTTPS'] ) );
