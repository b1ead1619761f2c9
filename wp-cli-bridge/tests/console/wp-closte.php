<?php
/**
 * `php tests/console/wp-closte.php <subcommand> [<args>...] [--<option>...]`: runs the bridge's
 * commands from a shell without WP-CLI, for the README's examples and for trying the bridge where
 * WP-CLI is not installed. A stand-in, not WP-CLI: it parses arguments as WP-CLI does
 * (`--key=value`, `--flag`, `--no-flag`, `--path=<dir>`) and prints as WP-CLI does when piped
 * (stand-in.php).
 *
 * @package Closte\Bridge\Tests
 */

namespace {

	require_once __DIR__ . '/stand-in.php';

	require dirname( __DIR__, 2 ) . '/closte-command.php';

	$words = array();
	$assoc = array();
	foreach ( array_slice( $argv, 1 ) as $argument ) {
		if ( 0 === strpos( $argument, '--' ) ) {
			$pair = explode( '=', substr( $argument, 2 ), 2 );
			if ( 2 === count( $pair ) ) {
				$assoc[ $pair[0] ] = $pair[1];
			} elseif ( 0 === strpos( $pair[0], 'no-' ) ) {
				$assoc[ substr( $pair[0], 3 ) ] = false;
			} else {
				$assoc[ $pair[0] ] = true;
			}
		} else {
			$words[] = $argument;
		}
	}
	foreach ( array( 'path', 'debug', 'quiet' ) as $global ) {
		if ( array_key_exists( $global, $assoc ) ) {
			WP_CLI::$config[ $global ] = $assoc[ $global ];
			unset( $assoc[ $global ] );
		}
	}
	$group  = isset( $words[0], WP_CLI::$commands[ 'closte ' . $words[0] ] ) ? array_shift( $words ) : null;
	$class  = WP_CLI::$commands[ null === $group ? 'closte' : 'closte ' . $group ];
	$name   = (string) array_shift( $words );
	$method = 'list' === $name ? 'list_' : $name;
	if ( ! method_exists( $class, $method ) ) {
		WP_CLI::error( "'$name' is not a registered subcommand of 'closte" . ( null === $group ? '' : " $group" ) . "'." );
	}
	( new $class() )->{$method}( $words, $assoc );
}
