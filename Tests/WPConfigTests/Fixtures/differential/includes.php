<?php
define('BEFORE_INCLUDE', 1);
require_once __DIR__ . '/includes/extra.php';
define('AFTER_INCLUDE', EXTRA_CONSTANT . '!');
require_once __DIR__ . '/includes/extra.php';
include_once dirname(__FILE__) . '/includes/once.php';
include_once __DIR__ . '/includes/once.php';
if (file_exists(__DIR__ . '/includes/local-config.php')) {
	include __DIR__ . '/includes/local-config.php';
}
if (file_exists(__DIR__ . '/includes/missing-config.php')) {
	include __DIR__ . '/includes/missing-config.php';
}
require __DIR__ . '/includes/returns-early.php';
require( __DIR__ . '/includes/self-including.php' );
define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
