<?php
/**
 * A multisite network on Closte, as Closte's panel and Ultimate Multisite leave wp-config.php.
 */
define( 'CLOSTE_CLIENT_API_KEY', 'ck_0123456789abcdef0123456789abcdef' );
define( 'CLOSTE_PUBLIC_IP_ADDRESS', '203.0.113.10' );

define( 'DB_NAME', 'net_db' );
define( 'DB_USER', 'net_user' );
define( 'DB_PASSWORD', 'p@ss\'word"with$special' );
define( 'DB_HOST', getenv( 'CLOSTE_TEST_HOST' ) ?: 'localhost' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

define( 'AUTH_KEY',         'J<f,6]e5|;q-x@&Kz_1~p{3#Rv' );
define( 'SECURE_AUTH_KEY',  '%wL)S^*8c!Y#b+0?:/f@Dn=2{t' );
define( 'AUTH_SALT',        "`backtick-in-double-quotes`" );
define( 'WP_CACHE_KEY_SALT', DB_NAME . '_' );

$table_prefix = 'wp_' . 'net_';

@ini_set( 'display_errors', 0 );
error_reporting( E_ALL & ~E_DEPRECATED & ~E_STRICT );

if ( isset( $_SERVER['HTTP_X_FORWARDED_PROTO'] ) && 'https' === $_SERVER['HTTP_X_FORWARDED_PROTO'] ) {
	$_SERVER['HTTPS'] = 'on';
}

define( 'WP_DEBUG', filter_var( getenv( 'CLOSTE_TEST_DEBUG' ), FILTER_VALIDATE_BOOLEAN ) );
define( 'WP_DEBUG_LOG', WP_DEBUG ? __DIR__ . '/wp-content/debug.log' : false );
define( 'WP_DEBUG_DISPLAY', false );
define( 'SCRIPT_DEBUG', false );
define( 'WP_MEMORY_LIMIT', '256M' );
define( 'WP_MAX_MEMORY_LIMIT', '512M' );
define( 'DISALLOW_FILE_EDIT', true );
define( 'FS_METHOD', 'direct' );
define( 'FS_CHMOD_DIR', ( 0755 & ~ umask() ) );
define( 'WP_POST_REVISIONS', 10 );
define( 'AUTOSAVE_INTERVAL', defined( 'MINUTE_IN_SECONDS' ) ? 2 * MINUTE_IN_SECONDS : 120 );
define( 'EMPTY_TRASH_DAYS', 30 );
define( 'WP_REDIS_HOST', '127.0.0.1' );
define( 'WP_REDIS_PORT', 6379 );
define( 'WP_REDIS_DATABASE', 0 );
define( 'WP_REDIS_TIMEOUT', 1.5 );

/* Multisite */
define( 'WP_ALLOW_MULTISITE', true );
define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', true );
define( 'DOMAIN_CURRENT_SITE', 'network.example.com' );
define( 'PATH_CURRENT_SITE', '/' );
define( 'SITE_ID_CURRENT_SITE', 1 );
define( 'BLOG_ID_CURRENT_SITE', 1 );
define( 'SUNRISE', 'on' );
define( 'COOKIE_DOMAIN', $_SERVER['HTTP_HOST'] ?? '' );
define( 'NOBLOGREDIRECT', 'https://' . DOMAIN_CURRENT_SITE );
define( 'WU_DNS_CHECK_INTERVAL', 60 );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', dirname( __FILE__ ) . '/' );
}

require_once ABSPATH . 'wp-settings.php';
