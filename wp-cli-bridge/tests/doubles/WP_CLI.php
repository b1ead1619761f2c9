<?php
/**
 * The test double of WP-CLI: the `WP_CLI` class here and `WP_CLI\Utils\format_items` in
 * format_items.php, nothing else. Every call is recorded; `error` (with exit) and `halt` throw
 * WP_CLI_Halt carrying the exit status, as WP-CLI would end the process there. What WP-CLI 2.12.0
 * would write to a piped standard output is in WP_CLI::$stdout: `line` and `log` write their message
 * and a newline, format_items its list byte for byte (see format_items.php).
 *
 * @package Closte\Bridge\Tests
 */

namespace {

	if ( ! defined( 'WP_CLI' ) ) {
		define( 'WP_CLI', true );
	}

	/**
	 * WP-CLI ended the command with this exit status.
	 */
	final class WP_CLI_Halt extends \RuntimeException {

		/** @var int */
		public $status;

		public function __construct( int $status ) {
			parent::__construct( 'halt ' . $status );
			$this->status = $status;
		}
	}

	/**
	 * Records what a command printed and how it ended.
	 */
	class WP_CLI {

		/** @var array<int,array<int,mixed>> */
		public static $calls = array();

		/** @var array<string,mixed> WP-CLI's runtime config (`path`, `debug`, `quiet`). */
		public static $config = array();

		/** @var array<string,mixed> */
		public static $commands = array();

		/** @var callable|null Runs when a command loads WordPress. */
		public static $on_load_wordpress = null;

		/** @var string What WP-CLI would have written to standard output. */
		public static $stdout = '';

		public static function reset(): void {
			self::$stdout            = '';
			self::$calls             = array();
			self::$config            = array();
			self::$commands          = array();
			self::$on_load_wordpress = null;
		}

		public static function line( $message = '' ) {
			self::$calls[] = array( 'line', $message );
			self::$stdout .= $message . "\n";
		}

		public static function log( $message ) {
			self::$calls[] = array( 'log', $message );
			self::$stdout .= $message . "\n";
		}

		public static function success( $message ) {
			self::$calls[] = array( 'success', $message );
		}

		public static function warning( $message ) {
			self::$calls[] = array( 'warning', $message );
		}

		public static function error( $message, $exit = true ) {
			self::$calls[] = array( 'error', $message );
			if ( true === $exit ) {
				throw new WP_CLI_Halt( 1 );
			}
		}

		public static function halt( $status ) {
			self::$calls[] = array( 'halt', $status );
			throw new WP_CLI_Halt( (int) $status );
		}

		public static function get_config( $key = null ) {
			return null === $key ? self::$config : ( self::$config[ $key ] ?? null );
		}

		public static function add_command( $name, $callable, $args = array() ) {
			self::$commands[ $name ] = $callable;
			return true;
		}

		public static function get_runner() {
			return new class() {
				public function load_wordpress() {
					\WP_CLI::$calls[] = array( 'load_wordpress' );
					if ( null !== \WP_CLI::$on_load_wordpress ) {
						( \WP_CLI::$on_load_wordpress )();
					}
				}
			};
		}
	}
}
