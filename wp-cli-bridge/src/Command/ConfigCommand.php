<?php
/**
 * `wp closte config path|list|get|has`.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge\Command;

use Closte\Bridge\Cli;
use Closte\Bridge\Presenter;
use Closte\Bridge\TimeBudget;
use WP_CLI;

/**
 * Reads wp-config.php the way closte does, without running PHP: what closte will use, and why.
 *
 * Compatible with `wp config`, except that secrets (passwords, keys, salts, the Closte API key)
 * are redacted unless --reveal.
 *
 * @when before_wp_load
 */
final class ConfigCommand {

	/**
	 * Shows the path of the wp-config.php closte would use.
	 *
	 * ## OPTIONS
	 *
	 * [--config=<file>]
	 * : An explicit wp-config.php (wins over WP-CLI's --path).
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp closte config path
	 *
	 * @when before_wp_load
	 *
	 * @param array<int,string>   $args       Positional arguments.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function path( $args, $assoc_args ) {
		Cli::run( 'config path', $args, $assoc_args );
	}

	/**
	 * Lists the constants and variables wp-config.php defines, as `wp config list` does.
	 *
	 * Every format shows name, value and type; --fields adds closte's own: value_type, file, line,
	 * conditional, resolved and reason (why a value is not resolved).
	 *
	 * ## OPTIONS
	 *
	 * [<filter>...]
	 * : Only names containing one of these.
	 *
	 * [--strict]
	 * : Only names equal to a filter.
	 *
	 * [--reveal]
	 * : Show secrets (passwords, keys, salts, CLOSTE_CLIENT_API_KEY) instead of redacting them.
	 *
	 * [--config=<file>]
	 * : An explicit wp-config.php (wins over WP-CLI's --path).
	 *
	 * [--fields=<fields>]
	 * : Comma-separated fields to show. Default: name,value,type.
	 *
	 * [--format=<format>]
	 * : Output format. Default: table.
	 * ---
	 * options:
	 *   - table
	 *   - csv
	 *   - json
	 *   - yaml
	 *   - dotenv
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp closte config list
	 *
	 *     $ wp closte config list DB_ --format=json
	 *
	 * @when before_wp_load
	 * @subcommand list
	 *
	 * @param array<int,string>   $args       Filters.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function list_( $args, $assoc_args ) {
		Cli::run( 'config list', $args, $assoc_args );
	}

	/**
	 * Prints one constant's or variable's value, as `wp config get` does; without a name, lists.
	 *
	 * ## OPTIONS
	 *
	 * [<name>]
	 * : The constant or variable.
	 *
	 * [--type=<type>]
	 * : Which kind of definition to look for. Default: all.
	 * ---
	 * options:
	 *   - constant
	 *   - variable
	 *   - all
	 * ---
	 *
	 * [--config=<file>]
	 * : An explicit wp-config.php (wins over WP-CLI's --path).
	 *
	 * [--reveal]
	 * : Print a secret's value instead of redacting it.
	 *
	 * [--format=<format>]
	 * : How to print the value. Default: var_export.
	 * ---
	 * options:
	 *   - var_export
	 *   - json
	 *   - yaml
	 *   - dotenv
	 * ---
	 *
	 * [--constant=<name>]
	 * : Older spelling of `config get <name> --type=constant`.
	 *
	 * [--global=<name>]
	 * : Older spelling of `config get <name> --type=variable`.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp closte config get DOMAIN_CURRENT_SITE
	 *
	 * @when before_wp_load
	 *
	 * @param array<int,string>   $args       The name.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function get( $args, $assoc_args ) {
		Cli::run( 'config get', $args, $assoc_args );
	}

	/**
	 * Exits 0 when wp-config.php defines the name, 1 when it does not; prints nothing.
	 *
	 * ## OPTIONS
	 *
	 * <name>
	 * : The constant or variable.
	 *
	 * [--type=<type>]
	 * : Which kind of definition to look for. Default: all.
	 * ---
	 * options:
	 *   - constant
	 *   - variable
	 *   - all
	 * ---
	 *
	 * [--config=<file>]
	 * : An explicit wp-config.php (wins over WP-CLI's --path).
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp closte config has CLOSTE_CLIENT_API_KEY && echo "the key is there"
	 *
	 * @when before_wp_load
	 *
	 * @param array<int,string>   $args       The name.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function has( $args, $assoc_args ) {
		$answers = Cli::call( array( array( 'config has', $args, $assoc_args, array() ) ), TimeBudget::seconds( $assoc_args, 1, 0.0, Cli::bridge()->margin() ) );
		if ( null === $answers ) {
			return;
		}
		// The answer's data is the yes or no (an rpc stream does not fail on a "no"); here it is the exit status.
		if ( false === ( $answers[0]['data'] ?? null ) && ! isset( $answers[0]['error'] ) ) {
			WP_CLI::halt( 1 );
		}
		Presenter::show( $answers[0], $assoc_args );
	}
}
