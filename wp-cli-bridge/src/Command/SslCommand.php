<?php
/**
 * `wp closte ssl check`.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge\Command;

use Closte\Bridge\Cli;

/**
 * Inspects the certificate a domain serves.
 *
 * @when before_wp_load
 */
final class SslCommand {

	/**
	 * Shows the certificate served for a domain: trusted, host name match, validity dates, days left, issuer, names.
	 *
	 * Reasons when it is not valid: expired, not_yet_valid, hostname_mismatch, untrusted,
	 * self_signed, handshake_failed, unreachable, timeout. Exit 1 when it is not valid.
	 *
	 * ## OPTIONS
	 *
	 * <domain>
	 * : The domain.
	 *
	 * [--port=<n>]
	 * : Port to connect to. Default: 443.
	 *
	 * [--connect-to=<ip>]
	 * : Connect to this address instead of resolving the domain (the certificate is still checked for the domain).
	 *
	 * [--ca-file=<pem>]
	 * : Extra trusted certificate authorities beside the system's.
	 *
	 * [--resolver=<address>]
	 * : DNS server to ask, as ip or ip:port. Default: the system's, from /etc/resolv.conf.
	 *
	 * [--timeout=<seconds>]
	 * : Upper bound for the check. Default: 45.
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
	 * ---
	 *
	 * [--fields=<fields>]
	 * : Comma-separated fields to show.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp closte ssl check example.com
	 *
	 *     $ wp closte ssl check example.com --format=json
	 *
	 * @when before_wp_load
	 *
	 * @param array<int,string>   $args       The domain.
	 * @param array<string,mixed> $assoc_args Options.
	 */
	public function check( $args, $assoc_args ) {
		Cli::run( 'ssl check', $args, $assoc_args );
	}
}
