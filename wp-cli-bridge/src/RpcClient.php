<?php
/**
 * Runs `closte rpc` and exchanges JSON requests for JSON answers.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge;

/**
 * Starts the binary with `proc_open` and an array command (no shell; nothing but `closte rpc` on
 * its command line, so no secret can show in `ps` or `/proc/<pid>/cmdline`), writes one JSON request
 * per line on its standard input, and reads one JSON answer per request from its standard output.
 * Its standard error is handed the bridge's own, so progress appears live and a terminal stays a
 * terminal. The environment is inherited unchanged (`CLOSTE_API_URL`, `CLOSTE_CLIENT_API_KEY`).
 *
 * The bridge's own deadline: a child still running after `$budget` seconds is killed, and a
 * child that crashes, hangs or answers something that is not the protocol becomes a
 * `BridgeException`, never a PHP warning or a blank screen.
 */
final class RpcClient {

	/** @var string */
	private $binary;

	/** @var resource|array<int,string>|null */
	private $stderr;

	/** @var callable|null */
	private $on_start;

	/**
	 * @param string                          $binary   The closte executable.
	 * @param resource|array<int,string>|null $stderr   Where the child's standard error goes: a stream,
	 *                                                  a proc_open descriptor, or null for ours.
	 * @param callable|null                   $on_start Called with the child's pid once it runs (tests).
	 */
	public function __construct( string $binary, $stderr = null, ?callable $on_start = null ) {
		$this->binary   = $binary;
		$this->stderr   = $stderr;
		$this->on_start = $on_start;
	}

	/**
	 * Sends the requests in one `closte rpc` process and returns the answers, in order.
	 *
	 * @param array<int,array<string,mixed>> $requests Each with an `id`.
	 * @param float                          $budget   Seconds before the child is killed.
	 * @return array<int,array<string,mixed>>
	 * @throws BridgeException On a start failure, a crash, a timeout or a non-protocol answer.
	 */
	public function exchange( array $requests, float $budget ): array {
		$input = '';
		foreach ( $requests as $request ) {
			$input .= self::encode( $request ) . "\n";
		}
		$descriptors = array(
			0 => array( 'pipe', 'r' ),
			1 => array( 'pipe', 'w' ),
			2 => $this->stderr ?? ( defined( 'STDERR' ) ? STDERR : array( 'file', '/dev/null', 'w' ) ),
		);
		$pipes   = array();
		$process = @proc_open( array( $this->binary, 'rpc' ), $descriptors, $pipes );
		if ( ! is_resource( $process ) ) {
			throw new BridgeException(
				'binary_start_failed',
				sprintf( 'Could not start %s.', $this->binary ),
				BinaryLocator::INSTALL_HINT
			);
		}
		$status = proc_get_status( $process );
		if ( null !== $this->on_start ) {
			( $this->on_start )( (int) $status['pid'] );
		}
		// Before PHP 8.3 only the first proc_get_status that sees the end carries the exit status.
		$ended    = $status['running'] ? null : self::exit_of( $status );
		$deadline = microtime( true ) + $budget;
		try {
			$output = $this->pump( $pipes, $input, $deadline );
			$exit   = $ended ?? $this->wait( $process, $deadline );
		} catch ( BridgeException $timeout ) {
			self::kill( $process, $pipes );
			throw new BridgeException(
				'bridge_timeout',
				sprintf( 'closte did not answer within %s seconds and was stopped.', self::seconds( $budget ) ),
				'A network call may be stuck: raise --timeout (and --retries) if Closte or DNS is slow, '
					. 'or run `wp closte doctor` to see which step hangs.'
			);
		}
		proc_close( $process );
		return $this->answers( $requests, $output, $exit );
	}

	/**
	 * Writes the input and reads standard output until it closes, without ever blocking on one.
	 *
	 * @param array<int,resource> $pipes    The child's stdin and stdout.
	 * @param string              $input    Everything to write.
	 * @param float               $deadline microtime() after which the child counts as hung.
	 * @throws BridgeException When the deadline passes.
	 */
	private function pump( array $pipes, string $input, float $deadline ): string {
		stream_set_blocking( $pipes[0], false );
		stream_set_blocking( $pipes[1], false );
		$output  = '';
		$written = 0;
		$stdin   = $pipes[0];
		if ( '' === $input ) {
			fclose( $stdin );
			$stdin = null;
		}
		while ( true ) {
			$left = $deadline - microtime( true );
			if ( $left <= 0 ) {
				throw new BridgeException( 'bridge_timeout', 'timeout' );
			}
			$read   = array( $pipes[1] );
			$write  = null === $stdin ? array() : array( $stdin );
			$except = null;
			$ready  = @stream_select( $read, $write, $except, (int) $left, (int) ( ( $left - floor( $left ) ) * 1000000 ) );
			if ( false === $ready ) {
				continue; // Interrupted by a signal: look again.
			}
			if ( null !== $stdin && array() !== $write ) {
				$count = @fwrite( $stdin, substr( $input, $written, 65536 ) );
				$written += false === $count ? 0 : $count;
				if ( false === $count || $written >= strlen( $input ) ) {
					fclose( $stdin ); // All sent (or the child stopped reading): end of input.
					$stdin = null;
				}
			}
			if ( array() !== $read ) {
				$chunk = fread( $pipes[1], 65536 );
				if ( false === $chunk || '' === $chunk ) {
					if ( feof( $pipes[1] ) ) {
						break;
					}
				} else {
					$output .= $chunk;
				}
			}
		}
		if ( null !== $stdin ) {
			fclose( $stdin );
		}
		fclose( $pipes[1] );
		return $output;
	}

