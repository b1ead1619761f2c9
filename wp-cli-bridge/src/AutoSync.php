<?php
/**
 * Automatic sync: when Ultimate Multisite maps or unmaps a domain, or creates or duplicates a
 * site, queue the matching `closte domain add|remove` so no page load waits on Closte. Which
 * aliases a domain needs is the binary's one rule (`closte domain aliases`), asked when the job
 * runs, so autosync and `wp closte domain sync --network` never disagree.
 *
 * The hooks, as Ultimate Multisite defines them (github.com/Ultimate-Multisite/ultimate-multisite):
 * - `wu_add_domain` ($domain, $site_id) and `wu_remove_domain` ($domain, $site_id): the actions every
 *   domain-mapping integration listens to (its own Closte one: Closte_Domain_Mapping::register_hooks(),
 *   inc/integrations/providers/closte/class-closte-domain-mapping.php). Domain_Manager queues them
 *   with `wu_enqueue_async_action` when a domain record's domain is set (`wu_transition_domain_domain`)
 *   and after one is deleted (`wu_domain_post_delete`), in inc/managers/class-domain-manager.php.
 *   Since 2.4 a new site (a duplicated one too) gets a record of its own domain there
 *   (`wp_insert_site` -> create_domain_record_for_site()), so `wu_add_domain` fires for a site's
 *   subdomain as well: the alias rule leaves it out, as the network's wildcard covers it.
 * - `wu_site_created` ($data, $site): after a site is created for the first time, not when it is
 *   duplicated from a template (inc/models/class-site.php).
 * - `wu_duplicate_site` (array( 'site_id' => $to_site_id )): after a site is duplicated
 *   (Site_Duplicator::process_duplication(), inc/helpers/class-site-duplicator.php). In 2.4 it fires
 *   while WordPress is still switched to the template: MUCD_Files::copy_files() (inc/duplication/files.php)
 *   switches to the template and to the new site and restores only once.
 * - `wu_log_add( $handle, $message, $level )` writes wp-content/uploads/wu-logs/<handle>.log.
 * Jobs go through Action Scheduler's `as_enqueue_async_action( $hook, $args, $group )`, which
 * Ultimate Multisite ships, always on the main site's queue, whatever site WordPress is switched to
 * (as `wu_enqueue_async_action` does: the main site's runner is the one that runs); without Action
 * Scheduler they run at `shutdown`, after the response is sent.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge;

/**
 * Off unless `CLOSTE_AUTOSYNC` is true. With Ultimate Multisite's own Closte integration enabled it
 * does nothing (and says so once in the log), so no domain is sent to Closte by two systems.
 */
final class AutoSync {

	const JOB_HOOK      = 'closte_autosync_job';
	const GROUP         = 'closte';
	const LOG_HANDLE    = 'integration-closte';
	const NOTICE_OPTION = 'closte_autosync_integration_notice';

	/** @var array<int,array{0:string,1:string}> Jobs waiting for `shutdown`. */
	private static $pending = array();

	/** @var bool */
	private static $shutdown_hooked = false;

	/** @var Bridge|null */
	private static $bridge = null;

	/**
	 * Hooks the listeners when `CLOSTE_AUTOSYNC` is true.
	 */
	public static function boot(): void {
		if ( ! defined( 'CLOSTE_AUTOSYNC' ) || ! constant( 'CLOSTE_AUTOSYNC' ) ) {
			return;
		}
		add_action( 'wu_add_domain', array( self::class, 'on_domain_mapped' ), 20, 2 );
		add_action( 'wu_remove_domain', array( self::class, 'on_domain_unmapped' ), 20, 2 );
		add_action( 'wu_site_created', array( self::class, 'on_site_created' ), 20, 2 );
		add_action( 'wu_duplicate_site', array( self::class, 'on_site_duplicated' ), 20, 1 );
		add_action( self::JOB_HOOK, array( self::class, 'run_job' ), 10, 2 );
	}

	/**
	 * Replaces the bridge (tests).
	 */
	public static function use_bridge( ?Bridge $bridge ): void {
		self::$bridge = $bridge;
	}

	/**
	 * @param string $domain  The domain mapped.
	 * @param int    $site_id The site it maps to.
	 */
	public static function on_domain_mapped( $domain, $site_id = 0 ): void {
		self::queue( 'domain add', (string) $domain );
	}

