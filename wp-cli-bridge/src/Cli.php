<?php
/**
 * What every `wp closte ...` command does: forward to the binary, print the answer WP-CLI's way.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge;

use WP_CLI;

/**
 * The glue between WP-CLI and the Bridge: where WordPress is, which of WP-CLI's own global flags
 * the binary should also see, the `--network` paths that read Ultimate Multisite, and failures
 * as `WP_CLI::error`.
 */
final class Cli {

	/** @var Bridge|null */
	private static $bridge = null;

	/**
	 * Replaces the bridge (tests: a binary, a standard error and a margin of their own).
	 */
	public static function use_bridge( ?Bridge $bridge ): void {
		self::$bridge = $bridge;
	}

	public static function bridge(): Bridge {
		if ( null === self::$bridge ) {
			self::$bridge = new Bridge();
		}
		return self::$bridge;
	}

	/**
	 * Forwards one command and prints its answer.
	 *
	 * @param string              $command    The binary's command.
	 * @param array<int,string>   $args       As WP-CLI gave them.
	 * @param array<string,mixed> $assoc_args As WP-CLI gave them.
	 * @param array<string,mixed> $settings   The network's settings, when WordPress is loaded.
	 * @param float|null          $budget     Seconds before the binary counts as hung.
	 */
	public static function run( string $command, array $args, array $assoc_args, array $settings = array(), ?float $budget = null ): void {
		$answers = self::call( array( array( $command, $args, $assoc_args, $settings ) ), $budget ?? TimeBudget::seconds( $assoc_args, 1 + count( $args ), 0.0, self::bridge()->margin() ) );
		if ( null !== $answers ) {
			Presenter::show( $answers[0], $assoc_args );
		}
	}

	/**
	 * Sends requests in one `closte rpc`; on a bridge failure prints it and returns null.
	 *
	 * @param array<int,array{0:string,1:array<int,string>,2:array<string,mixed>,3:array<string,mixed>}> $calls
	 *        Each: command, args, assoc_args, settings.
	 * @param float $budget Seconds before the binary counts as hung.
	 * @return array<int,array<string,mixed>>|null
	 */
	public static function call( array $calls, float $budget ): ?array {
		$bridge   = self::bridge();
		$location = self::location();
		$requests = array();
		foreach ( $calls as $call ) {
			$requests[] = $bridge->request( $call[0], $call[1], self::with_global_flags( $call[2] ), $call[3], $location );
		}
		try {
			return $bridge->send( $requests, $budget );
		} catch ( BridgeException $failure ) {
			self::fail( $failure );
			return null;
		}
	}

	/**
	 * A bridge failure as `WP_CLI::error`.
	 */
	public static function fail( BridgeException $failure ): void {
		Presenter::error( $failure->error_code(), $failure->getMessage(), $failure->hint(), $failure->exit_status() );
	}

	/**
	 * The options without the bridge's own `--network`.
	 *
	 * @param array<string,mixed> $assoc_args The command's options.
	 * @return array<string,mixed>
	 */
	public static function without_network( array $assoc_args ): array {
		unset( $assoc_args['network'] );
		return $assoc_args;
	}

	/**
	 * Loads WordPress (the command runs before it) and checks Ultimate Multisite is there; prints
	 * an error and returns false when it is not.
	 */
	public static function load_network(): bool {
		if ( ! function_exists( 'add_action' ) ) {
			WP_CLI::get_runner()->load_wordpress();
		}
		if ( Network::available() ) {
			return true;
		}
		Presenter::error(
			'ultimate_multisite_missing',
			'--network needs Ultimate Multisite, and it is not active on this network.',
			'Network-activate Ultimate Multisite, or name the domains yourself (every other command works without it).',
			1
		);
		return false;
	}

	/**
	 * The aliases the network's domain records need, as the binary's one rule says (`closte domain
	 * aliases`; autosync asks the same): its warnings are printed; on an error it prints it and
	 * returns null.
	 *
	 * @param array<string,mixed> $assoc_args The command's options (`config`, `debug`, `quiet` are passed on).
	 * @param bool                $network    Also `*.<network host>` on a subdomain install.
	 * @return array<int,array{domain:string,wildcard:bool}>|null
	 */
	public static function network_aliases( array $assoc_args, bool $network ): ?array {
		$records = array_column( Network::domains(), 'domain' );
		$answers = self::call( array( Network::aliases_call( $records, $network, $assoc_args ) ), TimeBudget::seconds( array(), 1, 0.0, self::bridge()->margin() ) );
		if ( null === $answers ) {
			return null;
		}
		$aliases = Network::aliases( $answers[0] );
		if ( null === $aliases ) {
			Presenter::show( $answers[0], array() );
			return null;
		}
		foreach ( (array) ( $answers[0]['warnings'] ?? array() ) as $warning ) {
			WP_CLI::warning( (string) $warning );
		}
		return $aliases;
	}

	/**
	 * `path` (WP-CLI's --path, or ABSPATH once WordPress is loaded) and `config` (the wp-config.php
	 * WP-CLI located), for the binary to read the same wp-config.php.
	 *
	 * @return array<string,string|null>
	 */
	public static function location(): array {
		$path = WP_CLI::get_config( 'path' );
		if ( ( ! is_string( $path ) || '' === $path ) && defined( 'ABSPATH' ) ) {
			$path = (string) constant( 'ABSPATH' );
		}
		$config = null;
		if ( function_exists( 'WP_CLI\\Utils\\locate_wp_config' ) ) {
			$found  = \WP_CLI\Utils\locate_wp_config();
			$config = is_string( $found ) && '' !== $found ? $found : null;
		}
		return array(
			'path'   => is_string( $path ) && '' !== $path ? $path : null,
			'config' => $config,
		);
	}

	/**
	 * WP-CLI consumes `--debug` and `--quiet` itself; the binary hears them too.
	 *
	 * @param array<string,mixed> $assoc_args The command's options.
	 * @return array<string,mixed>
	 */
	private static function with_global_flags( array $assoc_args ): array {
		foreach ( array( 'debug', 'quiet' ) as $flag ) {
			if ( ! array_key_exists( $flag, $assoc_args ) && WP_CLI::get_config( $flag ) ) {
				$assoc_args[ $flag ] = true;
			}
		}
		return $assoc_args;
	}
}
