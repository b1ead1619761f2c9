<?php
/**
 * The answer becomes WP-CLI's own output: format_items for lists, success, warnings, errors with
 * their codes and exit statuses.
 *
 * @package Closte\Bridge\Tests
 */

use Closte\Bridge\Command\ClosteCommand;
use Closte\Bridge\Command\ConfigCommand;
use Closte\Bridge\Command\DomainCommand;

final class PresenterTest extends BridgeTestCase {

	const ROWS = array(
		array( 'domain' => 'example.com', 'wildcard' => false, 'action' => 'added' ),
		array( 'domain' => '*.example.net', 'wildcard' => true, 'action' => 'exists' ),
	);

	/**
	 * @return array<string,array{0:array<string,string>,1:string,2:array<int,string>}>
	 */
	public function formats(): array {
		return array(
			'table by default'  => array( array(), 'table', array( 'domain', 'action' ) ),
			'table'             => array( array( 'format' => 'table' ), 'table', array( 'domain', 'action' ) ),
			'json'              => array( array( 'format' => 'json' ), 'json', array( 'domain', 'action' ) ),
			'csv'               => array( array( 'format' => 'csv' ), 'csv', array( 'domain', 'action' ) ),
			'yaml'              => array( array( 'format' => 'yaml' ), 'yaml', array( 'domain', 'action' ) ),
			'count'             => array( array( 'format' => 'count' ), 'count', array( 'domain', 'action' ) ),
			'fields'            => array( array( 'fields' => 'domain, wildcard' ), 'table', array( 'domain', 'wildcard' ) ),
			'fields and format' => array( array( 'format' => 'csv', 'fields' => 'action' ), 'csv', array( 'action' ) ),
		);
	}

	/**
	 * @dataProvider formats
	 * @param array<string,string> $assoc  Options.
	 * @param string               $format Expected format.
	 * @param array<int,string>    $fields Expected fields.
	 */
	public function test_lists_go_through_format_items( array $assoc, string $format, array $fields ): void {
		$this->fake_answer( $this->items_answer() );
		$status = $this->run_command(
			function () use ( $assoc ) {
				( new DomainCommand() )->add( array( 'example.com', '*.example.net' ), $assoc );
			}
		);
		$this->assertSame( 0, $status );
		$this->assertSame( array( array( 'format_items', $format, self::ROWS, $fields ) ), $this->calls() );
	}

	/**
	 * WP-CLI's formatter prints `implode( ' ', $items )`: it gets the domains, not the rows (which
	 * print `Array Array` and a PHP warning each).
	 */
	public function test_ids_are_a_flat_list_of_the_domains(): void {
		$this->fake_answer( $this->items_answer() );
		$status = $this->run_command(
			function () {
				( new DomainCommand() )->list_( array(), array( 'format' => 'ids' ) );
			}
		);
		$this->assertSame( 0, $status );
		$this->assertSame( array( array( 'format_items', 'ids', array( 'example.com', '*.example.net' ), array( 'domain', 'action' ) ) ), $this->calls() );
		$this->assertSame( 'example.com *.example.net', WP_CLI::$stdout );
	}

	public function test_warnings_come_first_each_as_a_warning(): void {
		$answer             = $this->items_answer();
		$answer['warnings'] = array( 'example.com is proxied by Cloudflare', 'second warning' );
		$this->fake_answer( $answer );
		$this->run_command(
			function () {
				( new DomainCommand() )->list_( array(), array() );
			}
		);
		$calls = $this->calls();
		$this->assertSame( array( 'warning', 'example.com is proxied by Cloudflare' ), $calls[0] );
		$this->assertSame( array( 'warning', 'second warning' ), $calls[1] );
		$this->assertSame( 'format_items', $calls[2][0] );
	}

	public function test_one_record_is_a_field_value_table(): void {
		$this->fake_answer( $this->item_answer() );
		$this->run_command(
			function () {
				( new ClosteCommand() )->check( array(), array() );
			}
		);
		$this->assertSame(
			array(
				array(
					'format_items',
					'table',
					array(
						array( 'Field' => 'ok', 'Value' => true ),
						array( 'Field' => 'api_url', 'Value' => 'http://127.0.0.1/api/client' ),
						array( 'Field' => 'checks', 'Value' => '["key","api"]' ),
					),
					array( 'Field', 'Value' ),
				),
			),
			$this->calls()
		);
	}

	public function test_one_record_as_json_is_one_line(): void {
		$this->fake_answer( $this->item_answer() );
		$this->run_command(
			function () {
				( new ClosteCommand() )->check( array(), array( 'format' => 'json', 'fields' => 'ok,api_url' ) );
			}
		);
		$this->assertSame( array( array( 'line', '{"ok":true,"api_url":"http://127.0.0.1/api/client"}' ) ), $this->calls() );
	}

