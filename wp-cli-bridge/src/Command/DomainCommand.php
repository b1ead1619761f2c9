<?php
/**
 * `wp closte domain add|remove|list|sync|status|wait`.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge\Command;

use Closte\Bridge\Cli;
use Closte\Bridge\Network;
use Closte\Bridge\Presenter;
use Closte\Bridge\TimeBudget;
use WP_CLI;

/**
 * Manages the network's domain aliases on Closte, and follows each domain through Ultimate
 * Multisite's stages: checking-dns, checking-ssl-cert, done (or failed / done-without-ssl).
 *
 * @when before_wp_load
 */
final class DomainCommand {

	/**
	 * Adds domain aliases on Closte (those already there are left alone).
	 *
	 * Closte issues the SSL certificate itself, usually 5 to 10 minutes after a domain is added.
	 *
	 * ## OPTIONS
	 *
	 * <domain>...
	 * : One or more domains. `*.example.com` is sent as a wildcard alias.
	 *
	 * [--www=<mode>]
	 * : Also add the www. twin, as Ultimate Multisite's "Create www Subdomain Automatically?" setting does. Default: never.
	 * ---
	 * options:
	 *   - always
	 *   - main_only
	 *   - never
	 * ---
	 *
	 * [--concurrency=<n>]
	 * : Requests in flight at once. Default: 16.
	 *
	 * [--config=<file>]
	 * : An explicit wp-config.php (wins over WP-CLI's --path).
	 *
	 * [--api-url=<url>]
	 * : Closte API base. Default: the CLOSTE_API_URL environment variable, else https://app.closte.com/api/client.
	 *
	 * [--timeout=<seconds>]
	 * : Upper bound for one call to Closte. Default: 45.
	 *
	 * [--retries=<n>]
	 * : Extra attempts after a connection error, HTTP 5xx or 429. Default: 3.
	 *
	 * [--log-dir=<dir>]
	 * : Where to append wu-logs lines. Default: wp-content/uploads/wu-logs when it exists.
	 *
	 * [--format=<format>]
	 * : Output format. Default: table.
	 * ---
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 *   - count
	 *   - ids
	 * ---
	 *
	 * [--fields=<fields>]
	 * : Comma-separated fields to show.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp closte domain add example.com --www=always
	 *
	 *     $ wp closte domain add '*.example.net'
	 *
	 * @when before_wp_load
	 *
	 * @param array<int,string>   $args       Domains.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function add( $args, $assoc_args ) {
		Cli::run( 'domain add', $args, $assoc_args );
	}

	/**
	 * Removes domain aliases from Closte.
	 *
	 * ## OPTIONS
	 *
	 * <domain>...
	 * : One or more domains.
	 *
	 * [--concurrency=<n>]
	 * : Requests in flight at once. Default: 16.
	 *
	 * [--config=<file>]
	 * : An explicit wp-config.php (wins over WP-CLI's --path).
	 *
	 * [--api-url=<url>]
	 * : Closte API base. Default: the CLOSTE_API_URL environment variable, else https://app.closte.com/api/client.
	 *
	 * [--timeout=<seconds>]
	 * : Upper bound for one call to Closte. Default: 45.
	 *
	 * [--retries=<n>]
	 * : Extra attempts after a connection error, HTTP 5xx or 429. Default: 3.
	 *
	 * [--log-dir=<dir>]
	 * : Where to append wu-logs lines. Default: wp-content/uploads/wu-logs when it exists.
	 *
	 * [--format=<format>]
	 * : Output format. Default: table.
	 * ---
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 *   - count
	 *   - ids
	 * ---
	 *
	 * [--fields=<fields>]
	 * : Comma-separated fields to show.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp closte domain remove old-example.com
	 *
	 * @when before_wp_load
	 *
	 * @param array<int,string>   $args       Domains.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function remove( $args, $assoc_args ) {
		Cli::run( 'domain remove', $args, $assoc_args );
	}

	/**
	 * Lists the domain aliases Closte has.
	 *
	 * ## OPTIONS
	 *
	 * [--config=<file>]
	 * : An explicit wp-config.php (wins over WP-CLI's --path).
	 *
	 * [--api-url=<url>]
	 * : Closte API base. Default: the CLOSTE_API_URL environment variable, else https://app.closte.com/api/client.
	 *
	 * [--timeout=<seconds>]
	 * : Upper bound for one call to Closte. Default: 45.
	 *
	 * [--retries=<n>]
	 * : Extra attempts after a connection error, HTTP 5xx or 429. Default: 3.
	 *
	 * [--format=<format>]
	 * : Output format. Default: table.
	 * ---
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 *   - count
	 *   - ids
	 * ---
	 *
	 * [--fields=<fields>]
	 * : Comma-separated fields to show.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp closte domain list
	 *
	 *     $ wp closte domain list --format=count
	 *
	 * @when before_wp_load
	 * @subcommand list
	 *
	 * @param array<int,string>   $args       Positional arguments.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function list_( $args, $assoc_args ) {
		Cli::run( 'domain list', $args, $assoc_args );
	}

	/**
	 * Makes Closte's aliases match a desired list: plans (add / keep / remove), then applies.
	 *
	 * The list comes from --from (one domain per line, a JSON array of strings, or JSON lines of
	 * {"domain": ..., "wildcard": ...}), or with --network from Ultimate Multisite: the aliases its
	 * active domain records need, by the rule autosync follows too (`closte domain aliases`): *.<network>
	 * on a subdomain install, not the network's host nor the sites' subdomains that wildcard covers,
	 * and www. twins only when CLOSTE_WWW_SUBDOMAIN in wp-config.php asks for them. Removing happens
	 * only with --prune, and never removes the network's own domain. Running it again after a partial
	 * failure finishes the job.
	 *
	 * ## OPTIONS
	 *
	 * [<domain>...]
	 * : Desired domains given on the command line (instead of, or besides, --from).
	 *
	 * [--from=<file>]
	 * : The desired list; `-` reads it from standard input.
	 *
	 * [--network]
	 * : Use the aliases the network's domain records need as the desired list (loads WordPress; needs Ultimate Multisite).
	 *
	 * [--prune]
	 * : Also remove aliases that are not desired.
	 *
	 * [--dry-run]
	 * : Print the plan and change nothing.
	 *
	 * [--concurrency=<n>]
	 * : Requests in flight at once. Default: 16.
	 *
	 * [--stream]
	 * : With --format=json, print each result as one JSON line as it completes.
	 *
	 * [--config=<file>]
	 * : An explicit wp-config.php (wins over WP-CLI's --path).
	 *
	 * [--api-url=<url>]
	 * : Closte API base. Default: the CLOSTE_API_URL environment variable, else https://app.closte.com/api/client.
	 *
	 * [--timeout=<seconds>]
	 * : Upper bound for one call to Closte. Default: 45.
	 *
	 * [--retries=<n>]
	 * : Extra attempts after a connection error, HTTP 5xx or 429. Default: 3.
	 *
	 * [--log-dir=<dir>]
	 * : Where to append wu-logs lines. Default: wp-content/uploads/wu-logs when it exists.
	 *
	 * [--format=<format>]
	 * : Output format. Default: table.
	 * ---
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 *   - count
	 *   - ids
	 * ---
	 *
	 * [--fields=<fields>]
	 * : Comma-separated fields to show.
	 *
	 * ## EXAMPLES
	 *
	 *     # What would change, from the network's own domains
	 *     $ wp closte domain sync --network --prune --dry-run
	 *
	 *     # Nightly, from cron
	 *     $ wp closte domain sync --network --path=/var/www/html --quiet
	 *
	 *     # From a file, or from a pipe
	 *     $ wp closte domain sync --from=domains.txt
	 *     $ wp site list --field=domain | wp closte domain sync --from=- --dry-run
	 *
	 * @when before_wp_load
	 *
	 * @param array<int,string>   $args       Positional arguments.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function sync( $args, $assoc_args ) {
		if ( empty( $assoc_args['network'] ) ) {
			$stdin = isset( $assoc_args['from'] ) && '-' === $assoc_args['from'];
			if ( $stdin ) {
				// Standard input carries the rpc requests, so the list travels as a temporary file.
				$assoc_args['from'] = self::temporary_list( (string) stream_get_contents( STDIN ) );
			}
			$entries = isset( $assoc_args['from'] ) && is_readable( (string) $assoc_args['from'] ) ? count( (array) @file( (string) $assoc_args['from'] ) ) : 100;
			$answers = Cli::call(
				array( array( 'domain sync', $args, Cli::without_network( $assoc_args ), array() ) ),
				TimeBudget::seconds( $assoc_args, 1 + $entries, 0.0, Cli::bridge()->margin() )
			);
			if ( $stdin ) {
				@unlink( (string) $assoc_args['from'] );
			}
			if ( null !== $answers ) {
				Presenter::show( self::sync_answer( $answers[0], $assoc_args ), $assoc_args );
			}
			return;
		}
		if ( isset( $assoc_args['from'] ) ) {
			Presenter::error( 'invalid_arguments', '--network and --from cannot be used together.', 'Use one source for the desired list.', 2 );
			return;
		}
		if ( ! Cli::load_network() ) {
			return;
		}
		$aliases = Cli::network_aliases( $assoc_args, true );
		if ( null === $aliases ) {
			return;
		}
		if ( array() === $aliases && ! empty( $assoc_args['prune'] ) ) {
			Presenter::error(
				'network_empty',
				'Ultimate Multisite lists no active mapped domains, so --prune would remove every alias on Closte.',
				'Check `wp closte domain status --network`; to really empty Closte, use `wp closte domain sync --from=<empty file> --prune`.',
				1
			);
			return;
		}
		$lines = '';
		foreach ( $aliases as $alias ) {
			$lines .= json_encode( $alias, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n";
		}
		$file               = self::temporary_list( $lines );
		$assoc_args         = Cli::without_network( $assoc_args );
		$assoc_args['from'] = $file;
		$answers            = Cli::call(
			array( array( 'domain sync', $args, $assoc_args, Network::settings() ) ),
			TimeBudget::seconds( $assoc_args, 1 + count( $aliases ), 0.0, Cli::bridge()->margin() )
		);
		@unlink( $file );
		if ( null !== $answers ) {
			Presenter::show( self::sync_answer( $answers[0], $assoc_args ), $assoc_args );
		}
	}

	/**
	 * Runs one pass of the stage machine: checking-dns, then checking-ssl-cert, then done.
	 *
	 * ## OPTIONS
	 *
	 * [<domain>]
	 * : The domain. Not with --network.
	 *
	 * [--network]
	 * : Every domain mapped in Ultimate Multisite, with the stage Ultimate Multisite records for it (loads WordPress; needs Ultimate Multisite).
	 *
	 * [--expect=<ip|host>]
	 * : What the domain should point at. Default: CLOSTE_PUBLIC_IP_ADDRESS and the DOMAIN_CURRENT_SITE host.
	 *
	 * [--config=<file>]
	 * : An explicit wp-config.php (wins over WP-CLI's --path).
	 *
	 * [--timeout=<seconds>]
	 * : Upper bound for one network operation. Default: 45.
	 *
	 * [--retries=<n>]
	 * : Extra attempts after a connection error. Default: 3.
	 *
	 * [--resolver=<address>]
	 * : DNS server to ask, as ip or ip:port. Default: the system's, from /etc/resolv.conf.
	 *
	 * [--port=<n>]
	 * : Port of the SSL check. Default: 443.
	 *
	 * [--ca-file=<pem>]
	 * : Extra trusted certificate authorities for the SSL check.
	 *
	 * [--log-dir=<dir>]
	 * : Where to append wu-logs lines. Default: wp-content/uploads/wu-logs when it exists.
	 *
	 * [--format=<format>]
	 * : Output format. Default: table.
	 * ---
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 *   - count
	 * ---
	 *
	 * [--fields=<fields>]
	 * : Comma-separated fields to show.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp closte domain status example.com
	 *
	 *     # Every mapped domain: Ultimate Multisite's stage beside closte's
	 *     $ wp closte domain status --network
	 *
	 * @when before_wp_load
	 *
	 * @param array<int,string>   $args       The domain.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function status( $args, $assoc_args ) {
		if ( empty( $assoc_args['network'] ) ) {
			Cli::run( 'domain status', $args, $assoc_args, array(), TimeBudget::seconds( $assoc_args, 2, 0.0, Cli::bridge()->margin() ) );
			return;
		}
		if ( array() !== $args ) {
			Presenter::error( 'invalid_arguments', 'Give a domain or --network, not both.', null, 2 );
			return;
		}
		if ( ! Cli::load_network() ) {
			return;
		}
		$assoc_args = Cli::without_network( $assoc_args );
		$domains    = Network::domains();
		$settings   = Network::settings();
		$calls      = array();
		foreach ( $domains as $record ) {
			$calls[] = array( 'domain status', array( $record['domain'] ), $assoc_args, $settings );
		}
		$answers = array() === $calls ? array() : Cli::call( $calls, TimeBudget::seconds( $assoc_args, 2 * count( $calls ), 0.0, Cli::bridge()->margin() ) );
		if ( null === $answers ) {
			return;
		}
		$rows   = array();
		$failed = false;
		foreach ( $domains as $index => $record ) {
			$answer = $answers[ $index ];
			$row    = array(
				'domain'        => $record['domain'],
				'network_stage' => $record['stage'],
				'stage'         => '',
			);
			foreach ( (array) ( $answer['warnings'] ?? array() ) as $warning ) {
				WP_CLI::warning( $record['domain'] . ': ' . $warning );
			}
			if ( isset( $answer['data'] ) && is_array( $answer['data'] ) ) {
				$row = array_merge( $row, $answer['data'], array( 'domain' => $record['domain'], 'network_stage' => $record['stage'] ) );
			}
			if ( isset( $answer['error'] ) && is_array( $answer['error'] ) ) {
				$failed       = true;
				$row['stage'] = '' === $row['stage'] ? 'error' : $row['stage'];
				$row['error'] = (string) ( $answer['error']['message'] ?? '' ) . ' (' . (string) ( $answer['error']['code'] ?? 'error' ) . ')';
			}
			$rows[] = $row;
		}
		$fields = isset( $assoc_args['fields'] ) ? (string) $assoc_args['fields'] : ( $failed ? 'domain,network_stage,stage,error' : 'domain,network_stage,stage' );
		Presenter::items( isset( $assoc_args['format'] ) ? (string) $assoc_args['format'] : 'table', $rows, array_map( 'trim', explode( ',', $fields ) ) );
		if ( $failed ) {
			WP_CLI::halt( 1 );
		}
	}

	/**
	 * Runs the stage machine until a final stage: done, failed (DNS never pointed at the network) or done-without-ssl.
	 *
	 * Progress goes to standard error, one line per try; the result to standard output. Exit 0 for
	 * done, 1 otherwise.
	 *
	 * ## OPTIONS
	 *
	 * <domain>
	 * : The domain.
	 *
	 * [--interval=<seconds>]
	 * : Seconds between tries, clamped to 10..300. Default: Ultimate Multisite's DNS check interval when known, else 300.
	 *
	 * [--max-tries=<n>]
	 * : Tries per stage. Default: 5.
	 *
	 * [--expect=<ip|host>]
	 * : What the domain should point at. Default: CLOSTE_PUBLIC_IP_ADDRESS and the DOMAIN_CURRENT_SITE host.
	 *
	 * [--config=<file>]
	 * : An explicit wp-config.php (wins over WP-CLI's --path).
	 *
	 * [--timeout=<seconds>]
	 * : Upper bound for one network operation. Default: 45.
	 *
	 * [--retries=<n>]
	 * : Extra attempts after a connection error. Default: 3.
	 *
	 * [--resolver=<address>]
	 * : DNS server to ask, as ip or ip:port. Default: the system's, from /etc/resolv.conf.
	 *
	 * [--port=<n>]
	 * : Port of the SSL check. Default: 443.
	 *
	 * [--ca-file=<pem>]
	 * : Extra trusted certificate authorities for the SSL check.
	 *
	 * [--log-dir=<dir>]
	 * : Where to append wu-logs lines. Default: wp-content/uploads/wu-logs when it exists.
	 *
	 * [--format=<format>]
	 * : Output format. Default: table.
	 * ---
	 * options:
	 *   - table
	 *   - json
	 *   - yaml
	 * ---
	 *
	 * [--fields=<fields>]
	 * : Comma-separated fields to show.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp closte domain add example.com && wp closte domain wait example.com --interval=60
	 *
	 * @when before_wp_load
	 *
	 * @param array<int,string>   $args       The domain.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function wait( $args, $assoc_args ) {
		Cli::run( 'domain wait', $args, $assoc_args, array(), TimeBudget::for_wait( $assoc_args, array(), 1, Cli::bridge()->margin() ) );
	}

	/**
	 * Writes a desired list to a private temporary file for `--from`; the caller removes it.
	 */
	private static function temporary_list( string $content ): string {
		$file = (string) tempnam( sys_get_temp_dir(), 'closte-sync-' );
		chmod( $file, 0600 );
		file_put_contents( $file, $content );
		return $file;
	}

