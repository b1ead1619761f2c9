<?php
/**
 * End to end: `wp closte ...` through the real binary against the real Closte simulator, on a
 * free loopback port, with a canary API key that must never show.
 *
 * @package Closte\Bridge\Tests
 */

use Closte\Bridge\Command\ClosteCommand;
use Closte\Bridge\Command\DomainCommand;

final class SimulatorTest extends BridgeTestCase {

	const KEY = 'canary-sim-key-7c2e91';

	/** @var ClosteSimulator|null */
	private $simulator = null;

	/** @var string */
	private $api_url = '';

	protected function setUp(): void {
		parent::setUp();
		$binary          = self::real_binary();
		$this->simulator = null === $binary ? null : ClosteSimulator::start( $binary, self::KEY );
		if ( null === $this->simulator ) {
			$this->markTestSkipped( 'closte and closte-simulator are not built: run `swift build` (scripts/test.sh does).' );
		}
		$this->api_url = $this->simulator->api_url;
		$this->set_env( 'CLOSTE_CLIENT_API_KEY', self::KEY );
		$this->use_real_binary();
	}

	protected function tearDown(): void {
		if ( null !== $this->simulator ) {
			$this->simulator->stop();
		}
		parent::tearDown();
	}

	public function test_check_add_list_remove(): void {
		$this->assertSame( 0, $this->wp( 'check', array(), array() ) );
		$this->assertNotSame( array(), $this->calls(), 'check printed its verdict.' );

		WP_CLI::reset();
		$this->assertSame( 0, $this->wp( 'add', array( 'example.com', '*.example.net' ), array( 'format' => 'json' ) ) );
		$added = $this->calls( 'format_items' )[0];
		$this->assertSame( 'json', $added[1] );
		$this->assertSame( array( 'example.com', '*.example.net' ), array_column( $added[2], 'domain' ) );
		$this->assertSame( array( 'added', 'added' ), array_column( $added[2], 'action' ) );

		WP_CLI::reset();
		$this->assertSame( 0, $this->wp( 'list', array(), array( 'format' => 'csv', 'fields' => 'domain' ) ) );
		$listed = $this->calls( 'format_items' )[0];
		$this->assertSame( array( 'csv', array( 'domain' ) ), array( $listed[1], $listed[3] ) );
		$this->assertEqualsCanonicalizing( array( 'example.com', '*.example.net' ), array_column( $listed[2], 'domain' ) );

		WP_CLI::reset();
		$this->assertSame( 0, $this->wp( 'remove', array( 'example.com' ), array() ) );
		$this->assertSame( 'removed', $this->calls( 'format_items' )[0][2][0]['action'] );

		$this->assert_no_canary();
	}

	/**
	 * WP-CLI's formatter joins what it is given with spaces: the bridge hands `ids` the domains.
	 */
	public function test_list_as_ids_is_the_domains_separated_by_spaces(): void {
		$this->assertSame( 0, $this->wp( 'add', array( 'example.com', '*.example.net' ), array() ) );
		WP_CLI::reset();
		$this->assertSame( 0, $this->wp( 'list', array(), array( 'format' => 'ids' ) ) );
		$ids = explode( ' ', WP_CLI::$stdout );
		sort( $ids );
		$this->assertSame( array( '*.example.net', 'example.com' ), $ids );
		$this->assert_no_canary();
	}

	public function test_a_rejected_key_is_an_error_with_its_code(): void {
		$this->set_env( 'CLOSTE_CLIENT_API_KEY', 'canary-wrong-key-55d1' );
		$status = $this->wp( 'check', array(), array( 'debug' => true ) );
		$this->assertSame( 1, $status );
		$this->assertMatchesRegularExpression( '/\(api_[a-z_]+\)/', $this->calls( 'error' )[0][1] );
		$this->assert_no_canary( 'canary-wrong-key-55d1' );
	}

	public function test_sync_from_a_file_plans_then_applies(): void {
		$list = (string) tempnam( sys_get_temp_dir(), 'closte-list-' );
		file_put_contents( $list, "shop.example.org\n*.example.net\n" );
		$status = $this->wp( 'sync', array(), array( 'from' => $list, 'dry-run' => true ) );
		foreach ( $this->calls( 'error' ) as $error ) {
			if ( false !== strpos( (string) $error[1], '(unknown_command)' ) ) {
				unlink( $list );
				$this->markTestSkipped( 'This closte has no domain sync yet (it comes with the sync branch).' );
			}
		}
		$this->assertSame( 0, $status );
		$plan = $this->calls( 'format_items' )[0];
		$this->assertSame( array( 'add', 'add' ), array_column( $plan[2], 'action' ) );
		$this->assertStringStartsWith( 'Dry run, nothing changed: 2 add', $this->calls( 'success' )[0][1] );

		WP_CLI::reset();
		$this->assertSame( 0, $this->wp( 'sync', array(), array( 'from' => $list, 'format' => 'json' ) ) );
		$report = json_decode( $this->calls( 'line' )[0][1], true );
		$this->assertSame( array( 'added', 'added' ), array_column( $report['results'], 'action' ) );
		unlink( $list );
		$this->assert_no_canary();
	}

	/**
	 * Runs `wp closte <command>` against the simulator.
	 *
	 * @param array<int,string>   $args  Positional arguments.
	 * @param array<string,mixed> $assoc Options.
	 */
	private function wp( string $command, array $args, array $assoc ): int {
		$assoc += array( 'api-url' => $this->api_url, 'retries' => '0', 'timeout' => '10' );
		return $this->run_command(
			static function () use ( $command, $args, $assoc ) {
				if ( 'check' === $command ) {
					( new ClosteCommand() )->check( $args, $assoc );
				} elseif ( 'list' === $command ) {
					( new DomainCommand() )->list_( $args, $assoc );
				} else {
					( new DomainCommand() )->{$command}( $args, $assoc );
				}
			}
		);
	}

	private function assert_no_canary( string $canary = self::KEY ): void {
		$this->assertStringNotContainsString( $canary, (string) json_encode( WP_CLI::$calls ) );
		$this->assertStringNotContainsString( $canary, $this->child_stderr() );
	}
}
