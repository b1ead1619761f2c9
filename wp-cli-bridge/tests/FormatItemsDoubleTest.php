<?php
/**
 * The format_items double prints what WP-CLI 2.12.0 really prints, byte for byte, for every format:
 * the golden files (tests/fixtures/wp-cli-format-golden/, from /work/shared/wp-cli-format-golden)
 * are real WP-CLI output for the rows in rows.json, with standard output piped.
 *
 * @package Closte\Bridge\Tests
 */

final class FormatItemsDoubleTest extends BridgeTestCase {

	/**
	 * @return array<string,array{0:string,1:string}>
	 */
	public function golden(): array {
		$cases = array();
		foreach ( array( 'domains', 'tricky', 'empty' ) as $set ) {
			foreach ( array( 'table', 'json', 'csv', 'yaml', 'count' ) as $format ) {
				$cases[ "$set $format" ] = array( $set, $format );
			}
		}
		return $cases;
	}

	/**
	 * @dataProvider golden
	 */
	public function test_every_format_prints_what_wp_cli_prints( string $set, string $format ): void {
		$rows = self::rows()[ $set ];
		\WP_CLI\Utils\format_items( $format, $rows['rows'], $rows['fields'] );
		$this->assertSame( self::golden_file( "$set.$format.piped.txt" ), WP_CLI::$stdout );
	}

	public function test_fields_choose_and_order_the_columns(): void {
		$rows = self::rows()['domains'];
		\WP_CLI\Utils\format_items( 'table', $rows['rows'], 'action,domain' );
		$this->assertSame( self::golden_file( 'domains.table.fields-action-domain.piped.txt' ), WP_CLI::$stdout );
		WP_CLI::$stdout = '';
		\WP_CLI\Utils\format_items( 'csv', $rows['rows'], array( 'action', 'domain' ) );
		$this->assertSame( self::golden_file( 'domains.csv.fields-action-domain.txt' ), WP_CLI::$stdout );
	}

	public function test_a_zero_is_printed_as_php_casts_it(): void {
		\WP_CLI\Utils\format_items( 'table', array( array( 'elapsed' => 0, 'tries' => 0.0, 'done' => false ) ), 'elapsed,tries,done' );
		$this->assertSame( "elapsed\ttries\tdone\n0\t0\t\n", WP_CLI::$stdout );
	}

	public function test_ids_joins_the_ids_it_is_given_with_spaces(): void {
		\WP_CLI\Utils\format_items( 'ids', array( 3, 12, 7 ), array( 'id' ) );
		$this->assertSame( self::golden_file( 'ids.ids.txt' ), WP_CLI::$stdout );
	}

	/**
	 * WP-CLI's `implode( ' ', $items )` on rows: PHP's warning, and `Array` for each row.
	 */
	public function test_ids_given_rows_warns_as_php_does(): void {
		$warnings = array();
		set_error_handler(
			static function ( $level, $message ) use ( &$warnings ) {
				$warnings[] = $message;
				return true;
			}
		);
		try {
			\WP_CLI\Utils\format_items( 'ids', self::rows()['ids']['rows'], array( 'id' ) );
		} finally {
			restore_error_handler();
		}
		$this->assertSame( array_fill( 0, 3, 'Array to string conversion' ), $warnings );
		$this->assertSame( 'Array Array Array', WP_CLI::$stdout );
	}

	public function test_an_unknown_field_or_format_is_an_error(): void {
		$rows   = self::rows()['domains']['rows'];
		$status = $this->run_command(
			static function () use ( $rows ) {
				\WP_CLI\Utils\format_items( 'table', $rows, array( 'nope' ) );
			}
		);
		$this->assertSame( 1, $status );
		$this->assertSame( array( 'error', 'Invalid field: nope.' ), $this->calls( 'error' )[0] );
		WP_CLI::reset();
		$status = $this->run_command(
			static function () use ( $rows ) {
				\WP_CLI\Utils\format_items( 'xml', $rows, array( 'domain' ) );
			}
		);
		$this->assertSame( 1, $status );
		$this->assertSame( array( 'error', 'Invalid format: xml' ), $this->calls( 'error' )[0] );
	}

	/**
	 * @return array<string,array{fields:array<int,string>,rows:array<int,array<string,mixed>>}>
	 */
	private static function rows(): array {
		return json_decode( self::golden_file( 'rows.json' ), true );
	}

	private static function golden_file( string $name ): string {
		return (string) file_get_contents( self::fixture( 'wp-cli-format-golden/' . $name ) );
	}
}
