<?php
/**
 * `--network`: the network's mapped domains from Ultimate Multisite, through the same rpc path;
 * without Ultimate Multisite, a clear error.
 *
 * @package Closte\Bridge\Tests
 */

use Closte\Bridge\Command\ClosteCommand;
use Closte\Bridge\Command\DomainCommand;

final class NetworkTest extends BridgeTestCase {

	/**
	 * @return array<string,array{0:callable}>
	 */
	public function network_commands(): array {
		return array(
			'domain sync --network'   => array(
				static function () {
					( new DomainCommand() )->sync( array(), array( 'network' => true ) );
				},
			),
			'domain status --network' => array(
				static function () {
					( new DomainCommand() )->status( array(), array( 'network' => true ) );
				},
			),
			'doctor --network'        => array(
				static function () {
					( new ClosteCommand() )->doctor( array(), array( 'network' => true ) );
				},
			),
		);
	}

	/**
	 * @dataProvider network_commands
	 */
	public function test_network_without_ultimate_multisite_is_a_clear_error( callable $command ): void {
		$this->use_binary( self::fixture( 'fake-closte' ) );
		$status = $this->run_command( $command );
		$this->assertSame( 1, $status );
		$this->assertSame( array( 'load_wordpress' ), $this->calls()[0] );
		$this->assertStringContainsString( '--network needs Ultimate Multisite', $this->calls( 'error' )[0][1] );
		$this->assertStringContainsString( '(ultimate_multisite_missing)', $this->calls( 'error' )[0][1] );
		$this->assertSame( '', (string) file_get_contents( $this->record ), 'Nothing was sent to the binary.' );
	}

	public function test_other_commands_never_load_wordpress(): void {
		$this->use_binary( self::fixture( 'fake-closte' ) );
		$this->run_command(
			function () {
				( new DomainCommand() )->sync( array(), array( 'dry-run' => true ) );
			}
		);
		$this->assertNotContains( array( 'load_wordpress' ), $this->calls() );
		$this->assertCount( 1, $this->received() );
	}

