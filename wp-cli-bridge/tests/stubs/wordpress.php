<?php
/**
 * Stubs of the WordPress and Ultimate Multisite functions the bridge calls, recording every call
 * in $GLOBALS['closte_stub_calls']. Loaded only in tests that run in their own process, because
 * functions cannot be taken back once defined. $GLOBALS['closte_stub'] holds what they answer.
 *
 * WordPress's hooks run (add_action / do_action) and its site switching keeps a stack, so the
 * ultimate-multisite.php stubs beside this file can reproduce what Ultimate Multisite really does.
 *
 * @package Closte\Bridge\Tests
 */

$GLOBALS['closte_stub_calls'] = array();
$GLOBALS['closte_stub']       = array(
	'domains'      => array(),
	'settings'     => array(
		'dns_check_interval'        => 60,
		'auto_create_www_subdomain' => 'main_only',
	),
	'integrations' => array(),
	'site_options' => array(),
	'sites'        => array(),
	'subdomain'    => false,
	'hooks'        => array(),
	'blog'         => 1,
	'switched'     => array(),
);

function closte_stub_record( string $name, array $args ) {
	$GLOBALS['closte_stub_calls'][] = array_merge( array( $name ), $args );
}

function add_action( $hook, $callback, $priority = 10, $accepted_args = 1 ) {
	closte_stub_record( 'add_action', array( $hook, $callback, $priority, $accepted_args ) );
	$GLOBALS['closte_stub']['hooks'][ $hook ][ $priority ][] = array( $callback, (int) $accepted_args );
	ksort( $GLOBALS['closte_stub']['hooks'][ $hook ] );
	return true;
}

/**
 * WordPress's do_action: every callback of the hook, by priority, with its accepted arguments.
 */
function do_action( $hook, ...$args ) {
	foreach ( $GLOBALS['closte_stub']['hooks'][ $hook ] ?? array() as $callbacks ) {
		foreach ( $callbacks as $callback ) {
			call_user_func_array( $callback[0], array_slice( $args, 0, $callback[1] ) );
		}
	}
}

function is_multisite() {
	return true;
}

function get_main_site_id() {
	return 1;
}

function get_current_blog_id() {
	return $GLOBALS['closte_stub']['blog'];
}

function switch_to_blog( $blog_id ) {
	$GLOBALS['closte_stub']['switched'][] = $GLOBALS['closte_stub']['blog'];
	$GLOBALS['closte_stub']['blog']       = (int) $blog_id;
	return true;
}

function restore_current_blog() {
	if ( array() === $GLOBALS['closte_stub']['switched'] ) {
		return false;
	}
	$GLOBALS['closte_stub']['blog'] = array_pop( $GLOBALS['closte_stub']['switched'] );
	return true;
}

function ms_is_switched() {
	return array() !== $GLOBALS['closte_stub']['switched'];
}

function get_network_option( $network_id, $option, $default = false ) {
	return 'wu_host_integrations_enabled' === $option ? $GLOBALS['closte_stub']['integrations'] : $default;
}

function get_site_option( $option, $default = false ) {
	return $GLOBALS['closte_stub']['site_options'][ $option ] ?? $default;
}

function update_site_option( $option, $value ) {
	$GLOBALS['closte_stub']['site_options'][ $option ] = $value;
	return true;
}

function is_subdomain_install() {
	return $GLOBALS['closte_stub']['subdomain'];
}

function get_site( $site_id ) {
	return $GLOBALS['closte_stub']['sites'][ $site_id ] ?? null;
}

function wu_get_setting( $name, $default = false ) {
	closte_stub_record( 'wu_get_setting', array( $name, $default ) );
	return $GLOBALS['closte_stub']['settings'][ $name ] ?? $default;
}

function wu_get_domains( $query = array() ) {
	closte_stub_record( 'wu_get_domains', array( $query ) );
	$domains = array_values(
		array_filter(
			$GLOBALS['closte_stub']['domains'],
			static function ( $domain ) use ( $query ) {
				return ( ! isset( $query['active'] ) || (bool) $query['active'] === $domain->is_active() )
					&& ( ! isset( $query['blog_id'] ) || (int) $query['blog_id'] === $domain->get_blog_id() );
			}
		)
	);
	return array_slice( $domains, (int) ( $query['offset'] ?? 0 ), (int) ( $query['number'] ?? 100 ) );
}

function wu_log_add( $handle, $message, $level = 'info' ) {
	closte_stub_record( 'wu_log_add', array( $handle, $message, $level ) );
}

/**
 * A stand-in for WP_Ultimo\Models\Domain with the getters the bridge reads.
 */
final class Closte_Stub_Domain {
	private $fields;

	public function __construct( array $fields ) {
		$this->fields = $fields;
	}

	public function get_domain() {
		return $this->fields['domain'];
	}

	public function get_stage() {
		return $this->fields['stage'];
	}

	public function get_blog_id() {
		return $this->fields['blog_id'];
	}

	public function is_primary_domain() {
		return $this->fields['primary'] ?? false;
	}

	public function is_active() {
		return $this->fields['active'] ?? true;
	}
}

/**
 * A stand-in for WP_Ultimo\Models\Site.
 */
final class Closte_Stub_Site {
	private $domain;

	public function __construct( string $domain ) {
		$this->domain = $domain;
	}

	public function get_domain() {
		return $this->domain;
	}
}
