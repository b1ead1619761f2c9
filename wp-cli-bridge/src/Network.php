<?php
/**
 * The network as Ultimate Multisite describes it: its domain records, their stages, its settings,
 * and whether its own Closte integration is on. Which aliases those records need is not decided
 * here but by the binary (`closte domain aliases`), for autosync and `domain sync --network` alike.
 *
 * What is read here, as Ultimate Multisite defines it (github.com/Ultimate-Multisite/ultimate-multisite):
 * - `wu_get_domains( $query )` returns `WP_Ultimo\Models\Domain` objects (inc/functions/domain.php);
 *   each has `get_domain()`, `get_stage()` (`checking-dns`, `checking-ssl-cert`, `done`,
 *   `done-without-ssl`, `failed`), `get_blog_id()` and `is_primary_domain()` (inc/models/class-domain.php).
 *   Since 2.4 every new site whose domain is not the network's host has a record of its own domain
 *   (Domain_Manager::create_domain_record_for_site(), inc/managers/class-domain-manager.php).
 * - `wu_get_setting( 'dns_check_interval', 300 )` (registered in inc/managers/class-domain-manager.php,
 *   10..300 seconds).
 * - Integrations are enabled in the network option `wu_host_integrations_enabled`, an array keyed by
 *   integration id; the Closte one is `closte` (Integration::is_enabled(), inc/integrations/class-integration.php;
 *   the Closte integration is in inc/integrations/providers/closte/).
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge;

/**
 * Reads Ultimate Multisite through its public functions; holds no domain rules of closte's.
 */
final class Network {

	const PAGE = 500;

	/**
	 * Is Ultimate Multisite loaded and usable?
	 */
	public static function available(): bool {
		return function_exists( 'wu_get_domains' ) && function_exists( 'wu_get_setting' );
	}

	/**
	 * The settings an rpc request carries, read through Ultimate Multisite's settings API. Not
	 * `auto_create_www_subdomain`: Ultimate Multisite's own Closte integration ignores it (it never
	 * adds a `www.` twin), and so does closte; its twins follow CLOSTE_WWW_SUBDOMAIN alone.
	 *
	 * @return array<string,mixed>
	 */
	public static function settings(): array {
		if ( ! function_exists( 'wu_get_setting' ) ) {
			return array();
		}
		return array(
			'dns_check_interval' => (int) wu_get_setting( 'dns_check_interval', 300 ),
		);
	}

	/**
	 * Every active domain record, with its stage, in id order.
	 *
	 * @return array<int,array{domain:string,stage:string,site_id:int,primary:bool}>
	 */
	public static function domains(): array {
		$found = array();
		for ( $offset = 0; ; $offset += self::PAGE ) {
			$page = wu_get_domains(
				array(
					'active'  => 1,
					'number'  => self::PAGE,
					'offset'  => $offset,
					'orderby' => 'id',
					'order'   => 'ASC',
				)
			);
			$page = is_array( $page ) ? $page : array();
			foreach ( $page as $record ) {
				$domain = self::field( $record, 'get_domain', 'domain' );
				if ( '' === (string) $domain ) {
					continue;
				}
				$found[] = array(
					'domain'  => strtolower( (string) $domain ),
					'stage'   => (string) self::field( $record, 'get_stage', 'stage' ),
					'site_id' => (int) self::field( $record, 'get_blog_id', 'blog_id' ),
					'primary' => (bool) self::field( $record, 'is_primary_domain', 'primary_domain' ),
				);
			}
			if ( count( $page ) < self::PAGE ) {
				return $found;
			}
		}
	}

	/**
	 * The request that asks the binary which aliases these domain records need: `closte domain
	 * aliases`, the one alias rule autosync and `domain sync --network` both follow (the network's
	 * host and the subdomains its wildcard covers need none; `www.` twins only with the
	 * CLOSTE_WWW_SUBDOMAIN constant). With `$network`, the list also has `*.<host>` on a subdomain
	 * install: everything Closte should have.
	 *
	 * @param array<int,string>   $domains    The records' domains.
	 * @param bool                $network    Also the network's wildcard.
	 * @param array<string,mixed> $assoc_args The caller's options: only `config`, `debug`, `quiet` and
	 *                                        `unmapped` (a record just removed: then `$domains` are those
	 *                                        still mapped, and the answer is what to remove) are passed on.
	 * @return array{0:string,1:array<int,string>,2:array<string,mixed>,3:array<string,mixed>} Command, args, assoc_args, settings.
	 */
	public static function aliases_call( array $domains, bool $network, array $assoc_args = array() ): array {
		$assoc = array_intersect_key( $assoc_args, array_flip( array( 'config', 'debug', 'quiet', 'unmapped' ) ) );
		if ( $network ) {
			$assoc['network'] = true;
		}
		return array( 'domain aliases', array_values( $domains ), $assoc, self::settings() );
	}

	/**
	 * The aliases of a `domain aliases` answer, or null when it is an error.
	 *
	 * @param array<string,mixed> $answer The rpc answer.
	 * @return array<int,array{domain:string,wildcard:bool}>|null
	 */
	public static function aliases( array $answer ): ?array {
		if ( isset( $answer['error'] ) || ! isset( $answer['data'] ) || ! is_array( $answer['data'] ) ) {
			return null;
		}
		$aliases = array();
		foreach ( $answer['data'] as $row ) {
			if ( is_array( $row ) && isset( $row['domain'] ) ) {
				$aliases[] = array(
					'domain'   => (string) $row['domain'],
					'wildcard' => ! empty( $row['wildcard'] ),
				);
			}
		}
		return $aliases;
	}

	/**
	 * Is Ultimate Multisite's own Closte integration enabled? Then it sends domains to Closte itself.
	 */
	public static function closte_integration_enabled(): bool {
		if ( ! function_exists( 'get_network_option' ) ) {
			return false;
		}
		$enabled = get_network_option( null, 'wu_host_integrations_enabled', array() );
		return is_array( $enabled ) && ! empty( $enabled['closte'] );
	}

	/**
	 * A record's field through its getter (a model) or its key (an array or a plain object).
	 *
	 * @param mixed  $record The domain record.
	 * @param string $getter Method name.
	 * @param string $key    Property or array key.
	 * @return mixed
	 */
	private static function field( $record, string $getter, string $key ) {
		if ( is_object( $record ) && method_exists( $record, $getter ) ) {
			return $record->{$getter}();
		}
		if ( is_array( $record ) ) {
			return $record[ $key ] ?? null;
		}
		return is_object( $record ) && isset( $record->{$key} ) ? $record->{$key} : null;
	}
}
