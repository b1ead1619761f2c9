<?php
/**
 * `wp closte dns check`.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge\Command;

use Closte\Bridge\Cli;

/**
 * Asks DNS whether a domain points at the network.
 *
 * @when before_wp_load
 */
final class DnsCommand {

	/**
	 * Shows a domain's A, AAAA, CNAME and NS records and whether it points at the network.
	 *
	 * The network is --expect, else CLOSTE_PUBLIC_IP_ADDRESS and the DOMAIN_CURRENT_SITE host from
	 * wp-config.php. A domain behind Cloudflare's proxy is reported as proxied (a warning, exit 0).
	 * Exit 1 when it does not point at the network.
	 *
	 * ## OPTIONS
	 *
	 * <domain>
	 * : The domain.
	 *
	 * [--expect=<ip|host>]
	 * : What the domain should point at (WP-CLI keeps the last one given; use a comma-separated list for several).
	 *
	 * [--resolver=<address>]
	 * : DNS server to ask, as ip or ip:port. Default: the system's, from /etc/resolv.conf.
	 *
	 * [--timeout=<seconds>]
	 * : Upper bound for the lookups. Default: 45.
	 *
	 * [--config=<file>]
	 * : An explicit wp-config.php (wins over WP-CLI's --path).
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
	 *     $ wp closte dns check example.com
	 *
	 *     $ wp closte dns check example.com --expect=203.0.113.10 --resolver=1.1.1.1
	 *
	 * @when before_wp_load
	 *
	 * @param array<int,string>   $args       The domain.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function check( $args, $assoc_args ) {
		Cli::run( 'dns check', $args, $assoc_args );
	}
}