	/**
	 * @param string $domain  The domain unmapped.
	 * @param int    $site_id The site it mapped to.
	 */
	public static function on_domain_unmapped( $domain, $site_id = 0 ): void {
		self::queue( 'domain remove', (string) $domain );
	}

	/**
	 * @param array<string,mixed> $data The site's data.
	 * @param object|null         $site The `WP_Ultimo\Models\Site`.
	 */
	public static function on_site_created( $data, $site = null ): void {
		$domain = is_object( $site ) && method_exists( $site, 'get_domain' ) ? $site->get_domain() : ( is_array( $data ) ? ( $data['domain'] ?? '' ) : '' );
		self::queue_site_domain( (string) $domain );
	}

	/**
	 * @param array<string,mixed>|int $args `array( 'site_id' => ... )`, as Ultimate Multisite passes it.
	 */
	public static function on_site_duplicated( $args ): void {
		$site_id = is_array( $args ) ? (int) ( $args['site_id'] ?? 0 ) : (int) $args;
		$site    = $site_id > 0 && function_exists( 'get_site' ) ? get_site( $site_id ) : null;
		self::queue_site_domain( is_object( $site ) && isset( $site->domain ) ? (string) $site->domain : '' );
	}

	/**
	 * Runs one queued job: asks the binary which aliases the domain needs (the alias rule), then
	 * adds or removes those, through `rpc`; the result goes to the network's log. An unmapped
	 * domain's aliases are removed unless another active domain record still needs one of them.
	 *
	 * @param string $command `domain add` or `domain remove`.
	 * @param string $domain  The domain.
	 */
	public static function run_job( $command, $domain ): void {
		$command = (string) $command;
		$domain  = (string) $domain;
		if ( Network::closte_integration_enabled() ) {
			self::note_integration();
			return;
		}
		$bridge = self::$bridge ?? new Bridge();
		$path   = defined( 'ABSPATH' ) ? array( 'path' => (string) constant( 'ABSPATH' ) ) : array();
		$remove = 'domain remove' === $command;
		try {
			// Unmapped: the aliases to remove are those of the domain that no record still mapped needs.
			$call    = $remove
				? Network::aliases_call( Network::available() ? array_column( Network::domains(), 'domain' ) : array(), false, array( 'unmapped' => $domain ) )
				: Network::aliases_call( array( $domain ), false );
			$answer  = $bridge->send( array( $bridge->request( $call[0], $call[1], $call[2], $call[3], $path ) ), TimeBudget::seconds( array(), 1, 0.0, $bridge->margin() ) )[0];
			$aliases = Network::aliases( $answer );
			if ( null === $aliases ) {
				self::log_failure( $command, $domain, $answer );
				return;
			}
			$aliases = array_column( $aliases, 'domain' );
			if ( array() === $aliases ) {
				self::log( sprintf( 'autosync: closte %s %s: nothing to send (%s).', $command, $domain, $remove ? 'every alias of it is still needed by another domain record, or it had none' : 'the alias rule gives it none: it is the network\'s host, or a subdomain its wildcard covers' ), 'info' );
				return;
			}
			$request = $bridge->request( $command, $aliases, $remove ? array() : array( 'www' => 'never' ), Network::settings(), $path );
			$answer  = $bridge->send( array( $request ), TimeBudget::seconds( array(), 1 + count( $aliases ), 0.0, $bridge->margin() ) )[0];
		} catch ( BridgeException $failure ) {
			self::log( sprintf( 'autosync: closte %s %s failed: %s (%s)', $command, $domain, $failure->getMessage(), $failure->error_code() ), 'error' );
			return;
		}
		if ( isset( $answer['error'] ) && is_array( $answer['error'] ) ) {
			self::log_failure( $command, $domain, $answer );
			return;
		}
		self::log( sprintf( 'autosync: closte %s %s: %s', $command, $domain, self::summary( $answer['data'] ?? null ) ), 'info' );
	}

	/**
	 * Runs the jobs queued without Action Scheduler, after the response has gone to the browser.
	 */
	public static function run_pending(): void {
		if ( array() !== self::$pending && function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
		}
		while ( array() !== self::$pending ) {
			$job = array_shift( self::$pending );
			self::run_job( $job[0], $job[1] );
		}
	}