	public function test_one_record_in_yaml_goes_through_format_items(): void {
		$this->fake_answer( $this->item_answer() );
		$this->run_command(
			function () {
				( new ClosteCommand() )->check( array(), array( 'format' => 'yaml' ) );
			}
		);
		$this->assertSame( 'yaml', $this->calls()[0][1] );
		$this->assertSame( array( 'ok', 'api_url', 'checks' ), $this->calls()[0][3] );
	}

	public function test_text_is_printed_as_given(): void {
		$this->fake_answer( $this->answer( '/srv/www/wp-config.php', array( 'kind' => 'text', 'text' => "/srv/www/wp-config.php\n" ) ) );
		$this->run_command(
			function () {
				( new ConfigCommand() )->path( array(), array() );
			}
		);
		$this->assertSame( array( array( 'line', '/srv/www/wp-config.php' ) ), $this->calls() );
	}

	public function test_a_single_result_is_a_success(): void {
		$this->fake_answer( $this->answer( array( 'removed' => 1 ), array( 'kind' => 'success', 'message' => 'Removed 1 alias.' ) ) );
		$this->run_command(
			function () {
				( new DomainCommand() )->remove( array( 'example.com' ), array() );
			}
		);
		$this->assertSame( array( array( 'success', 'Removed 1 alias.' ) ), $this->calls() );
	}

	public function test_a_single_result_with_format_json_is_its_data(): void {
		$this->fake_answer( $this->answer( array( 'removed' => 1 ), array( 'kind' => 'success', 'message' => 'Removed 1 alias.' ) ) );
		$this->run_command(
			function () {
				( new DomainCommand() )->remove( array( 'example.com' ), array( 'format' => 'json' ) );
			}
		);
		$this->assertSame( array( array( 'line', '{"removed":1}' ) ), $this->calls() );
	}

	public function test_an_error_shows_message_code_and_hint_and_exits_1(): void {
		$this->fake_answer(
			array(
				'ok'          => false,
				'error'       => array(
					'code'    => 'api_unauthorized',
					'message' => 'Closte rejected the API key',
					'hint'    => 'Check CLOSTE_CLIENT_API_KEY in wp-config.php.',
				),
				'exit_status' => 1,
			)
		);
		$status = $this->run_command(
			function () {
				( new ClosteCommand() )->check( array(), array() );
			}
		);
		$this->assertSame( 1, $status );
		$this->assertSame(
			array( array( 'error', "Closte rejected the API key (api_unauthorized)\nHint: Check CLOSTE_CLIENT_API_KEY in wp-config.php." ) ),
			$this->calls()
		);
	}

	public function test_an_error_with_format_json_is_also_printed_as_json(): void {
		$this->fake_answer(
			array(
				'ok'          => false,
				'error'       => array( 'code' => 'not_defined', 'message' => "The constant or variable 'NOPE' is not defined in the wp-config.php file." ),
				'exit_status' => 1,
			)
		);
		$status = $this->run_command(
			function () {
				( new ConfigCommand() )->get( array( 'NOPE' ), array( 'format' => 'json' ) );
			}
		);
		$this->assertSame( 1, $status );
		$calls = $this->calls();
		$this->assertSame( array( 'line', '{"ok":false,"error":{"code":"not_defined","message":"The constant or variable \'NOPE\' is not defined in the wp-config.php file."}}' ), $calls[0] );
		$this->assertSame( 'error', $calls[1][0] );
	}

	public function test_a_usage_error_exits_2(): void {
		$this->fake_answer(
			array(
				'ok'          => false,
				'error'       => array( 'code' => 'invalid_arguments', 'message' => '`closte domain add` has no option --bogus.' ),
				'exit_status' => 2,
			)
		);
		$status = $this->run_command(
			function () {
				( new DomainCommand() )->add( array( 'example.com' ), array( 'bogus' => '1' ) );
			}
		);
		$this->assertSame( 2, $status );
		$this->assertSame(
			array(
				array( 'error', '`closte domain add` has no option --bogus. (invalid_arguments)' ),
				array( 'halt', 2 ),
			),
			$this->calls()
		);
	}

	public function test_a_no_without_an_error_exits_1_silently(): void {
		$this->fake_answer( array( 'ok' => false, 'data' => false, 'warnings' => array(), 'exit_status' => 1, 'render' => array( 'kind' => 'none' ) ) );
		$status = $this->run_command(
			function () {
				( new ConfigCommand() )->has( array( 'NOPE' ), array() );
			}
		);
		$this->assertSame( 1, $status );
		$this->assertSame( array( array( 'halt', 1 ) ), $this->calls() );
	}

