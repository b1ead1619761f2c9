<?php
/**
 * The package as WP-CLI loads it: every subcommand registered, each with the help WP-CLI shows,
 * runnable before WordPress loads; and every PHP file valid PHP 7.4.
 *
 * @package Closte\Bridge\Tests
 */

use Closte\Bridge\Command\ClosteCommand;
use Closte\Bridge\Command\ConfigCommand;
use Closte\Bridge\Command\DnsCommand;
use Closte\Bridge\Command\DomainCommand;
use Closte\Bridge\Command\SslCommand;

final class PackageTest extends BridgeTestCase {

	const SUBCOMMANDS = array(
		'closte check', 'closte config path', 'closte config list', 'closte config get', 'closte config has',
		'closte domain add', 'closte domain remove', 'closte domain list', 'closte domain sync',
		'closte domain status', 'closte domain wait', 'closte dns check', 'closte ssl check',
		'closte doctor', 'closte version',
	);

	public function test_the_entry_file_registers_every_command(): void {
		require dirname( __DIR__ ) . '/closte-command.php';
		$this->assertSame(
			array(
				'closte'        => ClosteCommand::class,
				'closte config' => ConfigCommand::class,
				'closte domain' => DomainCommand::class,
				'closte dns'    => DnsCommand::class,
				'closte ssl'    => SslCommand::class,
			),
			WP_CLI::$commands
		);
		$this->assertSame( self::SUBCOMMANDS, $this->subcommands() );
		$composer = json_decode( (string) file_get_contents( dirname( __DIR__ ) . '/composer.json' ), true );
		$this->assertSame( 'wp-cli-package', $composer['type'] );
		$this->assertSame( array( 'closte-command.php' ), $composer['autoload']['files'] );
		$this->assertEqualsCanonicalizing( self::SUBCOMMANDS, $composer['extra']['commands'] );
	}

	public function test_the_entry_file_does_nothing_outside_wp_cli(): void {
		$entry  = dirname( __DIR__ ) . '/closte-command.php';
		$script = 'require ' . var_export( $entry, true ) . '; echo class_exists("Closte\\Bridge\\CommandRegistry", false) ? "registered" : "inert";';
		$this->assertSame( 'inert', (string) shell_exec( escapeshellarg( PHP_BINARY ) . ' -r ' . escapeshellarg( $script ) ) );
	}

	public function test_every_subcommand_has_options_examples_and_runs_before_wordpress(): void {
		foreach ( array( ClosteCommand::class, ConfigCommand::class, DomainCommand::class, DnsCommand::class, SslCommand::class ) as $class ) {
			// WP-CLI registers a group's @when for every command under it, and a method's for itself.
			$this->assertStringContainsString( '@when before_wp_load', (string) ( new ReflectionClass( $class ) )->getDocComment(), $class );
		}
		foreach ( $this->methods() as $name => $method ) {
			$doc = (string) $method->getDocComment();
			$this->assertStringContainsString( '## OPTIONS', $doc, $name );
			$this->assertStringContainsString( '## EXAMPLES', $doc, $name );
			$this->assertStringContainsString( '@when before_wp_load', $doc, $name );
			$this->assertMatchesRegularExpression( '/\/\*\*\n\s+\* [A-Z][^\n]+\.\n/', $doc, "$name starts with a one-line summary" );
			preg_match_all( '/^\s+\* ([\[<-][^\s]*)$/m', substr( $doc, (int) strpos( $doc, '## OPTIONS' ), (int) strpos( $doc, '## EXAMPLES' ) - (int) strpos( $doc, '## OPTIONS' ) ), $tokens );
			foreach ( $tokens[1] as $token ) {
				if ( '---' !== $token ) {
					$this->assertTrue( self::wp_cli_understands( $token ), "$name: WP-CLI cannot parse the synopsis token $token" );
				}
			}
			preg_match_all( '/^\s+\* \[?--([a-z][a-z-]*)/m', $doc, $options );
			foreach ( $options[1] as $option ) {
				$this->assertMatchesRegularExpression( '/\[--' . $option . '[=\]][^\n]*\n\s+\* : [A-Z`*]/', $doc, "$name --$option has a description" );
			}
		}
	}

