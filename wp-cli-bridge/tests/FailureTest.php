<?php
/**
 * A missing, crashing, hanging or foreign binary is a clear WP_CLI::error, never a PHP warning.
 *
 * @package Closte\Bridge\Tests
 */

use Closte\Bridge\BinaryLocator;
use Closte\Bridge\Bridge;
use Closte\Bridge\BridgeException;
use Closte\Bridge\Command\ClosteCommand;
use Closte\Bridge\Command\DomainCommand;

final class FailureTest extends BridgeTestCase {

	public function test_a_closte_bin_that_does_not_exist(): void {
		$this->use_binary( '/nonexistent/closte' );
		$status = $this->run_command(
			function () {
				( new ClosteCommand() )->check( array(), array() );
			}
		);
		$this->assertSame( 1, $status );
		$error = $this->calls( 'error' )[0][1];
		$this->assertStringContainsString( 'CLOSTE_BIN is set to /nonexistent/closte', $error );
		$this->assertStringContainsString( '(binary_not_found)', $error );
	}

	public function test_no_binary_anywhere_says_how_to_install_it(): void {
		$empty   = sys_get_temp_dir() . '/closte-empty-' . getmypid();
		$locator = new BinaryLocator( array( 'CLOSTE_BIN' => false, 'PATH' => $empty . ':/nonexistent' ), $empty );
		try {
			$locator->locate();
			$this->fail( 'A binary was found where none is.' );
		} catch ( BridgeException $failure ) {
			$this->assertSame( 'binary_not_found', $failure->error_code() );
			$this->assertSame( 1, $failure->exit_status() );
			$this->assertStringContainsString( 'scripts/install.sh', (string) $failure->hint() );
			$this->assertStringContainsString( 'CLOSTE_BIN', (string) $failure->hint() );
		}
	}

	public function test_the_search_order_is_closte_bin_then_the_package_then_the_path(): void {
		$root = sys_get_temp_dir() . '/closte-locate-' . getmypid() . '-' . mt_rand();
		foreach ( array( 'explicit', 'package/bin', 'path' ) as $folder ) {
			mkdir( "$root/$folder", 0777, true );
			copy( self::fixture( 'exit-closte' ), "$root/$folder/closte" );
			chmod( "$root/$folder/closte", 0755 );
		}
		$path = "$root/nothing:$root/path";
		$this->assertSame( "$root/explicit/closte", ( new BinaryLocator( array( 'CLOSTE_BIN' => "$root/explicit/closte", 'PATH' => $path ), "$root/package" ) )->locate() );
		$this->assertSame( "$root/package/bin/closte", ( new BinaryLocator( array( 'CLOSTE_BIN' => false, 'PATH' => $path ), "$root/package" ) )->locate() );
		$this->assertSame( "$root/path/closte", ( new BinaryLocator( array( 'CLOSTE_BIN' => '', 'PATH' => $path ), "$root/elsewhere" ) )->locate() );
		exec( 'rm -rf ' . escapeshellarg( $root ) );
	}

	public function test_a_crash_is_reported_with_its_signal(): void {
		$this->use_binary( self::fixture( 'crash-closte' ) );
		$status = $this->run_command(
			function () {
				( new DomainCommand() )->list_( array(), array() );
			}
		);
		$this->assertSame( 1, $status );
		$error = $this->calls( 'error' )[0][1];
		$this->assertStringContainsString( 'closte was killed by signal 11 (SIGSEGV) before it answered. (binary_crashed)', $error );
	}

	public function test_an_exit_without_an_answer_is_reported_with_its_status(): void {
		$this->use_binary( self::fixture( 'exit-closte' ) );
		$status = $this->run_command(
			function () {
				( new DomainCommand() )->list_( array(), array() );
			}
		);
		$this->assertSame( 1, $status );
		$this->assertStringContainsString( 'closte exited with status 3 before it answered. (binary_crashed)', $this->calls( 'error' )[0][1] );
	}