	/**
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_sync_network_sends_the_aliases_the_binary_names(): void {
		$this->with_network( true );
		$this->use_binary( self::fixture( 'fake-closte' ) );
		$this->fake_aliases();
		$status = $this->run_command(
			function () {
				( new DomainCommand() )->sync( array(), array( 'network' => true, 'prune' => true, 'dry-run' => true, 'config' => '/srv/wp-config.php' ) );
			}
		);
		$this->assertSame( 0, $status );
		$received = $this->received();
		$this->assertCount( 2, $received );
		$asked = json_decode( $received[0]['raw'], true );
		$this->assertSame( 'domain aliases', $asked['command'] );
		$this->assertSame( array( 'site1.network.test', 'shop.example.com', 'example.org' ), $asked['args'], "Every record: the binary's rule decides." );
		$this->assertSame( array( 'config' => '/srv/wp-config.php', 'network' => true ), $asked['assoc_args'] );
		$request = json_decode( $received[1]['raw'], true );
		$this->assertSame( 'domain sync', $request['command'] );
		$this->assertSame( array( 'prune', 'dry-run', 'config', 'from' ), array_keys( $request['assoc_args'] ) );
		$this->assertSame( array( 'dns_check_interval' => 60 ), $request['settings'] );
		$this->assertSame(
			'{"domain":"*.network.test","wildcard":true}' . "\n"
				. '{"domain":"shop.example.com","wildcard":false}' . "\n"
				. '{"domain":"example.org","wildcard":false}' . "\n",
			$received[1]['from_content']
		);
		$this->assertFileDoesNotExist( $request['assoc_args']['from'], 'The temporary list is removed afterwards.' );
	}

	/**
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_status_network_shows_each_domain_with_both_stages(): void {
		$this->with_network( false );
		$this->fake_answer(
			array(
				'ok'          => true,
				'data'        => array( 'stage' => 'checking-ssl-cert', 'dns' => 'points' ),
				'warnings'    => array(),
				'exit_status' => 0,
			)
		);
		$status = $this->run_command(
			function () {
				( new DomainCommand() )->status( array(), array( 'network' => true ) );
			}
		);
		$this->assertSame( 0, $status );
		$received = $this->received();
		$this->assertCount( 3, $received, 'One request per mapped domain, in one rpc stream.' );
		$this->assertSame( array( 'site1.network.test' ), json_decode( $received[0]['raw'], true )['args'] );
		$format = $this->calls( 'format_items' )[0];
		$this->assertSame( 'table', $format[1] );
		$this->assertSame( array( 'domain', 'network_stage', 'stage' ), $format[3] );
		$this->assertSame(
			array( 'domain' => 'shop.example.com', 'network_stage' => 'checking-dns', 'stage' => 'checking-ssl-cert', 'dns' => 'points' ),
			$format[2][1]
		);
	}

	/**
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_doctor_network_checks_every_mapped_domain(): void {
		$this->with_network( true );
		$this->use_binary( self::fixture( 'fake-closte' ) );
		$this->fake_aliases();
		$this->run_command(
			function () {
				( new ClosteCommand() )->doctor( array(), array( 'network' => true ) );
			}
		);
		$this->assertSame( 'domain aliases', json_decode( $this->received()[0]['raw'], true )['command'] );
		$request = json_decode( $this->received()[1]['raw'], true );
		$this->assertSame( 'doctor', $request['command'] );
		$this->assertSame( array( 'shop.example.com', 'example.org' ), $request['args'] );
		$this->assertSame( array(), $request['assoc_args'] );
	}

	/**
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_sync_network_refuses_to_prune_everything_when_the_network_lists_nothing(): void {
		$this->with_network( false );
		$this->use_binary( self::fixture( 'fake-closte' ) );
		$this->set_env( 'CLOSTE_FAKE_ANSWERS', (string) json_encode( array( 'domain aliases' => array( 'ok' => true, 'data' => array(), 'warnings' => array(), 'exit_status' => 0 ) ) ) );
		WP_CLI::$on_load_wordpress = static function () {
			require_once __DIR__ . '/stubs/wordpress.php';
			define( 'DOMAIN_CURRENT_SITE', 'network.test' );
		};
		$status = $this->run_command(
			function () {
				( new DomainCommand() )->sync( array(), array( 'network' => true, 'prune' => true ) );
			}
		);
		$this->assertSame( 1, $status );
		$this->assertStringContainsString( '(network_empty)', $this->calls( 'error' )[0][1] );
		$this->assertSame( array( 'domain aliases' ), array_map( static function ( $entry ) {
			return json_decode( $entry['raw'], true )['command'];
		}, $this->received() ), 'Nothing but the question was sent.' );
	}

	/**
	 * The fake binary answers `domain aliases` as the real one does for with_network( true )'s records.
	 */
	private function fake_aliases(): void {
		$rows = array(
			array( 'domain' => '*.network.test', 'wildcard' => true, 'record' => 'network.test' ),
			array( 'domain' => 'shop.example.com', 'wildcard' => false, 'record' => 'shop.example.com' ),
			array( 'domain' => 'example.org', 'wildcard' => false, 'record' => 'example.org' ),
		);
		$this->set_env( 'CLOSTE_FAKE_ANSWERS', (string) json_encode( array( 'domain aliases' => array( 'ok' => true, 'data' => $rows, 'warnings' => array(), 'exit_status' => 0 ) ) ) );
	}

	/**
	 * Ultimate Multisite's stubs, loaded when the command loads WordPress.
	 */
	private function with_network( bool $subdomain_install ): void {
		WP_CLI::$on_load_wordpress = static function () use ( $subdomain_install ) {
			require_once __DIR__ . '/stubs/wordpress.php';
			define( 'DOMAIN_CURRENT_SITE', 'network.test' );
			$GLOBALS['closte_stub']['subdomain'] = $subdomain_install;
			$GLOBALS['closte_stub']['domains']   = array(
				new Closte_Stub_Domain( array( 'domain' => 'site1.network.test', 'stage' => 'done', 'blog_id' => 2 ) ),
				new Closte_Stub_Domain( array( 'domain' => 'Shop.Example.com', 'stage' => 'checking-dns', 'blog_id' => 3 ) ),
				new Closte_Stub_Domain( array( 'domain' => 'example.org', 'stage' => 'done', 'blog_id' => 4, 'primary' => true ) ),
			);
		};
	}
}
