<?php
/**
 * PHPUnit bootstrap: the WP-CLI double, the bridge's classes, and the test helpers.
 *
 * @package Closte\Bridge\Tests
 */

require_once __DIR__ . '/doubles/WP_CLI.php';
require_once __DIR__ . '/doubles/format_items.php';
require_once dirname( __DIR__ ) . '/src/autoload.php';
require_once __DIR__ . '/BridgeTestCase.php';
require_once __DIR__ . '/ClosteSimulator.php';
