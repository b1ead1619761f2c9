<?php
/**
 * `wp closte version`: the binary's version and the bridge's, side by side, with a warning when
 * they speak different versions of the rpc protocol.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge;

use WP_CLI;

/**
 * The bridge's own version and protocol. Both are released with the binary: VERSION is the
 * binary's `ClosteVersion.current` and PROTOCOL its `ClosteVersion.protocolVersion`
 * (Sources/Diagnostics/Version.swift); the bridge's tests check that they agree.
 */
final class BridgeVersion {

	const VERSION = '0.1.0';

	const PROTOCOL = 1;

	/**
	 * Asks the binary for its version and prints both, as text (the binary's lines, then the
	 * bridge's) or, with `--format=json`, as the binary's object with a `bridge` member.
	 *
	 * @param array<string,mixed> $assoc_args The command's options (`format`).
	 */
	public static function show( array $assoc_args ): void {
		$json    = isset( $assoc_args['format'] ) && 'json' === $assoc_args['format'];
		$options = $assoc_args;
		unset( $options['format'] ); // The bridge prints the answer itself; every other option goes to the binary.
		$answers = Cli::call( array( array( 'version', array(), $options, array() ) ), TimeBudget::seconds( $assoc_args, 1, 0.0, Cli::bridge()->margin() ) );
		if ( null === $answers ) {
			return;
		}
		$answer = $answers[0];
		if ( true !== ( $answer['ok'] ?? null ) || ! is_array( $answer['data'] ?? null ) ) {
			Presenter::show( $answer, $assoc_args );
			return;
		}
		$binary  = $answer['data'];
		$warning = self::mismatch( $binary['protocol'] ?? null );
		if ( null !== $warning ) {
			WP_CLI::warning( $warning );
		}
		$bridge = array(
			'version'  => self::VERSION,
			'protocol' => self::PROTOCOL,
		);
		if ( $json ) {
			WP_CLI::line( (string) json_encode( $binary + array( 'bridge' => $bridge ), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) );
			return;
		}
		WP_CLI::line( self::text( $binary ) . "\n" . sprintf( 'bridge:      %s (protocol %d)', self::VERSION, self::PROTOCOL ) );
	}

	/**
	 * The binary's fields as `closte version` prints them: `closte <version>`, then `name: value`.
	 *
	 * @param array<string,mixed> $binary The binary's answer.
	 */
	private static function text( array $binary ): string {
		$lines = array( 'closte ' . (string) ( $binary['version'] ?? '?' ) );
		foreach ( $binary as $name => $value ) {
			if ( 'version' !== $name ) {
				$value   = is_scalar( $value ) ? (string) $value : (string) json_encode( $value );
				$lines[] = str_pad( str_replace( '_', ' ', (string) $name ) . ':', 13 ) . $value;
			}
		}
		return implode( "\n", $lines );
	}

	/**
	 * The warning for a binary whose protocol is not the bridge's, or null when they agree.
	 *
	 * @param mixed $protocol The binary's `protocol`.
	 */
	public static function mismatch( $protocol ): ?string {
		if ( is_int( $protocol ) && self::PROTOCOL === $protocol ) {
			return null;
		}
		$theirs = is_int( $protocol ) ? 'rpc protocol ' . $protocol : 'no rpc protocol version';
		return sprintf(
			'The closte binary speaks %s, and this WP-CLI bridge protocol %d: commands may fail or be misread. '
			. 'Install both from the same release (its install.sh installs the binary and the bridge together).',
			$theirs,
			self::PROTOCOL
		);
	}
}
