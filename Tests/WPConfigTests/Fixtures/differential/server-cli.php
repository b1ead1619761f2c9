<?php
// closte-test: all-resolved
// WP-CLI's context: no HTTP_HOST without --url, $_ENV empty (GPCS), getenv() sees the environment.
if ( $_SERVER['HTTP_HOST'] === 'staging.example.com' ) {
	define( 'CLI_STAGING', true );
}
define( 'CLI_HOST_CONCAT', 'host:' . $_SERVER['HTTP_HOST'] );
define( 'CLI_HOST_COALESCE', $_SERVER['HTTP_HOST'] ?? 'x' );
define( 'CLI_HOST_ISSET', isset( $_SERVER['HTTP_HOST'] ) );
define( 'CLI_HOST_EMPTY', empty( $_SERVER['HTTP_HOST'] ) );
define( 'CLI_HOST_NULL', $_SERVER['HTTP_HOST'] === null );
define( 'CLI_HOST_INT', (int) $_SERVER['HTTP_HOST'] );
define( 'CLI_HTTPS', ( ! empty( $_SERVER['HTTPS'] ) && $_SERVER['HTTPS'] !== 'off' ) ? 'https' : 'http' );
define( 'CLI_SERVER_ENV', $_SERVER['CLOSTE_TEST_HOST'] );
define( 'CLI_ENV_EMPTY', $_ENV['CLOSTE_TEST_HOST'] ?? 'empty' );
define( 'CLI_ENV_WHOLE', $_ENV );
define( 'CLI_GETENV', getenv( 'CLOSTE_TEST_HOST' ) );
define( 'CLI_GET', $_GET['debug'] ?? 'no-get' );
define( 'CLI_COOKIE', isset( $_COOKIE['wp'] ) );
define( 'CLI_REQUEST_EMPTY', empty( $_REQUEST ) );
$cli_host = $_SERVER['HTTP_HOST'] ?? 'default.example.com';
if ( isset( $_SERVER['HTTP_X_FORWARDED_PROTO'] ) && 'https' === $_SERVER['HTTP_X_FORWARDED_PROTO'] ) {
	$_SERVER['HTTPS'] = 'on';
}
$_SERVER['CLOSTE_WRITTEN'] = 'written';
define( 'CLI_WRITTEN', $_SERVER['CLOSTE_WRITTEN'] );
define( 'CLI_WP_HOME', 'http://' . $_SERVER['HTTP_HOST'] . '/' );
