<?php
/**
 * Autosync and `domain sync --network` on a network that behaves as Ultimate Multisite 2.4.12 does
 * (stubs/ultimate-multisite.php: facts 1 to 3 of issue 13), with the real binary against the real
 * Closte simulator: both follow the binary's one alias rule (`closte domain aliases`), so the
 * nightly `sync --network --prune` after autosync changes nothing.
 *
 * @package Closte\Bridge\Tests
 *
 * @runTestsInSeparateProcesses
 * @preserveGlobalState disabled
 */

use Closte\Bridge\AutoSync;
use Closte\Bridge\BinaryLocator;
use Closte\Bridge\Bridge;
use Closte\Bridge\Command\DomainCommand;

final class AutoSyncNetworkTest extends BridgeTestCase {

	const KEY  = 'canary-autosync-key-4e8a';
	const HOST = 'network.test';

	/** @var ClosteSimulator|null */
	private $simulator = null;

	/** @var string The WordPress root: a wp-config.php and nothing else. */
	private $root = '';

	protected function tearDown(): void {
		if ( null !== $this->simulator ) {
			$this->simulator->stop();
		}
		if ( '' !== $this->root ) {
			@unlink( $this->root . '/wp-config.php' );
			@rmdir( $this->root );
		}
		parent::tearDown();
	}

	/**
	 * Fact 1: a new site's subdomain gets a domain record and `wu_add_domain`; the wildcard covers it.
	 */
	public function test_a_new_sites_subdomain_gets_no_alias(): void {
		$this->network( null );

		closte_stub_um_create_site( 2, 'blog.' . self::HOST );
		closte_stub_run_queue();

		$this->assertSame( array( '*.' . self::HOST ), $this->simulator->aliases() );
		$this->assertStringContainsString( 'autosync: closte domain add blog.network.test: nothing to send', $this->log() );
	}

	/**
	 * Fact 2: twins are off unless CLOSTE_WWW_SUBDOMAIN turns them on; on, autosync adds and removes them.
	 */
	public function test_unmapping_removes_the_twin_when_twins_are_on(): void {
		$this->network( 'always' );
		$GLOBALS['closte_stub']['settings']['auto_create_www_subdomain'] = 'always';

		closte_stub_um_map_domain( 2, 'shop.example.com' );
		closte_stub_run_queue();
		$this->assertSame( array( '*.network.test', 'shop.example.com', 'www.shop.example.com' ), $this->simulator->aliases() );

		closte_stub_um_unmap_domain( 'shop.example.com' );
		closte_stub_run_queue();
		$this->assertSame( array( '*.network.test' ), $this->simulator->aliases() );
		$this->assertStringContainsString( 'autosync: closte domain remove shop.example.com: shop.example.com removed, www.shop.example.com removed', $this->log() );
	}

	public function test_twins_are_off_by_default_whatever_ultimate_multisite_says(): void {
		$this->network( null );
		$GLOBALS['closte_stub']['settings']['auto_create_www_subdomain'] = 'always';

		closte_stub_um_map_domain( 2, 'example.com' );
		closte_stub_run_queue();

		$this->assertSame( array( '*.network.test', 'example.com' ), $this->simulator->aliases() );
	}

	/**
	 * A domain that another record still needs stays: www.example.com is mapped itself.
	 */
	public function test_unmapping_keeps_an_alias_another_record_needs(): void {
		$this->network( 'always' );
		closte_stub_um_map_domain( 2, 'example.com' );
		closte_stub_um_map_domain( 3, 'www.example.com' );
		closte_stub_run_queue();

		closte_stub_um_unmap_domain( 'example.com' );
		closte_stub_run_queue();

		$this->assertSame( array( '*.network.test', 'www.example.com' ), $this->simulator->aliases() );
	}

	/**
	 * @return array<string,array{0:string|null}>
	 */
	public function twin_settings(): array {
		return array(
			'twins off (the default)' => array( null ),
			'twins on'                => array( 'always' ),
			'twins for main domains'  => array( 'main_only' ),
		);
	}

