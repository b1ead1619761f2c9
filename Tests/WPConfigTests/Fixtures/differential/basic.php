<?php
/**
 * The base configuration for WordPress, as wp-config-sample.php writes it.
 *
 * define( 'COMMENTED_OUT', 'never' );
 */

// ** Database settings ** //
define( 'DB_NAME', 'database_name_here' );
define( 'DB_USER', 'username_here' );
define( 'DB_PASSWORD', 'password_here' );
define( 'DB_HOST', 'localhost' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

define( 'AUTH_KEY',         'put your unique phrase here' );
define( 'SECURE_AUTH_KEY',  'a\'b\\c"d$e' );
define( 'LOGGED_IN_KEY',    "x\ty" );
define( 'NONCE_KEY',        '}_{[]()<>?' );

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );
define( 'WP_ALLOW_MULTISITE', true );
define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', false );
define( 'DOMAIN_CURRENT_SITE', 'network.example.com' );
define( 'PATH_CURRENT_SITE', '/' );
define( 'SITE_ID_CURRENT_SITE', 1 );
define( 'BLOG_ID_CURRENT_SITE', 1 );
define( 'SUNRISE', 'on' );
define( 'CLOSTE_CLIENT_API_KEY', 'ck_live_0123456789abcdef' );

# define( 'HASH_COMMENT', 1 );
// define( 'SLASH_COMMENT', 1 );
$note = 'define( "IN_A_STRING", 1 );';

/* That's all, stop editing! Happy publishing. */

/** Absolute path to the WordPress directory. */
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

/** Sets up WordPress vars and included files. */
require_once ABSPATH . 'wp-settings.php';