	public function test_a_hang_is_killed_after_timeout_plus_margin(): void {
		$pid = 0;
		$this->use_binary(
			self::fixture( 'hang-closte' ),
			1.0,
			static function ( int $child ) use ( &$pid ) {
				$pid = $child;
			}
		);
		$started = microtime( true );
		$status  = $this->run_command(
			function () {
				( new ClosteCommand() )->check( array(), array( 'timeout' => '1', 'retries' => '0' ) );
			}
		);
		$elapsed = microtime( true ) - $started;
		$this->assertSame( 1, $status );
		$this->assertStringContainsString( 'closte did not answer within 2 seconds and was stopped. (bridge_timeout)', $this->calls( 'error' )[0][1] );
		$this->assertLessThan( 25.0, $elapsed, 'The bridge stopped waiting long before the child would have ended (30 s).' );
		$this->assertGreaterThan( 0, $pid );
		$this->assertFalse( is_dir( "/proc/$pid" ), 'The hung child was killed and reaped.' );
	}

	public function test_an_answer_that_is_not_the_protocol(): void {
		$this->use_binary( self::fixture( 'garbage-closte' ) );
		$status = $this->run_command(
			function () {
				( new DomainCommand() )->list_( array(), array() );
			}
		);
		$this->assertSame( 1, $status );
		$this->assertStringContainsString(
			'closte answered something that is not its rpc protocol: <html>502 Bad Gateway</html> (bridge_protocol_error)',
			$this->calls( 'error' )[0][1]
		);
	}

	public function test_the_real_binary_refuses_an_unknown_option_with_exit_2(): void {
		$this->use_real_binary();
		$status = $this->run_command(
			function () {
				( new ClosteCommand() )->version( array(), array( 'bogus' => 'yes' ) );
			}
		);
		$this->assertSame( 2, $status );
		$calls = $this->calls();
		$this->assertSame( 'error', $calls[0][0] );
		$this->assertStringContainsString( 'has no option --bogus. (invalid_arguments)', $calls[0][1] );
		$this->assertSame( array( 'halt', 2 ), $calls[1] );
	}

	public function test_the_real_binary_answers_version(): void {
		$this->use_real_binary();
		$this->run_command(
			function () {
				( new ClosteCommand() )->version( array(), array() );
			}
		);
		$this->assertMatchesRegularExpression( '/^closte \S+$/m', $this->calls( 'line' )[0][1] );
		WP_CLI::reset();
		$this->run_command(
			function () {
				( new ClosteCommand() )->version( array(), array( 'format' => 'json' ) );
			}
		);
		$version = json_decode( $this->calls( 'line' )[0][1], true );
		$this->assertArrayHasKey( 'version', $version );
		$this->assertArrayHasKey( 'protocol', $version );
	}

	public function test_arguments_that_are_not_utf8_are_a_usage_error(): void {
		$this->use_binary( self::fixture( 'fake-closte' ) );
		$status = $this->run_command(
			function () {
				( new DomainCommand() )->add( array( "caf\xe9.example" ), array() );
			}
		);
		$this->assertSame( 2, $status );
		$this->assertStringContainsString( '(invalid_arguments)', $this->calls( 'error' )[0][1] );
		$this->assertSame( '', (string) file_get_contents( $this->record ), 'Nothing was sent.' );
	}

	public function test_a_crash_is_reported_however_early_it_happens(): void {
		// Regression: a child that died before the bridge first asked for its pid lost its signal (-1).
		$bridge = new Bridge( new BinaryLocator( array( 'CLOSTE_BIN' => self::fixture( 'crash-closte' ), 'PATH' => '' ) ), $this->stderr, null, 1.0 );
		for ( $run = 0; $run < 20; $run++ ) {
			try {
				$bridge->send( array( $bridge->request( 'version', array(), array() ) ), 10.0 );
				$this->fail( 'A crash went unnoticed.' );
			} catch ( BridgeException $failure ) {
				$this->assertSame( 'closte was killed by signal 11 (SIGSEGV) before it answered.', $failure->getMessage() );
			}
			usleep( 2000 * ( $run % 3 ) );
		}
	}
}
