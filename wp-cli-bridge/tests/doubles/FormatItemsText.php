<?php
/**
 * What WP-CLI 2.12.0's `WP_CLI\Utils\format_items` writes to a standard output that is not a
 * terminal, for every format, as text: php/WP_CLI/Formatter.php of wp-cli/wp-cli (display_items,
 * then format). The test double (format_items.php) and the console stand-in (console/stand-in.php)
 * both print with it:
 *
 * - `format_items( $format, $items, $fields )` builds a Formatter from `compact( 'format', 'fields' )`;
 *   a string `$fields` is split on commas and trimmed.
 * - For csv, json and table, the first item must have every field (`Invalid field: x.`, WP_CLI::error).
 * - table and csv cells: arrays and objects are JSON-encoded; the rest is PHP's string cast (false and
 *   null empty, true `1`). A piped table is cli\Table's tabular renderer: the header, then one line per
 *   row, cells joined by tabs, a tab inside a cell as four spaces, only a cell's first line.
 * - csv is `WP_CLI\Utils\write_csv`: fputcsv with `,` `"` `\`.
 * - json is one line, no newline after it; yaml is Spyc::YAMLDump( $items, 2, 0 ).
 * - count is the number of items; ids is `implode( ' ', $items )`: the items themselves, so a list of
 *   rows prints `Array Array` with PHP's "Array to string conversion" warning per row (which PHPUnit
 *   turns into a failure here). WP-CLI's own commands hand `ids` a flat list of ids.
 * - any other format: `Invalid format: x` (WP_CLI::error).
 *
 * tests/FormatItemsDoubleTest.php holds it to WP-CLI's real output, /work/shared/wp-cli-format-golden
 * (copied to tests/fixtures/wp-cli-format-golden/).
 *
 * @package Closte\Bridge\Tests
 */

/**
 * What WP-CLI 2.12.0's Formatter prints for a list, as text.
 */
final class Closte_Format_Items_Text {

	/**
	 * @param string            $format Output format.
	 * @param array<int,mixed>  $items  The items.
	 * @param array<int,string> $fields Columns.
	 */
	public static function render( string $format, array $items, array $fields ): string {
		if ( in_array( $format, array( 'csv', 'json', 'table' ), true ) && array() !== $items ) {
			$first = reset( $items );
			foreach ( $fields as $field ) {
				if ( ! ( is_array( $first ) && array_key_exists( $field, $first ) ) && ! ( is_object( $first ) && property_exists( $first, $field ) ) ) {
					\WP_CLI::error( "Invalid field: $field." );
				}
			}
		}
		switch ( $format ) {
			case 'count':
				return (string) count( $items );
			case 'ids':
				return implode( ' ', $items );
			case 'table':
				$lines = array( implode( "\t", $fields ) );
				foreach ( $items as $item ) {
					$cells = array();
					foreach ( self::pick( $item, $fields ) as $value ) {
						$cells[] = str_replace( "\t", '    ', explode( "\n", self::cell( $value ) )[0] );
					}
					$lines[] = implode( "\t", $cells );
				}
				return implode( "\n", $lines ) . "\n";
			case 'csv':
				$out = fopen( 'php://memory', 'w+' );
				fputcsv( $out, $fields, ',', '"', '\\' );
				foreach ( $items as $item ) {
					fputcsv( $out, array_map( array( self::class, 'cell' ), array_values( self::pick( $item, $fields ) ) ), ',', '"', '\\' );
				}
				rewind( $out );
				return (string) stream_get_contents( $out );
			case 'json':
				$out = array();
				foreach ( $items as $item ) {
					$out[] = self::pick( $item, $fields );
				}
				return (string) json_encode( $out, JSON_PARTIAL_OUTPUT_ON_ERROR );
			case 'yaml':
				$out = array();
				foreach ( $items as $item ) {
					$out[] = self::pick( $item, $fields );
				}
				return self::yaml( $out );
			default:
				\WP_CLI::error( 'Invalid format: ' . $format );
				return '';
		}
	}

	/**
	 * `WP_CLI\Utils\pick_fields`: the fields in the order asked, null where the item has none.
	 *
	 * @param mixed             $item   A row.
	 * @param array<int,string> $fields Columns.
	 * @return array<string,mixed>
	 */
	private static function pick( $item, array $fields ): array {
		$item   = (object) $item;
		$picked = array();
		foreach ( $fields as $field ) {
			$picked[ $field ] = isset( $item->$field ) ? $item->$field : null;
		}
		return $picked;
	}

	/**
	 * A table or CSV cell: arrays and objects as JSON, the rest as PHP casts it.
	 *
	 * @param mixed $value The value.
	 */
	public static function cell( $value ): string {
		return is_array( $value ) || is_object( $value ) ? (string) json_encode( $value ) : (string) $value;
	}

	/**
	 * Spyc::YAMLDump( $list, 2, 0 ) for what format_items hands it: a list of rows whose values are
	 * scalars or nested arrays.
	 *
	 * @param array<int,mixed> $list The rows.
	 */
	private static function yaml( array $list ): string {
		$text = "---\n";
		foreach ( $list as $row ) {
			$text .= self::yaml_node( '-', $row, 0 );
		}
		return $text;
	}

	/**
	 * @param string|int $key    The key (`-` for a list item).
	 * @param mixed      $value  The value.
	 * @param int        $indent Spaces before the key.
	 */
	private static function yaml_node( $key, $value, int $indent ): string {
		$lead = str_repeat( ' ', $indent ) . ( '-' === $key ? '-' : $key . ':' );
		if ( is_array( $value ) ) {
			if ( array() === $value ) {
				return $lead . " [ ]\n";
			}
			$text = $lead . ( '-' === $key ? " \n" : "\n" );
			$list = array_keys( $value ) === range( 0, count( $value ) - 1 );
			foreach ( $value as $child_key => $child ) {
				$text .= self::yaml_node( $list ? '-' : $child_key, $child, $indent + 2 );
			}
			return $text;
		}
		return $lead . ' ' . self::yaml_scalar( $value, $indent ) . "\n";
	}

	/**
	 * A scalar as Spyc writes it: true/false/null as words, strings that YAML would misread quoted,
	 * a string with a newline as a literal block.
	 *
	 * @param mixed $value  The scalar.
	 * @param int   $indent The key's indent.
	 */
	private static function yaml_scalar( $value, int $indent ): string {
		if ( true === $value ) {
			return 'true';
		}
		if ( false === $value ) {
			return 'false';
		}
		if ( null === $value ) {
			return 'null';
		}
		if ( ! is_string( $value ) ) {
			return (string) $value;
		}
		if ( '' === $value ) {
			return '""';
		}
		if ( false !== strpos( $value, "\n" ) ) {
			$pad = str_repeat( ' ', $indent + 2 );
			return "|\n" . $pad . implode( "\n" . $pad, explode( "\n", $value ) );
		}
		$special = in_array( strtolower( $value ), array( 'null', 'true', 'false', 'yes', 'no', 'on', 'off', '~' ), true );
		if ( $special || preg_match( '/: |- |[*#<>%\[\]{}&\']|  /', $value ) || '!' === $value[0] || ':' === substr( $value, -1 ) ) {
			return false !== strpos( $value, "'" ) ? '"' . $value . '"' : "'" . $value . "'";
		}
		return $value;
	}
}