	public function test_every_option_of_the_binary_is_declared(): void {
		$binary = self::real_binary();
		if ( null === $binary ) {
			$this->markTestSkipped( 'The closte binary is not built.' );
		}
		$requests = array();
		foreach ( array_keys( $this->methods() ) as $index => $name ) {
			$requests[] = json_encode( array( 'id' => $index, 'command' => 'help', 'args' => explode( ' ', substr( $name, strlen( 'closte ' ) ) ) ) );
		}
		$answers = array();
		exec( 'printf %s ' . escapeshellarg( implode( "\n", $requests ) ) . ' | ' . escapeshellarg( $binary ) . ' rpc', $answers );
		$missing = array();
		$checked = 0;
		foreach ( array_values( $this->methods() ) as $index => $method ) {
			$answer = json_decode( $answers[ $index ] ?? 'null', true );
			if ( ! is_array( $answer ) || true !== $answer['ok'] ) {
				continue; // This binary does not have the command yet.
			}
			++$checked;
			foreach ( $answer['data']['options'] ?? array() as $option ) {
				$name = (string) $option['name'];
				if ( ! in_array( $name, array( 'path', 'config-file', 'quiet', 'debug', 'help' ), true )
					&& false === strpos( (string) $method->getDocComment(), '[--' . $name ) ) {
					$missing[] = $answer['data']['name'] . ' --' . $name;
				}
			}
			foreach ( $answer['data']['arguments'] ?? array() as $argument ) {
				if ( false === strpos( (string) $method->getDocComment(), '<' . $argument['name'] . '>' ) ) {
					$missing[] = $answer['data']['name'] . ' <' . $argument['name'] . '>';
				}
			}
		}
		$this->assertGreaterThan( 0, $checked );
		$this->assertSame( array(), $missing, 'Options and arguments the binary takes that the bridge does not declare (WP-CLI would refuse them).' );
	}

	public function test_every_php_file_is_valid_php_7_4(): void {
		$root  = dirname( __DIR__ );
		$files = array_merge(
			array( $root . '/closte-command.php', $root . '/mu-plugin/closte-autosync.php', $root . '/tests/fixtures/fake-closte' ),
			glob( $root . '/src/*.php' ),
			glob( $root . '/src/Command/*.php' ),
			glob( $root . '/tests/*.php' ),
			glob( $root . '/tests/*/*.php' )
		);
		// Tokens that PHP 7.4 does not know: match, ?->, #[...], enum, readonly, named arguments' ':' after a name in a call.
		$newer = array_filter( array( 'T_MATCH', 'T_NULLSAFE_OBJECT_OPERATOR', 'T_ATTRIBUTE', 'T_ENUM', 'T_READONLY' ), 'defined' );
		$problems = array();
		foreach ( $files as $file ) {
			$output = array();
			exec( 'php -l ' . escapeshellarg( $file ) . ' 2>&1', $output, $status );
			if ( 0 !== $status ) {
				$problems[] = $file . ': ' . implode( "\n", $output );
			}
			foreach ( token_get_all( (string) file_get_contents( $file ) ) as $token ) {
				foreach ( $newer as $name ) {
					if ( is_array( $token ) && constant( $name ) === $token[0] ) {
						$problems[] = "$file line {$token[2]} uses $name, newer than PHP 7.4";
					}
				}
			}
		}
		$this->assertGreaterThan( 20, count( $files ) );
		$this->assertSame( array(), $problems );
	}

	/**
	 * @return array<int,string>
	 */
	private function subcommands(): array {
		return array_keys( $this->methods() );
	}

	/**
	 * Every public command method, by its `wp` name, in registration order.
	 *
	 * @return array<string,ReflectionMethod>
	 */
	private function methods(): array {
		$order   = array();
		$classes = array(
			'closte'        => ClosteCommand::class,
			'closte config' => ConfigCommand::class,
			'closte domain' => DomainCommand::class,
			'closte dns'    => DnsCommand::class,
			'closte ssl'    => SslCommand::class,
		);
		foreach ( $classes as $prefix => $class ) {
			foreach ( ( new ReflectionClass( $class ) )->getMethods( ReflectionMethod::IS_PUBLIC ) as $method ) {
				preg_match( '/@subcommand (\S+)/', (string) $method->getDocComment(), $named );
				$order[ $prefix . ' ' . ( $named[1] ?? $method->getName() ) ] = $method;
			}
		}
		$sorted = array();
		foreach ( self::SUBCOMMANDS as $name ) {
			if ( isset( $order[ $name ] ) ) {
				$sorted[ $name ] = $order[ $name ];
				unset( $order[ $name ] );
			}
		}
		return $sorted + $order;
	}

	/**
	 * WP-CLI's SynopsisParser::classify_token (php/WP_CLI/SynopsisParser.php): a token it cannot
	 * classify becomes type `unknown`, and WP-CLI then refuses the option.
	 */
	private static function wp_cli_understands( string $token ): bool {
		if ( '[' === $token[0] && ']' === substr( $token, -1 ) ) {
			$token = substr( $token, 1, -1 );
		}
		if ( '...' === substr( $token, -3 ) ) {
			$token = substr( $token, 0, -3 );
		}
		$name  = '([a-z-_0-9]+)';
		$value = '([a-zA-Z-_|,0-9]+)';
		if ( preg_match( "/^<($value)>$/", $token ) ) {
			return true;
		}
		if ( ! preg_match( "/^--(?:\\[no-\\])?$name/", $token, $matches ) ) {
			return false;
		}
		$rest = substr( $token, strlen( $matches[0] ) );
		if ( '' === $rest ) {
			return true;
		}
		if ( '[' === $rest[0] && ']' === substr( $rest, -1 ) ) {
			$rest = substr( $rest, 1, -1 );
		}
		return 1 === preg_match( "/^=<$value>$/", $rest );
	}
}
