<?php
/**
 * `php tests/console/wp-closte.php <subcommand> [<args>...] [--<option>...]`: runs the bridge's
 * commands from a shell without WP-CLI, for the README's examples and for trying the bridge where
 * WP-CLI is not installed. A stand-in, not WP-CLI: it parses arguments as WP-CLI does
 * (`--key=value`, `--flag`, `--no-flag`, `--path=<dir>`), prints `Success:`, `Warning:` and
 * `Error:` lines as WP-CLI does, and prints lists as WP-CLI's format_items does when its output is
 * piped (table: tab-separated; json; csv; count; ids; yaml for flat rows).
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

	/**
	 * WP-CLI's format_items as it prints when standard output is piped.
	 *
	 * @param string                   $format Output format.
	 * @param array<int,mixed>         $items  Rows.
	 * @param array<int,string>|string $fields Columns.
	 */
	function format_items( $format, $items, $fields ) {
		$fields = is_string( $fields ) ? explode( ',', $fields ) : $fields;
		$rows   = array();
		foreach ( $items as $item ) {
			$row = array();
			foreach ( $fields as $field ) {
				$row[ $field ] = ( (array) $item )[ $field ] ?? null;
			}
			$rows[] = $row;
		}
		$cell = static function ( $value ) {
			if ( is_bool( $value ) ) {
				return $value ? 'true' : 'false';
			}
			return is_array( $value ) ? json_encode( $value ) : (string) $value;
		};
		switch ( $format ) {
			case 'json':
				echo json_encode( $rows ), "\n";
				return;
			case 'count':
				echo count( $rows ), "\n";
				return;
			case 'ids':
				echo implode( ' ', array_column( $rows, $fields[0] ) ), "\n";
				return;
			case 'csv':
				$out = fopen( 'php://output', 'w' );
				fputcsv( $out, $fields );
				foreach ( $rows as $row ) {
					fputcsv( $out, array_map( $cell, $row ) );
				}
				return;
			case 'yaml':
				echo "---\n";
				foreach ( $rows as $row ) {
					$prefix = '- ';
					foreach ( $row as $field => $value ) {
						echo $prefix, $field, ': ', is_string( $value ) ? json_encode( $value, JSON_UNESCAPED_SLASHES ) : $cell( $value ), "\n";
						$prefix = '  ';
					}
				}
				return;
			default:
				echo implode( "\t", $fields ), "\n";
				foreach ( $rows as $row ) {
					echo implode( "\t", array_map( $cell, $row ) ), "\n";
				}
		}
	}
}

namespace {

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
