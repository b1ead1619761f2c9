<?php
/**
 * What reaches the binary: exactly what WP-CLI handed the command, and nothing secret on a
 * command line.
 *
 * @package Closte\Bridge\Tests
 */

use Closte\Bridge\Command\DomainCommand;
use Closte\Bridge\Command\ClosteCommand;

final class ForwardingTest extends BridgeTestCase {

	public function test_args_and_assoc_args_arrive_byte_for_byte(): void {
		$this->use_binary( self::fixture( 'fake-closte' ) );
		WP_CLI::$config['path'] = '/srv/www/network';
		$args                   = array( 'example.com', 'with space.test', "quote's \"double\" \\back", 'ünïcødé-✓.test', '--looks-like-an-option', '' );
		$assoc                  = array(
			'www'     => 'always',
			'flag'    => true,
			'no-flag' => false,
			'key'     => 'value with spaces, "quotes", \'single\' and ünïcode ✓ 🚀',
			'empty'   => '',
			'api-url' => 'http://127.0.0.1:8080/api/client',
		);

		$status = $this->run_command(
			function () use ( $args, $assoc ) {
				( new DomainCommand() )->add( $args, $assoc );
			}
		);

		$this->assertSame( 0, $status );
		$received = $this->received();
		$this->assertCount( 1, $received );
		$request = json_decode( $received[0]['raw'], true );
		$this->assertSame( 'domain add', $request['command'] );
		$this->assertSame( $args, $request['args'] );
		$this->assertSame( $assoc, $request['assoc_args'] );
		$this->assertSame( '/srv/www/network', $request['path'] );
		$this->assertArrayNotHasKey( 'settings', $request, 'Before WordPress loads there are no network settings.' );
		// The bytes themselves: UTF-8 as is, not \u escapes, so the binary sees what the user typed.
		$this->assertStringContainsString( 'ünïcødé-✓.test', $received[0]['raw'] );
		$this->assertStringContainsString( '🚀', $received[0]['raw'] );
	}

	public function test_an_empty_option_list_is_sent_as_an_object(): void {
		$this->use_binary( self::fixture( 'fake-closte' ) );
		$this->run_command(
			function () {
				( new DomainCommand() )->list_( array(), array() );
			}
		);
		$this->assertStringContainsString( '"assoc_args":{}', $this->received()[0]['raw'] );
	}

	public function test_wp_cli_debug_and_quiet_reach_the_binary(): void {
		$this->use_binary( self::fixture( 'fake-closte' ) );
		WP_CLI::$config['debug'] = 'bootstrap';
		WP_CLI::$config['quiet'] = true;
		$this->run_command(
			function () {
				( new ClosteCommand() )->check( array(), array() );
			}
		);
		$request = json_decode( $this->received()[0]['raw'], true );
		$this->assertSame( array( 'debug' => true, 'quiet' => true ), $request['assoc_args'] );
	}

	public function test_the_api_key_reaches_the_environment_but_never_a_command_line(): void {
		$canary = 'canary-key-5f0c8d1e-never-on-argv';
		$this->set_env( 'CLOSTE_CLIENT_API_KEY', $canary );
		$this->use_binary( self::fixture( 'fake-closte' ) );
		$this->run_command(
			function () {
				( new DomainCommand() )->add( array( 'example.com' ), array() );
			}
		);
		$received = $this->received()[0];
		$this->assertTrue( $received['api_key_in_env'] );
		$this->assertSame( 'rpc', end( $received['cmdline'] ), 'The child runs as `closte rpc`, nothing more.' );
		foreach ( $received['cmdline'] as $word ) {
			$this->assertStringNotContainsString( $canary, $word );
		}
		$this->assertStringNotContainsString( $canary, $received['raw'] );
	}

	public function test_the_real_binary_never_has_the_key_in_proc_cmdline(): void {
		$canary = 'canary-key-3a9b-real-binary';
		$this->set_env( 'CLOSTE_CLIENT_API_KEY', $canary );
		$seen = array();
		$this->use_real_binary(
			static function ( int $pid ) use ( &$seen ) {
				// The child waits for its request on standard input: read its command line now.
				for ( $i = 0; $i < 200; $i++ ) {
					$cmdline = (string) @file_get_contents( "/proc/$pid/cmdline" );
					if ( false !== strpos( $cmdline, 'rpc' ) ) {
						$seen[] = $cmdline;
						return;
					}
					usleep( 5000 );
				}
			}
		);
		$status = $this->run_command(
			function () {
				( new ClosteCommand() )->version( array(), array() );
			}
		);
		$this->assertSame( 0, $status );
		$this->assertCount( 1, $seen, 'The child was seen running.' );
		$this->assertStringEndsWith( "rpc\0", $seen[0] );
		$this->assertStringNotContainsString( $canary, $seen[0] );
	}

	public function test_sync_from_standard_input_travels_as_a_temporary_file(): void {
		$list    = "shop.example.org\n*.example.net\n";
		$command = array( PHP_BINARY, dirname( __DIR__ ) . '/tests/console/wp-closte.php', 'domain', 'sync', '--from=-', '--dry-run' );
		$this->set_env( 'CLOSTE_BIN', self::fixture( 'fake-closte' ) );
		$pipes   = array();
		$process = proc_open( $command, array( 0 => array( 'pipe', 'r' ), 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ), $pipes );
		fwrite( $pipes[0], $list );
		fclose( $pipes[0] );
		stream_get_contents( $pipes[1] );
		stream_get_contents( $pipes[2] );
		$this->assertSame( 0, proc_close( $process ) );
		$received = $this->received()[0];
		$request  = json_decode( $received['raw'], true );
		$this->assertSame( $list, $received['from_content'] );
		$this->assertSame( true, $request['assoc_args']['dry-run'] );
		$this->assertFileDoesNotExist( $request['assoc_args']['from'] );
	}
}
