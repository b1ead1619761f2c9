<?php
/**
 * The bridge README's autosync example, run for real: the must-use plugin, the bridge and the closte
 * binary against the Closte simulator, on a network that behaves as Ultimate Multisite 2.4.12 does
 * (its hooks, their order and site context, reproduced by tests/stubs/ultimate-multisite.php), then
 * `wp closte domain sync --network --prune --dry-run` through the console stand-in for WP-CLI.
 * autosync-demo.sh runs it in a WordPress root (a wp-config.php) with CLOSTE_API_URL set.
 *
 * @package Closte\Bridge\Tests
 */

require __DIR__ . '/stand-in.php';
require dirname( __DIR__, 2 ) . '/closte-command.php';
require dirname( __DIR__ ) . '/stubs/wordpress.php';
require dirname( __DIR__ ) . '/stubs/ultimate-multisite.php';

define( 'ABSPATH', getcwd() . '/' );
define( 'DOMAIN_CURRENT_SITE', 'network.example' );
define( 'CLOSTE_AUTOSYNC', true );
$GLOBALS['closte_stub']['subdomain']                             = true;
$GLOBALS['closte_stub']['settings']['auto_create_www_subdomain'] = 'always'; // Ultimate Multisite's default.
require dirname( __DIR__, 2 ) . '/mu-plugin/closte-autosync.php';

closte_stub_um_create_site( 2, 'blog.network.example' );
closte_stub_um_map_domain( 2, 'shop.example.org' );
closte_stub_um_duplicate_site( 5, 3, 'copy.network.example' );
closte_stub_um_map_domain( 3, 'example.com' );
closte_stub_run_queue();
restore_current_blog();

echo "# autosync's lines in wu-logs/integration-closte.log, after Ultimate Multisite created blog.network.example,\n";
echo "# mapped shop.example.org to it, duplicated a template as copy.network.example, mapped example.com to that,\n";
echo "# and its queue ran:\n";
foreach ( $GLOBALS['closte_stub_calls'] as $call ) {
	if ( 'wu_log_add' === $call[0] ) {
		echo '[', strtoupper( $call[3] ), '] ', $call[2], "\n";
	}
}
echo "\n\$ wp closte domain sync --network --prune --dry-run\n";
( new Closte\Bridge\Command\DomainCommand() )->sync( array(), array( 'network' => true, 'prune' => true, 'dry-run' => true ) );
