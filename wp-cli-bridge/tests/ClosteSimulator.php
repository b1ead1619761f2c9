<?php
/**
 * The project's Closte simulator (`closte-simulator`, built beside the binary) on a free loopback
 * port, for the tests that run the real binary against it.
 *
 * @package Closte\Bridge\Tests
 */

final class ClosteSimulator {

	/** @var resource */
	private $process;

	/** @var string */
	public $api_url;

	/**
	 * Starts it, or returns null when it is not built.
	 *
	 * @param string            $binary The closte binary (the simulator is beside it).
	 * @param string            $key    The API key it accepts.
	 * @param array<int,string> $seed   Aliases it starts with.
	 */
	public static function start( string $binary, string $key, array $seed = array() ): ?self {
		$simulator = (string) getenv( 'CLOSTE_SIMULATOR' );
		if ( '' === $simulator ) {
			$simulator = dirname( $binary ) . '/closte-simulator';
		}
		if ( ! is_executable( $simulator ) ) {
			return null;
		}
		$command = array( $simulator, '--port=0', '--key=' . $key, '--quiet' );
		$file    = null;
		if ( array() !== $seed ) {
			$file = (string) tempnam( sys_get_temp_dir(), 'closte-seed-' );
			file_put_contents( $file, implode( "\n", $seed ) . "\n" );
			$command[] = '--seed=' . $file;
		}
		$pipes   = array();
		$process = proc_open( $command, array( 1 => array( 'pipe', 'w' ), 2 => array( 'file', '/dev/null', 'w' ) ), $pipes );
		$read    = array( $pipes[1] );
		$write   = null;
		$except  = null;
		$port    = stream_select( $read, $write, $except, 10 ) > 0 ? trim( (string) fgets( $pipes[1] ) ) : '';
		if ( null !== $file ) {
			unlink( $file );
		}
		if ( ! ctype_digit( $port ) ) {
			proc_terminate( $process, 15 );
			proc_close( $process );
			throw new RuntimeException( 'The simulator did not print its port within 10 seconds.' );
		}
		$started          = new self();
		$started->process = $process;
		$started->api_url = 'http://127.0.0.1:' . $port;
		return $started;
	}

	/**
	 * The aliases it holds, sorted.
	 *
	 * @return array<int,string>
	 */
	public function aliases(): array {
		$list = array_values( array_filter( explode( "\n", (string) file_get_contents( $this->api_url . '/_simulator/domains' ) ), 'strlen' ) );
		sort( $list );
		return $list;
	}

	public function stop(): void {
		if ( is_resource( $this->process ) ) {
			proc_terminate( $this->process, 15 );
			proc_close( $this->process );
		}
	}
}