	public function test_a_half_applied_batch_shows_its_results_then_fails(): void {
		$answer                = $this->items_answer();
		$answer['ok']          = false;
		$answer['exit_status'] = 1;
		$answer['error']       = array( 'code' => 'batch_failed', 'message' => '1 of 2 domains failed.' );
		$this->fake_answer( $answer );
		$status = $this->run_command(
			function () {
				( new DomainCommand() )->add( array( 'example.com', '*.example.net' ), array() );
			}
		);
		$this->assertSame( 1, $status );
		$calls = $this->calls();
		$this->assertSame( 'format_items', $calls[0][0] );
		$this->assertSame( array( 'error', '1 of 2 domains failed. (batch_failed)' ), $calls[1] );
	}

	public function test_a_half_applied_batch_in_json_prints_one_json_document(): void {
		$answer                = $this->items_answer();
		$answer['ok']          = false;
		$answer['exit_status'] = 1;
		$answer['error']       = array( 'code' => 'batch_failed', 'message' => '1 of 2 domains failed.' );
		$this->fake_answer( $answer );
		$status = $this->run_command(
			function () {
				( new DomainCommand() )->add( array( 'example.com', '*.example.net' ), array( 'format' => 'json' ) );
			}
		);
		$this->assertSame( 1, $status );
		$this->assertSame( array( 'format_items', 'error' ), array_column( $this->calls(), 0 ) );
	}

	public function test_an_answer_without_render_is_read_by_its_shape(): void {
		$this->fake_answer( array( 'ok' => true, 'data' => self::ROWS, 'warnings' => array() ) );
		$this->run_command(
			function () {
				( new DomainCommand() )->list_( array(), array( 'format' => 'csv' ) );
			}
		);
		$this->assertSame( array( array( 'format_items', 'csv', self::ROWS, array( 'domain', 'wildcard', 'action' ) ) ), $this->calls() );
	}

	public function test_rows_in_render_are_printed_when_data_is_a_report(): void {
		$this->fake_answer( $this->answer( array( 'summary' => array( 'add' => 2 ) ), array( 'kind' => 'items', 'fields' => array( 'domain' ), 'rows' => self::ROWS ) ) );
		$this->run_command(
			function () {
				( new DomainCommand() )->list_( array(), array() );
			}
		);
		$this->assertSame( array( array( 'format_items', 'table', self::ROWS, array( 'domain' ) ) ), $this->calls() );
	}

	public function test_sync_report_prints_its_results_then_the_counts(): void {
		$report = array(
			'dry_run' => true,
			'prune'   => false,
			'summary' => array( 'add' => 1, 'keep' => 1, 'remove' => 0 ),
			'results' => self::ROWS,
		);
		$this->fake_answer( $this->answer( $report, array( 'kind' => 'none' ) ) );
		$this->run_command(
			function () {
				( new DomainCommand() )->sync( array(), array( 'dry-run' => true ) );
			}
		);
		$this->assertSame(
			array(
				array( 'format_items', 'table', self::ROWS, array( 'domain', 'wildcard', 'action' ) ),
				array( 'success', 'Dry run, nothing changed: 1 add, 1 keep, 0 remove.' ),
			),
			$this->calls()
		);
		WP_CLI::reset();
		$this->run_command(
			function () {
				( new DomainCommand() )->sync( array(), array( 'format' => 'json' ) );
			}
		);
		$this->assertSame( array( array( 'line', json_encode( $report ) ) ), $this->calls(), 'With --format=json, the whole report.' );
	}

	/**
	 * @return array<string,mixed>
	 */
	private function items_answer(): array {
		return $this->answer( self::ROWS, array( 'kind' => 'items', 'fields' => array( 'domain', 'action' ) ) );
	}

	/**
	 * @return array<string,mixed>
	 */
	private function item_answer(): array {
		return $this->answer(
			array( 'ok' => true, 'api_url' => 'http://127.0.0.1/api/client', 'checks' => array( 'key', 'api' ) ),
			array( 'kind' => 'item', 'fields' => array( 'ok', 'api_url', 'checks' ) )
		);
	}

	/**
	 * @param mixed               $data   The answer's data.
	 * @param array<string,mixed> $render How to print it.
	 * @return array<string,mixed>
	 */
	private function answer( $data, array $render ): array {
		return array(
			'ok'          => true,
			'data'        => $data,
			'warnings'    => array(),
			'exit_status' => 0,
			'render'      => $render,
		);
	}
}
