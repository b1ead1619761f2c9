<?php
// closte-test: all-resolved
// closte-test-url: https://staging.example.com:8443/sub/dir/?lang=en
if ( $_SERVER['HTTP_HOST'] === 'staging.example.com:8443' ) {
	define( 'URL_STAGING', true );
} else {
	define( 'URL_STAGING', false );
}
define( 'URL_HOST', $_SERVER['HTTP_HOST'] );
define( 'URL_NAME', $_SERVER['SERVER_NAME'] );
define( 'URL_HTTPS', $_SERVER['HTTPS'] ?? 'off' );
define( 'URL_PORT', $_SERVER['SERVER_PORT'] );
define( 'URL_URI', $_SERVER['REQUEST_URI'] );
define( 'URL_QUERY', $_SERVER['QUERY_STRING'] );
define( 'WP_HOME', 'https://' . $_SERVER['HTTP_HOST'] );
switch ( $_SERVER['SERVER_NAME'] ) {
	case 'staging.example.com':
		$url_stage = 'staging';
		break;
	default:
		$url_stage = 'live';
}
