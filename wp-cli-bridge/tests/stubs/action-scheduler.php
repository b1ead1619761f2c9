<?php
/**
 * A stub of Action Scheduler (which Ultimate Multisite ships) as it really behaves on a multisite:
 * its tables have the current site's prefix (wp_actionscheduler_actions, wp_5_actionscheduler_...),
 * so a job joins the queue of the site WordPress is switched to; only the main site's queue is run
 * (by its WP-Cron or WP-CLI runner); and where a site has no such tables, saving the action fails
 * with a database error (ActionScheduler_DBStore::save_action() throws a RuntimeException).
 *
 * $GLOBALS['closte_stub']['queues'][ $blog_id ] holds each site's jobs; 'queue_tables' the sites
 * whose tables exist (the main site's, as Ultimate Multisite creates them on activation).
 *
 * @package Closte\Bridge\Tests
 */

$GLOBALS['closte_stub']['queues']       = array();
$GLOBALS['closte_stub']['queue_tables'] = array( 1 );

function as_enqueue_async_action( $hook, $args = array(), $group = '' ) {
	closte_stub_record( 'as_enqueue_async_action', array( $hook, $args, $group ) );
	$blog = get_current_blog_id();
	if ( ! in_array( $blog, $GLOBALS['closte_stub']['queue_tables'], true ) ) {
		throw new RuntimeException( sprintf( "Error saving action: Table 'network.wp_%d_actionscheduler_actions' doesn't exist", $blog ) );
	}
	$GLOBALS['closte_stub']['queues'][ $blog ][] = array( $hook, $args, $group );
	return count( $GLOBALS['closte_stub']['queues'][ $blog ] );
}

/**
 * Is the same job (hook, args, group) pending in the current site's queue?
 */
function as_has_scheduled_action( $hook, $args = null, $group = '' ) {
	foreach ( $GLOBALS['closte_stub']['queues'][ get_current_blog_id() ] ?? array() as $job ) {
		if ( $job[0] === $hook && ( null === $args || $job[1] === $args ) && ( '' === $group || $job[2] === $group ) ) {
			return true;
		}
	}
	return false;
}

/**
 * The main site's runner: runs its queue until it is empty (a job may queue more), each job as
 * Action Scheduler does, `do_action_ref_array( $hook, array_values( $args ) )`.
 */
function closte_stub_run_queue(): void {
	while ( array() !== ( $GLOBALS['closte_stub']['queues'][1] ?? array() ) ) {
		$job = array_shift( $GLOBALS['closte_stub']['queues'][1] );
		do_action( $job[0], ...array_values( $job[1] ) );
	}
}
