<?php
/**
 * Finds the `closte` binary.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge;

/**
 * Looks, first to last, at: the `CLOSTE_BIN` environment variable (or a `CLOSTE_BIN` constant, for
 * the must-use plugin, whose web server rarely passes environment variables), `bin/closte` inside
 * this package, then every folder of `PATH`.
 */
final class BinaryLocator {

	const INSTALL_HINT = 'Install closte (scripts/install.sh from the closte repository puts it in ~/.local/bin or /usr/local/bin), '
		. 'copy it to wp-cli-bridge/bin/closte, or set CLOSTE_BIN=/path/to/closte.';

	/** @var array<string,string|false> */
	private $environment;

	/** @var string */
	private $package_dir;

	/**
	 * @param array<string,string|false>|null $environment `CLOSTE_BIN` and `PATH`; null reads the process's.
	 * @param string|null                     $package_dir The bridge's folder; null for this package.
	 */
	public function __construct( ?array $environment = null, ?string $package_dir = null ) {
		$this->environment = $environment ?? array(
			'CLOSTE_BIN' => getenv( 'CLOSTE_BIN' ),
			'PATH'       => getenv( 'PATH' ),
		);
		$this->package_dir = $package_dir ?? dirname( __DIR__ );
	}

	/**
	 * The binary's path.
	 *
	 * @throws BridgeException `binary_not_found` with how to install it.
	 */
	public function locate(): string {
		$explicit = $this->environment['CLOSTE_BIN'] ?? false;
		if ( ( false === $explicit || '' === $explicit ) && defined( 'CLOSTE_BIN' ) ) {
			$explicit = (string) constant( 'CLOSTE_BIN' );
		}
		if ( false !== $explicit && '' !== $explicit ) {
			if ( is_file( $explicit ) && is_executable( $explicit ) ) {
				return $explicit;
			}
			throw new BridgeException(
				'binary_not_found',
				sprintf( 'CLOSTE_BIN is set to %s, which is not an executable file.', $explicit ),
				'Point CLOSTE_BIN at the closte binary, or unset it to use bin/closte or the PATH.'
			);
		}
		$bundled = $this->package_dir . '/bin/closte';
		if ( is_file( $bundled ) && is_executable( $bundled ) ) {
			return $bundled;
		}
		$path = $this->environment['PATH'] ?? false;
		foreach ( explode( PATH_SEPARATOR, false === $path ? '' : (string) $path ) as $folder ) {
			if ( '' === $folder ) {
				continue;
			}
			$candidate = rtrim( $folder, '/' ) . '/closte';
			if ( is_file( $candidate ) && is_executable( $candidate ) ) {
				return $candidate;
			}
		}
		throw new BridgeException(
			'binary_not_found',
			'The closte binary was not found (looked at CLOSTE_BIN, ' . $bundled . ' and the PATH).',
			self::INSTALL_HINT
		);
	}
}
