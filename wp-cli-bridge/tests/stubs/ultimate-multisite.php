<?php
/**
 * What Ultimate Multisite 2.4.12 really does when a network admin or a customer creates, duplicates,
 * maps or unmaps, reduced to the hooks it fires and the order and site context it fires them in
 * (github.com/Ultimate-Multisite/ultimate-multisite). Needs stubs/wordpress.php; loads Action Scheduler's
 * stub, which Ultimate Multisite ships.
 *
 * Fact 1, a new site gets a domain record: `wp_insert_site` runs Domain_Manager::handle_site_created()
 * (inc/managers/class-domain-manager.php). When the site's domain is not the network's host
 * (`str_replace( $current_site->domain, '', $site->domain )` is not empty) it queues `wu_add_subdomain`
 * and create_domain_record_for_site() records the site's own domain (active, primary, checking-dns);
 * setting a record's domain fires `wu_transition_domain_domain`, whose send_domain_to_host() queues
 * `wu_add_domain` ($domain, $site_id) on the main site's queue. So `wu_add_domain` fires for
 * `blog.network.test`, a subdomain the network's wildcard covers. Then the Site model fires
 * `wu_site_created` ($data, $site) (inc/models/class-site.php).
 *
 * Fact 2, UM's own Closte integration never adds a `www.` twin: Closte_Domain_Mapping::on_add_domain()
 * sends exactly the domain it is given (inc/integrations/providers/closte/class-closte-domain-mapping.php),
 * whatever `auto_create_www_subdomain` says. Unmapping deletes the record; handle_domain_deleted()
 * queues `wu_remove_domain` ($domain, $site_id) for that one domain.
 *
 * Fact 3, duplication fires while switched to the template: Site_Duplicator::process_duplication()
 * (inc/helpers/class-site-duplicator.php) creates the site (so fact 1 happens, outside any switch), then
 * MUCD_Files::copy_files() (inc/duplication/files.php) calls switch_to_blog( template ),
 * switch_to_blog( new site ) and restore_current_blog() once, leaving WordPress on the template;
 * `wu_duplicate_site` ( array( 'site_id' => $new ) ) fires there.
 *
 * Every `wu_enqueue_async_action` switches to the main site to queue (wu_switch_blog_and_run()).
 *
 * @package Closte\Bridge\Tests
 */

require_once __DIR__ . '/action-scheduler.php';

function wu_enqueue_async_action( $hook, $args = array(), $group = '' ) {
	switch_to_blog( get_main_site_id() );
	$id = as_enqueue_async_action( $hook, $args, $group );
	restore_current_blog();
	return $id;
}

/**
 * The network's host, as `$current_site->domain`.
 */
function closte_stub_um_host(): string {
	return (string) constant( 'DOMAIN_CURRENT_SITE' );
}

/**
 * A site created for the first time (a network admin's "Add Site", a checkout without a template).
 */
function closte_stub_um_create_site( int $blog_id, string $domain ): void {
	closte_stub_um_insert_site( $blog_id, $domain );
	do_action( 'wu_site_created', array( 'domain' => $domain ), new Closte_Stub_Site( $domain ) );
}

/**
 * A site duplicated from a template, as Ultimate Multisite 2.4.12 does it.
 */
function closte_stub_um_duplicate_site( int $template_id, int $blog_id, string $domain ): void {
	closte_stub_um_insert_site( $blog_id, $domain );
	switch_to_blog( $template_id );
	switch_to_blog( $blog_id );
	restore_current_blog();
	do_action( 'wu_duplicate_site', array( 'site_id' => $blog_id ) );
}

/**
 * A domain mapped to a site (a new domain record).
 */
function closte_stub_um_map_domain( int $blog_id, string $domain ): void {
	$GLOBALS['closte_stub']['domains'][] = new Closte_Stub_Domain(
		array(
			'domain'  => $domain,
			'stage'   => 'checking-dns',
			'blog_id' => $blog_id,
		)
	);
	wu_enqueue_async_action(
		'wu_add_domain',
		array(
			'domain'  => $domain,
			'site_id' => $blog_id,
		),
		'domain'
	);
}

/**
 * A domain record deleted.
 */
function closte_stub_um_unmap_domain( string $domain ): void {
	foreach ( $GLOBALS['closte_stub']['domains'] as $index => $record ) {
		if ( $record->get_domain() === $domain ) {
			unset( $GLOBALS['closte_stub']['domains'][ $index ] );
			$GLOBALS['closte_stub']['domains'] = array_values( $GLOBALS['closte_stub']['domains'] );
			wu_enqueue_async_action(
				'wu_remove_domain',
				array(
					'domain'  => $domain,
					'site_id' => $record->get_blog_id(),
				),
				'domain'
			);
			return;
		}
	}
}

/**
 * `wp_insert_site` and Domain_Manager::handle_site_created().
 */
function closte_stub_um_insert_site( int $blog_id, string $domain ): void {
	$GLOBALS['closte_stub']['sites'][ $blog_id ] = (object) array(
		'blog_id' => $blog_id,
		'domain'  => $domain,
	);
	if ( '' === str_replace( closte_stub_um_host(), '', $domain ) ) {
		return;
	}
	wu_enqueue_async_action(
		'wu_add_subdomain',
		array(
			'subdomain' => $domain,
			'site_id'   => $blog_id,
		),
		'domain'
	);
	if ( array() === wu_get_domains( array( 'blog_id' => $blog_id, 'number' => 1 ) ) ) {
		closte_stub_um_map_domain( $blog_id, $domain );
	}
}
