<?php
/**
 * An example wp-config.php of a WordPress multisite network (Ultimate Multisite) hosted on Closte,
 * used by scripts/demo.sh. The API key below is the demo key closte-simulator accepts; on Closte
 * the real CLOSTE_CLIENT_API_KEY is already defined for you.
 */

// ** Database settings ** //
define( 'DB_NAME', 'network_db' );
define( 'DB_USER', 'network_user' );
define( 'DB_PASSWORD', 'demo-db-password-not-real' );
define( 'DB_HOST', 'localhost' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

// ** Authentication unique keys and salts (demo values) ** //
define( 'AUTH_KEY',         'demo-auth-key-0123456789abcdef' );
define( 'SECURE_AUTH_KEY',  'demo-secure-auth-key-0123456789' );
define( 'LOGGED_IN_KEY',    'demo-logged-in-key-0123456789' );
define( 'NONCE_KEY',        'demo-nonce-key-0123456789abcdef' );
define( 'AUTH_SALT',        'demo-auth-salt-0123456789abcdef' );
define( 'SECURE_AUTH_SALT', 'demo-secure-auth-salt-01234567' );
define( 'LOGGED_IN_SALT',   'demo-logged-in-salt-0123456789' );
define( 'NONCE_SALT',       'demo-nonce-salt-0123456789abcd' );

$table_prefix = 'wp_';

// ** Closte ** //
define( 'CLOSTE_CLIENT_API_KEY', 'demo-closte-key' );
define( 'CLOSTE_PUBLIC_IP_ADDRESS', '203.0.113.10' );

// ** Multisite ** //
define( 'WP_ALLOW_MULTISITE', true );
define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', true );
define( 'DOMAIN_CURRENT_SITE', 'network.example.com' );
define( 'PATH_CURRENT_SITE', '/' );
define( 'SITE_ID_CURRENT_SITE', 1 );
define( 'BLOG_ID_CURRENT_SITE', 1 );
define( 'SUNRISE', true );

define( 'WP_DEBUG', false );

/* That's all, stop editing! Happy publishing. */

/** Absolute path to the WordPress directory. */
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

/** Sets up WordPress vars and included files. */
require_once ABSPATH . 'wp-settings.php';
