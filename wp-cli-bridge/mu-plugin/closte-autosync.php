<?php
/**
 * Plugin Name: closte autosync
 * Description: Sends Ultimate Multisite's domain mappings to Closte through the closte binary, in the background. Off unless CLOSTE_AUTOSYNC is true.
 * Version: 1.0.0
 * Requires PHP: 7.4
 *
 * Copy (or symlink) this file into wp-content/mu-plugins/ and add to wp-config.php:
 *
 *     define( 'CLOSTE_AUTOSYNC', true );
 *     define( 'CLOSTE_BRIDGE_DIR', '/path/to/wp-cli-bridge' ); // Only for a copy: where the bridge is.
 *     define( 'CLOSTE_BIN', '/usr/local/bin/closte' );         // Only when closte is not on the web server's PATH.
 *     define( 'CLOSTE_WWW_SUBDOMAIN', 'always' );              // Only for www. twins: always or main_only (default never).
 *
 * When Ultimate Multisite maps or unmaps a domain, or creates or duplicates a site, the matching
 * `closte domain add|remove` is queued on the main site's Action Scheduler queue (or run at shutdown
 * without it); it sends the aliases the binary's alias rule gives the domain (`closte domain aliases`,
 * which `wp closte domain sync --network` follows too; www. twins only with CLOSTE_WWW_SUBDOMAIN), and
 * its result goes to the network's logs (wu-logs, handle integration-closte). With Ultimate
 * Multisite's own Closte integration enabled this plugin does nothing, and says so once in that log.
 *
 * @package Closte\Bridge
 */

if ( ! defined( 'ABSPATH' ) ) {
	return;
}

if ( ! defined( 'CLOSTE_AUTOSYNC' ) || ! CLOSTE_AUTOSYNC ) {
	return;
}

if ( ! class_exists( 'Closte\\Bridge\\AutoSync' ) ) {
	$closte_bridge_dirs = array();
	if ( defined( 'CLOSTE_BRIDGE_DIR' ) ) {
		$closte_bridge_dirs[] = rtrim( (string) CLOSTE_BRIDGE_DIR, '/' );
	}
	$closte_bridge_real = realpath( __FILE__ );
	$closte_bridge_dirs[] = dirname( false === $closte_bridge_real ? __FILE__ : $closte_bridge_real, 2 );
	$closte_bridge_dirs[] = __DIR__ . '/closte-wp-cli-bridge';
	foreach ( $closte_bridge_dirs as $closte_bridge_dir ) {
		if ( is_file( $closte_bridge_dir . '/src/autoload.php' ) ) {
			require_once $closte_bridge_dir . '/src/autoload.php';
			break;
		}
	}
	unset( $closte_bridge_dirs, $closte_bridge_real, $closte_bridge_dir );
}

if ( ! class_exists( 'Closte\\Bridge\\AutoSync' ) ) {
	error_log( 'closte autosync: the wp-cli-bridge folder was not found; define CLOSTE_BRIDGE_DIR in wp-config.php.' ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
	return;
}

\Closte\Bridge\AutoSync::boot();
