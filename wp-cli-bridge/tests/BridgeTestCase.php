<?php
/**
 * What every bridge test needs: a fresh WP-CLI double, a binary of the test's choosing, the
 * child's standard error in a file, and readers for what was printed and what the binary received.
 *
 * @package Closte\Bridge\Tests
 */

use Closte\Bridge\BinaryLocator;
use Closte\Bridge\Bridge;
use Closte\Bridge\Cli;
use PHPUnit\Framework\TestCase;

abstract class BridgeTestCase extends TestCase {

	/** @var resource The child's standard error. */
	protected $stderr;

	/** @var string The fake binary's record of every request. */
	protected $record;

	/** @var array<string,string|false> Environment variables the test set, with their values before. */
	private $env = array();

	protected function setUp(): void {
		WP_CLI::reset();
		$this->stderr = tmpfile();
		$this->record = (string) tempnam( sys_get_temp_dir(), 'closte-record-' );
		$this->set_env( 'CLOSTE_FAKE_RECORD', $this->record );
	}

	protected function tearDown(): void {
		foreach ( array_reverse( $this->env, true ) as $name => $before ) {
			putenv( false === $before ? $name : $name . '=' . $before );
		}
		$this->env = array();
		Cli::use_bridge( null );
		if ( is_file( $this->record ) ) {
			unlink( $this->record );
		}
		fclose( $this->stderr );
	}

	/**
	 * Sets an environment variable the child inherits, until the test ends (then it is as it was:
	 * CLOSTE_BIN, set by scripts/test.sh, must survive a test that points it elsewhere).
	 */
	protected function set_env( string $name, string $value ): void {
		if ( ! array_key_exists( $name, $this->env ) ) {
			$this->env[ $name ] = getenv( $name );
		}
		putenv( $name . '=' . $value );
	}

	/**
	 * Unsets an environment variable until the test ends.
	 */
	protected function unset_env( string $name ): void {
		if ( ! array_key_exists( $name, $this->env ) ) {
			$this->env[ $name ] = getenv( $name );
		}
		putenv( $name );
	}

	protected static function fixture( string $name ): string {
		return __DIR__ . '/fixtures/' . $name;
	}

	/**
	 * Makes the commands use this binary, with a short margin so hang tests end quickly.
	 */
	protected function use_binary( string $binary, float $margin = 1.0, ?callable $on_start = null ): void {
		Cli::use_bridge(
			new Bridge(
				new BinaryLocator( array( 'CLOSTE_BIN' => $binary, 'PATH' => '' ), sys_get_temp_dir() ),
				$this->stderr,
				$on_start,
				$margin
			)
		);
	}

	/**
	 * The fake binary answers with this (its `id` is filled in).
	 *
	 * @param array<string,mixed> $answer The answer.
	 */
	protected function fake_answer( array $answer ): void {
		$this->use_binary( self::fixture( 'fake-closte' ) );
		$this->set_env( 'CLOSTE_FAKE_ANSWER', (string) json_encode( $answer ) );
	}

	/**
	 * Runs a command; returns the exit status WP-CLI would end with.
	 */
	protected function run_command( callable $command ): int {
		try {
			$command();
			return 0;
		} catch ( WP_CLI_Halt $halt ) {
			return $halt->status;
		}
	}

	/**
	 * The recorded WP-CLI calls of one kind (or all).
	 *
	 * @return array<int,array<int,mixed>>
	 */
	protected function calls( ?string $kind = null ): array {
		return array_values(
			array_filter(
				WP_CLI::$calls,
				static function ( $call ) use ( $kind ) {
					return null === $kind || $call[0] === $kind;
				}
			)
		);
	}

	/**
	 * What the fake binary received, one entry per request.
	 *
	 * @return array<int,array<string,mixed>>
	 */
	protected function received(): array {
		$entries = array();
		foreach ( file( $this->record, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) as $line ) {
			$entries[] = json_decode( $line, true );
		}
		return $entries;
	}

	protected function child_stderr(): string {
		rewind( $this->stderr );
		return (string) stream_get_contents( $this->stderr );
	}

	/**
	 * The real closte: CLOSTE_BIN (scripts/test.sh sets it), else the Swift debug build.
	 */
	protected static function real_binary(): ?string {
		$candidates = array( (string) getenv( 'CLOSTE_BIN' ), dirname( __DIR__, 2 ) . '/.build/debug/closte' );
		foreach ( $candidates as $candidate ) {
			if ( '' !== $candidate && is_file( $candidate ) && is_executable( $candidate ) ) {
				return $candidate;
			}
		}
		return null;
	}

	protected function use_real_binary( ?callable $on_start = null ): string {
		$binary = self::real_binary();
		if ( null === $binary ) {
			$this->markTestSkipped( 'The closte binary is not built: run `swift build` (scripts/test.sh does).' );
		}
		$this->use_binary( (string) $binary, 5.0, $on_start );
		return (string) $binary;
	}
}
