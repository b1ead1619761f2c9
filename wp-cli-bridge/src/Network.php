<?php
/**
 * The network as Ultimate Multisite describes it: its mapped domains, their stages, its settings,
 * and whether its own Closte integration is on.
 *
 * What is read here, as Ultimate Multisite defines it (github.com/Multisite-Ultimate/ultimate-multisite):
 * - `wu_get_domains( $query )` returns `WP_Ultimo\Models\Domain` objects (inc/functions/domain.php);
 *   each has `get_domain()`, `get_stage()` (`checking-dns`, `checking-ssl-cert`, `done`,
 *   `done-without-ssl`, `failed`), `get_blog_id()` and `is_primary_domain()` (inc/models/class-domain.php).
 * - `wu_get_setting( 'dns_check_interval', 300 )` and `wu_get_setting( 'auto_create_www_subdomain', 'always' )`
 *   (registered in inc/managers/class-domain-manager.php: 10..300 seconds; always / main_only / never).
 * - Host integrations are enabled in the network option `wu_host_integrations_enabled`, an array keyed
 *   by integration id; the Closte one is `closte` (Base_Host_Provider::is_enabled(),
 *   inc/integrations/host-providers/class-base-host-provider.php and class-closte-host-provider.php).
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
	 * The settings an rpc request carries, read through Ultimate Multisite's settings API.
	 *
	 * @return array<string,mixed>
	 */
	public static function settings(): array {
		if ( ! function_exists( 'wu_get_setting' ) ) {
			return array();
		}
		return array(
			'dns_check_interval'        => (int) wu_get_setting( 'dns_check_interval', 300 ),
			'auto_create_www_subdomain' => (string) wu_get_setting( 'auto_create_www_subdomain', 'always' ),
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
	 * The aliases Closte should have for this network: every active domain record that needs one,
	 * and, on a subdomain install, the wildcard `*.<network host>` that serves every site's subdomain.
	 *
	 * @param array<int,array{domain:string}> $domains From domains().
	 * @return array<int,array{domain:string,wildcard:bool}>
	 */
	public static function desired_aliases( array $domains ): array {
		$aliases = array();
		$host    = self::host();
		if ( '' !== $host && self::subdomain_install() ) {
			$aliases[ '*.' . $host ] = array(
				'domain'   => '*.' . $host,
				'wildcard' => true,
			);
		}
		foreach ( $domains as $record ) {
			$domain = $record['domain'];
			if ( self::needs_alias( $domain ) ) {
				$aliases[ $domain ] = array(
					'domain'   => $domain,
					'wildcard' => 0 === strpos( $domain, '*.' ),
				);
			}
		}
		return array_values( $aliases );
	}

	/**
	 * Does this domain need its own alias on Closte? Not the network's own host (Closte serves it
	 * already), nor, on a subdomain install, a site's subdomain of it (the wildcard alias covers it).
	 */
	public static function needs_alias( string $domain ): bool {
		$domain = strtolower( trim( $domain ) );
		$host   = self::host();
		if ( '' === $domain || $domain === $host ) {
			return false;
		}
		if ( '' !== $host && self::subdomain_install() ) {
			$suffix = '.' . $host;
			$label  = substr( $domain, 0, -strlen( $suffix ) );
			if ( substr( $domain, -strlen( $suffix ) ) === $suffix && false === strpos( $label, '.' ) ) {
				return false;
			}
		}
		return true;
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
	 * The network's host: `DOMAIN_CURRENT_SITE`, else the current network's domain.
	 */
	public static function host(): string {
		if ( defined( 'DOMAIN_CURRENT_SITE' ) ) {
			return strtolower( (string) constant( 'DOMAIN_CURRENT_SITE' ) );
		}
		if ( function_exists( 'get_network' ) ) {
			$network = get_network();
			if ( is_object( $network ) && isset( $network->domain ) ) {
				return strtolower( (string) $network->domain );
			}
		}
		return '';
	}

	public static function subdomain_install(): bool {
		if ( function_exists( 'is_subdomain_install' ) ) {
			return (bool) is_subdomain_install();
		}
		return defined( 'SUBDOMAIN_INSTALL' ) && (bool) constant( 'SUBDOMAIN_INSTALL' );
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
