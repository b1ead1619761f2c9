<?php
/**
 * Registers `wp closte ...`: thin WP-CLI commands that forward to the `closte` binary over `closte rpc`.
 *
 * Loaded by every way WP-CLI loads packages: `wp package install`, `--require=<this file>`, and
 * `require:` in wp-cli.yml. Does nothing outside WP-CLI.
 *
 * @package Closte\Bridge
 */

if ( ! defined( 'WP_CLI' ) || ! WP_CLI || ! class_exists( 'WP_CLI' ) ) {
	return;
}

require_once __DIR__ . '/src/autoload.php';

\Closte\Bridge\CommandRegistry::register();
