<?php
// closte-test: all-resolved
// PHP's symbol-table order: first mention in this file (even after the include), then the include's.
$first = 1;
if ( isset( $mentioned_early ) ) {
	$unused = true;
}
include __DIR__ . '/includes/order-include.php';
$later = 3;
$mentioned_early = 'set after its first mention';
$shared = 'main';
