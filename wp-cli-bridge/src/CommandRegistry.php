<?php
/**
 * Registers `wp closte` and its subcommands with WP-CLI.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge;

use WP_CLI;

final class CommandRegistry {

	/**
	 * `closte` first (check, doctor, version), then its groups, so WP-CLI nests them under it.
	 */
	public static function register(): void {
		WP_CLI::add_command( 'closte', Command\ClosteCommand::class );
		WP_CLI::add_command( 'closte config', Command\ConfigCommand::class );
		WP_CLI::add_command( 'closte domain', Command\DomainCommand::class );
		WP_CLI::add_command( 'closte dns', Command\DnsCommand::class );
		WP_CLI::add_command( 'closte ssl', Command\SslCommand::class );
	}
}
