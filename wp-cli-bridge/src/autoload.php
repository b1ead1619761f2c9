<?php
/**
 * The bridge's class loader: `Closte\Bridge\Foo\Bar` lives in `src/Foo/Bar.php`. No Composer needed,
 * so the WP-CLI package and the must-use plugin load the same classes the same way.
 *
 * @package Closte\Bridge
 */

spl_autoload_register(
	static function ( $class ) {
		$prefix = 'Closte\\Bridge\\';
		if ( strncmp( $class, $prefix, strlen( $prefix ) ) !== 0 ) {
			return;
		}
		$file = __DIR__ . '/' . str_replace( '\\', '/', substr( $class, strlen( $prefix ) ) ) . '.php';
		if ( is_file( $file ) ) {
			require_once $file;
		}
	}
);
