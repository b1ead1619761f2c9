<?php
/**
 * The console stand-in for WP-CLI: the `WP_CLI` class and `WP_CLI\Utils\format_items`, printing as
 * WP-CLI 2.12 does when its output is piped: `Success:` on standard output, `Warning:` and `Error:`
 * on standard error, lists byte for byte as WP-CLI's formatter (Closte_Format_Items_Text, shared with
 * the test double), except that a json, count or ids list ends its line, where WP-CLI ends none, so
 * the next example starts on a line of its own. Used by wp-closte.php and autosync-demo.php.
 *
 * @package Closte\Bridge\Tests
 */

namespace {

	define( 'WP_CLI', true );

	/**
	 * The console stand-in of the WP_CLI class.
	 */
	class WP_CLI {

		/** @var array<string,mixed> */
		public static $config = array();

		/** @var array<string,string> */
		public static $commands = array();

		public static function line( $message = '' ) {
			echo $message, "\n";
		}

		public static function log( $message ) {
			echo $message, "\n";
		}

		public static function success( $message ) {
			echo 'Success: ', $message, "\n";
		}

		public static function warning( $message ) {
			fwrite( STDERR, 'Warning: ' . $message . "\n" );
		}

		public static function error( $message, $exit = true ) {
			fwrite( STDERR, 'Error: ' . $message . "\n" );
			if ( true === $exit ) {
				exit( 1 );
			}
		}

		public static function halt( $status ) {
			exit( (int) $status );
		}

		public static function get_config( $key = null ) {
			return null === $key ? self::$config : ( self::$config[ $key ] ?? null );
		}

		public static function add_command( $name, $class, $args = array() ) {
			self::$commands[ $name ] = $class;
		}

		public static function get_runner() {
			return new class() {
				public function load_wordpress() {
					WP_CLI::error( 'This console stand-in cannot load WordPress; run --network under WP-CLI.' );
				}
			};
		}
	}
}

namespace WP_CLI\Utils {

	require_once dirname( __DIR__ ) . '/doubles/FormatItemsText.php';

	/**
	 * WP-CLI's format_items as it prints when standard output is piped.
	 *
	 * @param string                   $format Output format.
	 * @param array<int,mixed>         $items  Rows (or, for ids, the ids).
	 * @param array<int,string>|string $fields Columns.
	 */
	function format_items( $format, $items, $fields ) {
		$fields = array_map( 'trim', is_string( $fields ) ? explode( ',', $fields ) : (array) $fields );
		$text   = \Closte_Format_Items_Text::render( (string) $format, $items, $fields );
		echo $text, '' === $text || "\n" !== substr( $text, -1 ) ? "\n" : '';
	}
}
