<?php
/**
 * How long the bridge lets one `closte rpc` run before it counts as hung.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge;

/**
 * The binary bounds each network call by `--timeout` (default 45 s) and retries it up to
 * `--retries` times (default 3), so one call may take `timeout x (1 + retries)`. The bridge allows
 * that for every network operation the command is expected to make, plus what the command sleeps
 * on purpose (`domain wait` between tries), plus a margin for start-up and the retries' back-off.
 * Past that the child is killed and the user gets `bridge_timeout`.
 */
final class TimeBudget {

	const DEFAULT_TIMEOUT = 45.0;
	const DEFAULT_RETRIES = 3;
	const MARGIN          = 15.0;

	/**
	 * @param array<string,mixed> $assoc_args      The command's options (`timeout`, `retries`).
	 * @param int                 $operations      Network operations the command makes (at least 1).
	 * @param float               $planned_sleep   Seconds the command waits on purpose.
	 * @param float               $margin          Start-up and back-off allowance.
	 */
	public static function seconds( array $assoc_args, int $operations = 1, float $planned_sleep = 0.0, float $margin = self::MARGIN ): float {
		$timeout = self::number( $assoc_args['timeout'] ?? null, self::DEFAULT_TIMEOUT );
		$retries = self::number( $assoc_args['retries'] ?? null, self::DEFAULT_RETRIES );
		return $timeout * ( 1 + $retries ) * max( 1, $operations ) + $planned_sleep + $margin;
	}

	/**
	 * `domain wait`: two stages of at most `--max-tries` tries (default 5), `--interval` seconds
	 * apart (else the network's `dns_check_interval`, else 300; clamped to 10..300 as DESIGN.md says).
	 *
	 * @param array<string,mixed> $assoc_args The command's options.
	 * @param array<string,mixed> $settings   The request's settings.
	 * @param int                 $domains    How many domains are waited for.
	 * @param float               $margin     Start-up allowance.
	 */
	public static function for_wait( array $assoc_args, array $settings, int $domains = 1, float $margin = self::MARGIN ): float {
		$tries    = (int) self::number( $assoc_args['max-tries'] ?? null, 5 );
		$interval = self::number( $assoc_args['interval'] ?? null, self::number( $settings['dns_check_interval'] ?? null, 300 ) );
		$interval = max( 10.0, min( 300.0, $interval ) );
		$attempts = 2 * max( 1, $tries ) * max( 1, $domains );
		return self::seconds( $assoc_args, $attempts, $attempts * $interval, $margin );
	}

	/**
	 * @param mixed $value    An option's value.
	 * @param float $fallback When it is absent or not a number.
	 */
	private static function number( $value, float $fallback ): float {
		if ( is_int( $value ) || is_float( $value ) || ( is_string( $value ) && is_numeric( $value ) ) ) {
			return max( 0.0, (float) $value );
		}
		return $fallback;
	}
}