	/**
	 * `domain sync` answers rpc with a report (`dry_run`, `summary`, `results`) and no rendering of
	 * its own; print it as the binary's own front end does: the results as a list, then the counts.
	 * An answer that says how to render itself is left as it is, and so is the whole report with
	 * --format=json (as the binary prints it).
	 *
	 * @param array<string,mixed> $answer     The rpc answer.
	 * @param array<string,mixed> $assoc_args The command's options.
	 * @return array<string,mixed>
	 */
	private static function sync_answer( array $answer, array $assoc_args ): array {
		$kind = $answer['render']['kind'] ?? 'none';
		$data = $answer['data'] ?? null;
		if ( 'none' !== $kind || 'json' === ( $assoc_args['format'] ?? null ) || ! is_array( $data ) || ! isset( $data['results'] ) || ! is_array( $data['results'] ) ) {
			return $answer;
		}
		$fields = array( 'domain', 'wildcard', 'action' );
		foreach ( $data['results'] as $row ) {
			if ( is_array( $row ) && isset( $row['error'] ) ) {
				$fields[] = 'error';
				break;
			}
		}
		$answer['render'] = array(
			'kind'   => 'items',
			'fields' => $fields,
			'rows'   => $data['results'],
		);
		if ( isset( $data['summary'] ) && is_array( $data['summary'] ) && ! isset( $answer['error'] ) ) {
			$counts = array();
			foreach ( $data['summary'] as $name => $count ) {
				$counts[] = $count . ' ' . $name;
			}
			$answer['bridge_summary'] = ( empty( $data['dry_run'] ) ? 'Synced: ' : 'Dry run, nothing changed: ' ) . implode( ', ', $counts ) . '.';
		}
		return $answer;
	}
}
