<?php
/**
 * `wp closte version`: the binary's version and the bridge's, and a warning when their rpc
 * protocols disagree.
 *
 * @package Closte\Bridge\Tests
 */

use Closte\Bridge\BridgeVersion;
use Closte\Bridge\Command\ClosteCommand;

final class VersionTest extends BridgeTestCase {

	/**
	 * @param array<string,mixed> $assoc_args Options.
	 */
	private function version( array $assoc_args = array() ): int {
		return $this->run_command(
			function () use ( $assoc_args ) {
				( new ClosteCommand() )->version( array(), $assoc_args );
			}
		);
	}

	public function test_text_shows_the_binarys_lines_then_the_bridges(): void {
		$this->use_real_binary();
		$this->assertSame( 0, $this->version() );
		$text = $this->calls( 'line' )[0][1];
		$this->assertMatchesRegularExpression( '/^closte \S+\ncommit: /', $text );
		$this->assertStringContainsString( "\nprotocol:    " . BridgeVersion::PROTOCOL . "\n", $text );
		$this->assertStringEndsWith( sprintf( "\nbridge:      %s (protocol %d)", BridgeVersion::VERSION, BridgeVersion::PROTOCOL ), $text );
		$this->assertSame( array(), $this->calls( 'warning' ), 'The binary of this tree speaks the bridge\'s protocol.' );
	}

	public function test_json_is_the_binarys_object_with_the_bridge_in_it(): void {
		$this->use_real_binary();
		$this->assertSame( 0, $this->version( array( 'format' => 'json' ) ) );
		$version = json_decode( $this->calls( 'line' )[0][1], true );
		foreach ( array( 'version', 'commit', 'build_date', 'swift', 'openssl', 'platform', 'protocol' ) as $field ) {
			$this->assertArrayHasKey( $field, $version );
		}
		$this->assertSame(
			array(
				'version'  => BridgeVersion::VERSION,
				'protocol' => BridgeVersion::PROTOCOL,
			),
			$version['bridge']
		);
	}

	public function test_a_binary_of_another_protocol_is_warned_about(): void {
		$this->fake_answer(
			array(
				'ok'          => true,
				'data'        => array(
					'version'  => '9.0.0',
					'protocol' => BridgeVersion::PROTOCOL + 1,
				),
				'warnings'    => array(),
				'exit_status' => 0,
			)
		);
		$this->assertSame( 0, $this->version( array( 'format' => 'json' ) ) );
		$warnings = $this->calls( 'warning' );
		$this->assertCount( 1, $warnings );
		$this->assertStringContainsString( 'rpc protocol ' . ( BridgeVersion::PROTOCOL + 1 ), $warnings[0][1] );
		$this->assertStringContainsString( 'this WP-CLI bridge protocol ' . BridgeVersion::PROTOCOL, $warnings[0][1] );
		$this->assertSame( '9.0.0', json_decode( $this->calls( 'line' )[0][1], true )['version'] );
	}

	public function test_a_binary_without_a_protocol_is_warned_about(): void {
		$this->assertStringContainsString( 'no rpc protocol version', (string) BridgeVersion::mismatch( null ) );
		$this->assertStringContainsString( 'no rpc protocol version', (string) BridgeVersion::mismatch( '1' ) );
		$this->assertNull( BridgeVersion::mismatch( BridgeVersion::PROTOCOL ) );
	}

	public function test_a_failing_binary_is_shown_as_its_error(): void {
		$this->fake_answer(
			array(
				'ok'          => false,
				'error'       => array(
					'code'    => 'internal_error',
					'message' => 'Broken.',
				),
				'exit_status' => 1,
			)
		);
		$this->assertSame( 1, $this->version() );
		$this->assertStringContainsString( 'Broken. (internal_error)', $this->calls( 'error' )[0][1] );
	}

	/** The bridge and the binary are released together: one version, one protocol. */
	public function test_the_bridge_and_the_binary_of_this_tree_agree(): void {
		$swift = (string) file_get_contents( dirname( __DIR__, 2 ) . '/Sources/Diagnostics/Version.swift' );
		$this->assertMatchesRegularExpression( '/static let current = "' . preg_quote( BridgeVersion::VERSION, '/' ) . '"/', $swift );
		$this->assertMatchesRegularExpression( '/static let protocolVersion = ' . BridgeVersion::PROTOCOL . '\b/', $swift );
	}
}
