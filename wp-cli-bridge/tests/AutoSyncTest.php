<?php
/**
 * The must-use plugin's listener: the right jobs for map, unmap, site creation and duplication;
 * Action Scheduler when present, `shutdown` otherwise; silent when Ultimate Multisite's own Closte
 * integration is on. Each test runs in its own process with stubs of WordPress and Ultimate Multisite.
 *
 * @package Closte\Bridge\Tests
 *
 * @runTestsInSeparateProcesses
 * @preserveGlobalState disabled
 */

use Closte\Bridge\AutoSync;
use Closte\Bridge\BinaryLocator;
use Closte\Bridge\Bridge;

final class AutoSyncTest extends BridgeTestCase {

	public function test_off_unless_closte_autosync_is_true(): void {
		$this->load_plugin( false, true );
		$this->assertSame( array(), $this->stub_calls( 'add_action' ) );
	}

	public function test_the_plugin_listens_to_ultimate_multisites_hooks(): void {
		$this->load_plugin( true, true );
		$hooks = array_map(
			static function ( $call ) {
				return array( $call[1], $call[4] );
			},
			$this->stub_calls( 'add_action' )
		);
		$this->assertSame(
			array(
				array( 'wu_add_domain', 2 ),
				array( 'wu_remove_domain', 2 ),
				array( 'wu_site_created', 2 ),
				array( 'wu_duplicate_site', 1 ),
				array( 'closte_autosync_job', 2 ),
			),
			$hooks
		);
	}

	public function test_map_unmap_create_and_duplicate_queue_the_right_jobs(): void {
		$this->load_plugin( true, true );
		$GLOBALS['closte_stub']['sites'][7] = (object) array( 'domain' => 'copy.example.net' );

		AutoSync::on_domain_mapped( 'Shop.Example.com', 3 );
		AutoSync::on_domain_unmapped( 'old.example.com', 3 );
		AutoSync::on_site_created( array( 'domain' => 'ignored.test' ), new Closte_Stub_Site( 'new.example.org' ) );
		AutoSync::on_site_duplicated( array( 'site_id' => 7 ) );

		$this->assertSame(
			array(
				array( 'as_enqueue_async_action', 'closte_autosync_job', array( 'domain add', 'shop.example.com' ), 'closte' ),
				array( 'as_enqueue_async_action', 'closte_autosync_job', array( 'domain remove', 'old.example.com' ), 'closte' ),
				array( 'as_enqueue_async_action', 'closte_autosync_job', array( 'domain add', 'new.example.org' ), 'closte' ),
				array( 'as_enqueue_async_action', 'closte_autosync_job', array( 'domain add', 'copy.example.net' ), 'closte' ),
			),
			$this->stub_calls( 'as_enqueue_async_action' )
		);
	}

	/**
	 * Ultimate Multisite 2.4 fires wu_duplicate_site while WordPress is still switched to the template
	 * (stubs/ultimate-multisite.php, fact 3), whose Action Scheduler tables do not exist: the job
	 * goes to the main site's queue, the one that is run, and WordPress is left where it was.
	 */
	public function test_a_duplicated_sites_job_goes_to_the_main_sites_queue(): void {
		$this->load_plugin( true, true );
		require_once __DIR__ . '/stubs/ultimate-multisite.php';

		closte_stub_um_duplicate_site( 5, 7, 'copy.example.net' );

		$this->assertSame( 5, get_current_blog_id(), 'Still switched to the template, as Ultimate Multisite left it.' );
		$this->assertArrayNotHasKey( 5, $GLOBALS['closte_stub']['queues'] );
		$this->assertContains( array( 'closte_autosync_job', array( 'domain add', 'copy.example.net' ), 'closte' ), $GLOBALS['closte_stub']['queues'][1] );
	}

	public function test_with_ultimate_multisites_closte_integration_it_does_nothing_and_says_so_once(): void {
		$this->load_plugin( true, true );
		$GLOBALS['closte_stub']['integrations'] = array( 'closte' => true );
		AutoSync::on_domain_mapped( 'example.com', 2 );
		AutoSync::on_domain_unmapped( 'example.com', 2 );
		AutoSync::run_job( 'domain add', 'example.com' );
		$this->assertSame( array(), $this->stub_calls( 'as_enqueue_async_action' ) );
		$logs = $this->stub_calls( 'wu_log_add' );
		$this->assertCount( 1, $logs );
		$this->assertSame( 'integration-closte', $logs[0][1] );
		$this->assertStringContainsString( "Ultimate Multisite's own Closte integration is enabled", $logs[0][2] );
		$this->assertSame( '', (string) file_get_contents( $this->record ), 'The binary never ran.' );
	}

