<?php
/**
 * The test double of `WP_CLI\Utils\format_items`: it records the call (in WP_CLI::$calls) and
 * writes to WP_CLI::$stdout what WP-CLI 2.12.0 prints when piped (Closte_Format_Items_Text, in
 * FormatItemsText.php, says how). WP-CLI's own commands hand `ids` a flat list of ids; a list of
 * rows there fails the test with PHP's "Array to string conversion" warning, as it warns for real.
 *
 * @package Closte\Bridge\Tests
 */

namespace WP_CLI\Utils;

require_once __DIR__ . '/FormatItemsText.php';

/**
 * @param string                   $format Output format.
 * @param array<int,mixed>         $items  Rows (or, for ids, the ids).
 * @param array<int,string>|string $fields Columns.
 */
function format_items( $format, $items, $fields ) {
	$fields           = array_map( 'trim', is_string( $fields ) ? explode( ',', $fields ) : (array) $fields );
	\WP_CLI::$calls[] = array( 'format_items', $format, $items, $fields );
	\WP_CLI::$stdout .= \Closte_Format_Items_Text::render( (string) $format, $items, $fields );
}
