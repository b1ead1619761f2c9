<?php
/**
 * `wp closte check|doctor|version`.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge\Command;

use Closte\Bridge\BridgeVersion;
use Closte\Bridge\Cli;
use Closte\Bridge\Network;
use Closte\Bridge\TimeBudget;

/**
 * Keeps Closte's domain aliases in step with an Ultimate Multisite network, and tells whether each
 * domain's DNS and SSL certificate are ready. Every command runs the `closte` binary (found through
 * CLOSTE_BIN, the package's bin/closte, then the PATH) and works even when WordPress is broken.
 *
 * @when before_wp_load
 */
final class ClosteCommand {

	/**
	 * Checks that the Closte API key is present and accepted by Closte (read-only).
	 *
	 * The key comes from the CLOSTE_CLIENT_API_KEY environment variable, else the constant in
	 * wp-config.php. It is never printed.
	 *
	 * ## OPTIONS
	 *
	 * [--config=<file>]
	 * : An explicit wp-config.php (wins over WP-CLI's --path).
	 *
	 * [--api-url=<url>]
	 * : Closte API base. Default: the CLOSTE_API_URL environment variable, else https://app.closte.com/api/client. Plain http:// only to a loopback host.
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
	 * ---
	 *
	 * [--fields=<fields>]
	 * : Comma-separated fields to show.
	 *
	 * ## EXAMPLES
	 *
	 *     # Is the key in wp-config.php accepted?
	 *     $ wp closte check
	 *
	 *     # The same, as JSON, for a provisioning script
	 *     $ wp closte check --format=json
	 *
	 * @when before_wp_load
	 *
	 * @param array<int,string>   $args       Positional arguments.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function check( $args, $assoc_args ) {
		Cli::run( 'check', $args, $assoc_args );
	}

	/**
	 * Runs the troubleshooting checklist: each check passes, warns or fails, with a hint.
	 *
	 * wp-config.php found and read; MULTISITE and SUNRISE true; DOMAIN_CURRENT_SITE set and
	 * resolvable; CLOSTE_CLIENT_API_KEY present; Closte reachable and the key accepted; then for each
	 * domain: on Closte, DNS pointing at the network, SSL valid. Exit 1 when anything failed.
	 *
	 * ## OPTIONS
	 *
	 * [<domain>...]
	 * : Domains to check as well.
	 *
	 * [--all]
	 * : Check every alias Closte lists.
	 *
	 * [--network]
	 * : Check every domain mapped in Ultimate Multisite (loads WordPress; needs Ultimate Multisite).
	 *
	 * [--expect=<ip|host>]
	 * : What the domains should point at. Default: CLOSTE_PUBLIC_IP_ADDRESS and the DOMAIN_CURRENT_SITE host.
	 *
	 * [--config=<file>]
	 * : An explicit wp-config.php (wins over WP-CLI's --path).
	 *
	 * [--api-url=<url>]
	 * : Closte API base. Default: the CLOSTE_API_URL environment variable, else https://app.closte.com/api/client.
	 *
	 * [--timeout=<seconds>]
	 * : Upper bound for one network operation. Default: 45.
	 *
	 * [--retries=<n>]
	 * : Extra attempts after a connection error, HTTP 5xx or 429. Default: 3.
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
	 *     # The checklist for the network and one domain
	 *     $ wp closte doctor example.com
	 *
	 *     # Every domain Ultimate Multisite maps
	 *     $ wp closte doctor --network
	 *
	 * @when before_wp_load
	 *
	 * @param array<int,string>   $args       Domains.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function doctor( $args, $assoc_args ) {
		if ( empty( $assoc_args['network'] ) ) {
			Cli::run( 'doctor', $args, Cli::without_network( $assoc_args ), array(), $this->budget( $args, $assoc_args ) );
			return;
		}
		if ( ! Cli::load_network() ) {
			return;
		}
		$aliases = Cli::network_aliases( $assoc_args, false );
		if ( null === $aliases ) {
			return;
		}
		$domains = $args;
		foreach ( $aliases as $alias ) {
			if ( ! $alias['wildcard'] ) {
				$domains[] = $alias['domain'];
			}
		}
		$domains = array_values( array_unique( $domains ) );
		Cli::run( 'doctor', $domains, Cli::without_network( $assoc_args ), Network::settings(), $this->budget( $domains, $assoc_args ) );
	}

	/**
	 * Shows the closte binary's version and the bridge's; warns when they speak different rpc protocols.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : `json` for the binary's fields and the bridge's (`bridge`: version, protocol) as one JSON object.
	 * ---
	 * options:
	 *   - text
	 *   - json
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp closte version
	 *
	 * @when before_wp_load
	 *
	 * @param array<int,string>   $args       Positional arguments.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function version( $args, $assoc_args ) {
		BridgeVersion::show( $assoc_args );
	}

	/**
	 * Doctor makes a few calls of its own, then three checks per domain.
	 *
	 * @param array<int,string>   $domains    The domains checked.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	private function budget( array $domains, array $assoc_args ): float {
		$per_domain = empty( $assoc_args['all'] ) ? count( $domains ) : max( 100, count( $domains ) );
		return TimeBudget::seconds( $assoc_args, 3 + 3 * $per_domain, 0.0, Cli::bridge()->margin() );
	}
}