	/**
	 * Queues `closte <command> <domain>`: through Action Scheduler, else at `shutdown`.
	 */
	public static function queue( string $command, string $domain ): void {
		$domain = strtolower( trim( $domain ) );
		if ( '' === $domain ) {
			return;
		}
		if ( Network::closte_integration_enabled() ) {
			self::note_integration();
			return;
		}
		if ( function_exists( 'as_enqueue_async_action' ) ) {
			self::on_main_site(
				static function () use ( $command, $domain ) {
					$args = array( $command, $domain );
					// Ultimate Multisite 2.4 fires wu_add_domain for a new site's domain besides wu_site_created: one job does.
					if ( ! function_exists( 'as_has_scheduled_action' ) || ! as_has_scheduled_action( self::JOB_HOOK, $args, self::GROUP ) ) {
						as_enqueue_async_action( self::JOB_HOOK, $args, self::GROUP );
					}
				}
			);
			return;
		}
		self::$pending[] = array( $command, $domain );
		if ( ! self::$shutdown_hooked ) {
			add_action( 'shutdown', array( self::class, 'run_pending' ), 100 );
			self::$shutdown_hooked = true;
		}
	}

	/**
	 * A new site's domain: the job asks the alias rule, which leaves out the network's host and the
	 * subdomains its wildcard covers.
	 */
	private static function queue_site_domain( string $domain ): void {
		self::queue( 'domain add', $domain );
	}

	/**
	 * Runs `$enqueue` on the main site, switching there and back when WordPress is switched to
	 * another site (`wu_duplicate_site` fires while switched to the template): Action Scheduler's
	 * tables are per site, and only the main site's queue is run.
	 *
	 * @param callable $enqueue Enqueues the job.
	 */
	private static function on_main_site( callable $enqueue ): void {
		$main = function_exists( 'is_multisite' ) && is_multisite() && function_exists( 'get_main_site_id' ) ? (int) get_main_site_id() : 0;
		if ( 0 === $main || get_current_blog_id() === $main ) {
			$enqueue();
			return;
		}
		switch_to_blog( $main );
		try {
			$enqueue();
		} finally {
			restore_current_blog();
		}
	}

	/**
	 * Logs an rpc answer's error as the job's failure.
	 *
	 * @param string              $command The job's command.
	 * @param string              $domain  The job's domain.
	 * @param array<string,mixed> $answer  The answer.
	 */
	private static function log_failure( string $command, string $domain, array $answer ): void {
		$error = isset( $answer['error'] ) && is_array( $answer['error'] ) ? $answer['error'] : array();
		self::log( sprintf( 'autosync: closte %s %s failed: %s (%s)', $command, $domain, (string) ( $error['message'] ?? 'no answer' ), (string) ( $error['code'] ?? 'error' ) ), 'error' );
	}

	/**
	 * Says once in the log that Ultimate Multisite's own Closte integration does the job.
	 */
	private static function note_integration(): void {
		if ( function_exists( 'get_site_option' ) && get_site_option( self::NOTICE_OPTION ) ) {
			return;
		}
		self::log( "autosync: Ultimate Multisite's own Closte integration is enabled, so closte autosync does nothing (a domain is never sent to Closte twice).", 'info' );
		if ( function_exists( 'update_site_option' ) ) {
			update_site_option( self::NOTICE_OPTION, 1 );
		}
	}

	/**
	 * One line of the answer for the log: `example.com added, www.example.com exists`.
	 *
	 * @param mixed $data The answer's data.
	 */
	private static function summary( $data ): string {
		if ( is_array( $data ) && array_values( $data ) === $data ) {
			$parts = array();
			foreach ( $data as $row ) {
				if ( is_array( $row ) && isset( $row['domain'] ) ) {
					$parts[] = trim( $row['domain'] . ' ' . ( $row['action'] ?? '' ) );
				}
			}
			if ( array() !== $parts ) {
				return implode( ', ', $parts );
			}
		}
		return 'done';
	}

	/**
	 * @param string $message The line.
	 * @param string $level   PSR-3 level, as wu_log_add takes it.
	 */
	private static function log( string $message, string $level ): void {
		if ( function_exists( 'wu_log_add' ) ) {
			wu_log_add( self::LOG_HANDLE, $message, $level );
			return;
		}
		error_log( 'closte ' . $message ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
	}
}