	/**
	 * The nightly `wp closte domain sync --network --prune` after autosync: nothing to do.
	 *
	 * @dataProvider twin_settings
	 */
	public function test_a_nightly_sync_after_autosync_plans_nothing( ?string $www ): void {
		$this->network( $www );
		$GLOBALS['closte_stub']['settings']['auto_create_www_subdomain'] = 'always';

		closte_stub_um_create_site( 2, 'blog.' . self::HOST );
		closte_stub_um_map_domain( 2, 'shop.example.com' );
		closte_stub_um_create_site( 3, 'example.org' );
		closte_stub_um_duplicate_site( 5, 7, 'copy.' . self::HOST );
		closte_stub_um_map_domain( 7, 'copy.example.net' );
		closte_stub_run_queue();
		restore_current_blog(); // Ultimate Multisite left WordPress on the template.

		$this->use_real_binary();
		$status = $this->run_command(
			static function () {
				( new DomainCommand() )->sync( array(), array( 'network' => true, 'prune' => true, 'dry-run' => true ) );
			}
		);

		$this->assertSame( 0, $status, (string) json_encode( WP_CLI::$calls ) );
		$plan = $this->calls( 'format_items' )[0][2];
		$this->assertSame( array_fill( 0, count( $plan ), 'keep' ), array_column( $plan, 'action' ), WP_CLI::$stdout );
		$this->assertStringStartsWith( 'Dry run, nothing changed: 0 add, ' . count( $plan ) . ' keep, 0 remove,', $this->calls( 'success' )[0][1] );
		$twins = 'always' === $www ? array( 'www.copy.example.net', 'www.example.org', 'www.shop.example.com' ) : ( 'main_only' === $www ? array( 'www.example.org' ) : array() );
		$expected = array_merge( array( '*.network.test', 'copy.example.net', 'example.org', 'shop.example.com' ), $twins );
		sort( $expected );
		$this->assertSame( $expected, $this->simulator->aliases() );
		$this->assertStringNotContainsString( self::KEY, WP_CLI::$stdout . $this->child_stderr() . $this->log() );
	}

	/**
	 * A subdomain network on Closte: its wildcard alias is there from the start; the must-use plugin
	 * loaded as WordPress loads it, on Ultimate Multisite's stubs; the real binary against the simulator.
	 *
	 * @param string|null $www CLOSTE_WWW_SUBDOMAIN, or null for none.
	 */
	private function network( ?string $www ): void {
		$binary = self::real_binary();
		if ( null === $binary ) {
			$this->markTestSkipped( 'The closte binary is not built: run `swift build` (scripts/test.sh does).' );
		}
		$this->simulator = ClosteSimulator::start( $binary, self::KEY, array( '*.' . self::HOST ) );
		if ( null === $this->simulator ) {
			$this->markTestSkipped( 'closte-simulator is not built: run `swift build` (scripts/test.sh does).' );
		}
		$this->root = sys_get_temp_dir() . '/closte-network-' . bin2hex( random_bytes( 4 ) );
		mkdir( $this->root );
		file_put_contents(
			$this->root . '/wp-config.php',
			"<?php\n"
				. "define( 'MULTISITE', true );\n"
				. "define( 'SUBDOMAIN_INSTALL', true );\n"
				. "define( 'DOMAIN_CURRENT_SITE', '" . self::HOST . "' );\n"
				. "define( 'CLOSTE_CLIENT_API_KEY', '" . self::KEY . "' );\n"
				. ( null === $www ? '' : "define( 'CLOSTE_WWW_SUBDOMAIN', '$www' );\n" )
				. "\$table_prefix = 'wp_';\n"
		);
		$this->set_env( 'CLOSTE_API_URL', $this->simulator->api_url );
		$this->unset_env( 'CLOSTE_CLIENT_API_KEY' ); // The key comes from wp-config.php, as on Closte.

		require_once __DIR__ . '/stubs/wordpress.php';
		require_once __DIR__ . '/stubs/ultimate-multisite.php';
		define( 'ABSPATH', $this->root . '/' );
		define( 'DOMAIN_CURRENT_SITE', self::HOST );
		define( 'CLOSTE_AUTOSYNC', true );
		$GLOBALS['closte_stub']['subdomain'] = true;
		require dirname( __DIR__ ) . '/mu-plugin/closte-autosync.php';
		AutoSync::use_bridge( new Bridge( new BinaryLocator( array( 'CLOSTE_BIN' => $binary, 'PATH' => '' ) ), $this->stderr, null, 5.0 ) );
	}

	/**
	 * What autosync wrote to the network's log.
	 */
	private function log(): string {
		$lines = array();
		foreach ( $GLOBALS['closte_stub_calls'] as $call ) {
			if ( 'wu_log_add' === $call[0] ) {
				$lines[] = '[' . $call[3] . '] ' . $call[2];
			}
		}
		return implode( "\n", $lines );
	}
}