	public function test_without_action_scheduler_jobs_run_at_shutdown_through_rpc_and_are_logged(): void {
		$this->load_plugin( true, false );
		$this->set_env(
			'CLOSTE_FAKE_ANSWERS',
			(string) json_encode(
				array(
					'domain aliases' => array( 'ok' => true, 'data' => array( array( 'domain' => 'example.com', 'wildcard' => false, 'record' => 'example.com' ), array( 'domain' => 'www.example.com', 'wildcard' => false, 'record' => 'example.com' ) ), 'warnings' => array(), 'exit_status' => 0 ),
					'domain add'     => array( 'ok' => true, 'data' => array( array( 'domain' => 'example.com', 'action' => 'added' ), array( 'domain' => 'www.example.com', 'action' => 'added' ) ), 'warnings' => array(), 'exit_status' => 0 ),
				)
			)
		);
		AutoSync::use_bridge( new Bridge( new BinaryLocator( array( 'CLOSTE_BIN' => self::fixture( 'fake-closte' ), 'PATH' => '' ) ), $this->stderr, null, 1.0 ) );

		AutoSync::on_domain_mapped( 'example.com', 2 );
		AutoSync::on_site_created( array(), new Closte_Stub_Site( 'example.com' ) );

		$shutdown = array_values(
			array_filter(
				$this->stub_calls( 'add_action' ),
				static function ( $call ) {
					return 'shutdown' === $call[1];
				}
			)
		);
		$this->assertCount( 1, $shutdown, 'One shutdown hook for all jobs.' );
		$this->assertSame( '', (string) file_get_contents( $this->record ), 'Nothing runs during the request.' );

		AutoSync::run_pending();

		$requests = array_map(
			static function ( $entry ) {
				return json_decode( $entry['raw'], true );
			},
			$this->received()
		);
		$this->assertSame( array( 'domain aliases', 'domain add', 'domain aliases', 'domain add' ), array_column( $requests, 'command' ) );
		$this->assertSame( array( 'example.com' ), $requests[0]['args'], 'The binary says which aliases the domain needs.' );
		$this->assertSame( array( 'example.com', 'www.example.com' ), $requests[1]['args'], 'Those are added, and nothing else.' );
		$this->assertSame( array( 'www' => 'never' ), $requests[1]['assoc_args'] );
		$this->assertSame( array( 'dns_check_interval' => 60 ), $requests[1]['settings'], "Not Ultimate Multisite's auto_create_www_subdomain." );
		$this->assertSame( '/srv/network/', $requests[0]['path'] );
		$this->assertSame( '/srv/network/', $requests[1]['path'] );
		$logs = $this->stub_calls( 'wu_log_add' );
		$this->assertSame( array( 'wu_log_add', 'integration-closte', 'autosync: closte domain add example.com: example.com added, www.example.com added', 'info' ), $logs[0] );
	}

	public function test_a_failed_job_is_logged_as_an_error(): void {
		$this->load_plugin( true, true );
		AutoSync::use_bridge( new Bridge( new BinaryLocator( array( 'CLOSTE_BIN' => '/nonexistent/closte', 'PATH' => '' ) ), $this->stderr, null, 1.0 ) );
		AutoSync::run_job( 'domain add', 'example.com' );
		$logs = $this->stub_calls( 'wu_log_add' );
		$this->assertSame( 'error', $logs[0][3] );
		$this->assertStringContainsString( 'autosync: closte domain add example.com failed: CLOSTE_BIN is set to /nonexistent/closte', $logs[0][2] );
	}

	/**
	 * Loads the must-use plugin as WordPress would, with the stubs.
	 */
	private function load_plugin( bool $enabled, bool $action_scheduler ): void {
		require_once __DIR__ . '/stubs/wordpress.php';
		if ( $action_scheduler ) {
			require_once __DIR__ . '/stubs/action-scheduler.php';
		}
		define( 'ABSPATH', '/srv/network/' );
		define( 'DOMAIN_CURRENT_SITE', 'network.test' );
		define( 'CLOSTE_AUTOSYNC', $enabled );
		require dirname( __DIR__ ) . '/mu-plugin/closte-autosync.php';
	}

	/**
	 * @return array<int,array<int,mixed>>
	 */
	private function stub_calls( string $name ): array {
		return array_values(
			array_filter(
				$GLOBALS['closte_stub_calls'],
				static function ( $call ) use ( $name ) {
					return $call[0] === $name;
				}
			)
		);
	}
}