	/**
	 * Waits for the child to end; returns [exit code, signal or 0].
	 *
	 * @param resource $process  The child.
	 * @param float    $deadline microtime() after which the child counts as hung.
	 * @return array{0:int,1:int}
	 * @throws BridgeException When the deadline passes.
	 */
	private function wait( $process, float $deadline ): array {
		while ( true ) {
			$status = proc_get_status( $process );
			if ( ! $status['running'] ) {
				return self::exit_of( $status );
			}
			if ( microtime( true ) >= $deadline ) {
				throw new BridgeException( 'bridge_timeout', 'timeout' );
			}
			usleep( 5000 );
		}
	}

	/**
	 * One decoded answer per request, checked against the protocol.
	 *
	 * @param array<int,array<string,mixed>> $requests The requests sent.
	 * @param string                         $output   The child's standard output.
	 * @param array{0:int,1:int}             $exit     Exit code and signal.
	 * @return array<int,array<string,mixed>>
	 * @throws BridgeException On a crash or a non-protocol answer.
	 */
	private function answers( array $requests, string $output, array $exit ): array {
		$lines = array_values(
			array_filter(
				explode( "\n", $output ),
				static function ( $line ) {
					return '' !== trim( $line );
				}
			)
		);
		if ( count( $lines ) < count( $requests ) ) {
			if ( 0 !== $exit[1] ) {
				throw new BridgeException(
					'binary_crashed',
					sprintf( 'closte was killed by signal %d (%s) before it answered.', $exit[1], self::signal_name( $exit[1] ) ),
					'Run the same command with `closte` directly (see `closte help`) to reproduce it, and report the crash.'
				);
			}
			if ( 0 !== $exit[0] ) {
				throw new BridgeException(
					'binary_crashed',
					sprintf( 'closte exited with status %d before it answered.', $exit[0] ),
					'Run `closte version` to check the binary works on this machine.'
				);
			}
			throw new BridgeException(
				'bridge_protocol_error',
				'closte ended without answering.',
				'Run `closte version` to check that CLOSTE_BIN points at closte.'
			);
		}
		$answers = array();
		foreach ( array_values( $requests ) as $index => $request ) {
			$line   = $lines[ $index ];
			$answer = json_decode( $line, true );
			if ( ! is_array( $answer ) || ! isset( $answer['ok'] ) || ! is_bool( $answer['ok'] )
				|| ! array_key_exists( 'id', $answer ) || $answer['id'] !== $request['id'] ) {
				throw new BridgeException(
					'bridge_protocol_error',
					sprintf( 'closte answered something that is not its rpc protocol: %s', self::excerpt( $line ) ),
					'Check that CLOSTE_BIN (or the closte on the PATH) is the closte binary: run `closte version`.'
				);
			}
			$answers[] = $answer;
		}
		return $answers;
	}

	/**
	 * A request as one line of JSON; objects stay objects even when empty.
	 *
	 * @param array<string,mixed> $request The request.
	 * @throws BridgeException When a value is not valid UTF-8.
	 */
	private static function encode( array $request ): string {
		foreach ( array( 'assoc_args', 'settings' ) as $member ) {
			if ( isset( $request[ $member ] ) && is_array( $request[ $member ] ) ) {
				$request[ $member ] = (object) $request[ $member ];
			}
		}
		if ( isset( $request['args'] ) ) {
			$request['args'] = array_values( $request['args'] );
		}
		$json = json_encode( $request, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
		if ( false === $json ) {
			throw new BridgeException(
				'invalid_arguments',
				'The arguments could not be sent to closte: ' . json_last_error_msg() . '.',
				'Arguments must be valid UTF-8 text.',
				2
			);
		}
		return $json;
	}

	/**
	 * Stops a hung child for good and releases its pipes.
	 *
	 * @param resource            $process The child.
	 * @param array<int,resource> $pipes   Its pipes.
	 */
	private static function kill( $process, array $pipes ): void {
		proc_terminate( $process, 9 );
		foreach ( $pipes as $pipe ) {
			if ( is_resource( $pipe ) ) {
				fclose( $pipe );
			}
		}
		proc_close( $process );
	}

	/**
	 * [exit code, signal or 0] from a proc_get_status() that saw the child end.
	 *
	 * @param array<string,mixed> $status What proc_get_status() returned.
	 * @return array{0:int,1:int}
	 */
	private static function exit_of( array $status ): array {
		return array( (int) $status['exitcode'], $status['signaled'] ? (int) $status['termsig'] : 0 );
	}

	private static function excerpt( string $line ): string {
		$line = trim( $line );
		return strlen( $line ) > 200 ? substr( $line, 0, 200 ) . '...' : $line;
	}

	private static function seconds( float $seconds ): string {
		return rtrim( rtrim( number_format( $seconds, 1, '.', '' ), '0' ), '.' );
	}

	private static function signal_name( int $signal ): string {
		$names = array(
			1  => 'SIGHUP',
			2  => 'SIGINT',
			4  => 'SIGILL',
			5  => 'SIGTRAP',
			6  => 'SIGABRT',
			7  => 'SIGBUS',
			8  => 'SIGFPE',
			9  => 'SIGKILL',
			11 => 'SIGSEGV',
			13 => 'SIGPIPE',
			15 => 'SIGTERM',
		);
		return $names[ $signal ] ?? 'signal ' . $signal;
	}
}
