<?php
/**
 * Builds `closte rpc` requests and sends them to the binary. Knows nothing of WP-CLI, so the
 * must-use plugin uses it too.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge;

/**
 * One request is exactly what WP-CLI handed the command (`args`, `assoc_args`, untouched), the
 * command's name, where WordPress is (`path`, `config`) and the network's `settings`.
 */
final class Bridge {

	/** @var BinaryLocator */
	private $locator;

	/** @var resource|array<int,string>|null */
	private $stderr;

	/** @var callable|null */
	private $on_start;

	/** @var float */
	private $margin;

	/** @var int */
	private $next_id = 1;

	/**
	 * @param BinaryLocator|null              $locator  Finds the binary; null for the default places.
	 * @param resource|array<int,string>|null $stderr   The child's standard error; null for ours.
	 * @param callable|null                   $on_start Called with the child's pid (tests).
	 * @param float                           $margin   Seconds added to every time budget.
	 */
	public function __construct( ?BinaryLocator $locator = null, $stderr = null, ?callable $on_start = null, float $margin = TimeBudget::MARGIN ) {
		$this->locator  = $locator ?? new BinaryLocator();
		$this->stderr   = $stderr;
		$this->on_start = $on_start;
		$this->margin   = $margin;
	}

	public function margin(): float {
		return $this->margin;
	}

	/**
	 * One request.
	 *
	 * @param string                    $command    The binary's command, e.g. `domain add`.
	 * @param array<int,string>         $args       Positional arguments, as WP-CLI gave them.
	 * @param array<string,mixed>       $assoc_args Options, as WP-CLI gave them.
	 * @param array<string,mixed>       $settings   The network's settings (may be empty).
	 * @param array<string,string|null> $location   `path` and `config`, when known.
	 * @return array<string,mixed>
	 */
	public function request( string $command, array $args, array $assoc_args, array $settings = array(), array $location = array() ): array {
		$request = array(
			'id'         => $this->next_id++,
			'command'    => $command,
			'args'       => array_values( $args ),
			'assoc_args' => $assoc_args,
		);
		foreach ( array( 'path', 'config' ) as $key ) {
			if ( isset( $location[ $key ] ) && '' !== $location[ $key ] ) {
				$request[ $key ] = $location[ $key ];
			}
		}
		if ( array() !== $settings ) {
			$request['settings'] = $settings;
		}
		return $request;
	}

	/**
	 * Sends requests to one `closte rpc` and returns the answers in order.
	 *
	 * @param array<int,array<string,mixed>> $requests Built by request().
	 * @param float                          $budget   Seconds before the child counts as hung.
	 * @return array<int,array<string,mixed>>
	 * @throws BridgeException When the binary is missing, crashes, hangs or breaks the protocol.
	 */
	public function send( array $requests, float $budget ): array {
		$client = new RpcClient( $this->locator->locate(), $this->stderr, $this->on_start );
		return $client->exchange( $requests, $budget );
	}
}
