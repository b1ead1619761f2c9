<?php
/**
 * A stub of Action Scheduler's as_enqueue_async_action that records the job.
 *
 * @package Closte\Bridge\Tests
 */

function as_enqueue_async_action( $hook, $args = array(), $group = '' ) {
	closte_stub_record( 'as_enqueue_async_action', array( $hook, $args, $group ) );
	return 1;
}
