<?php
/**
 * A failure of the bridge itself, or an error answer of the binary, as one value.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge;

/**
 * Carries closte's stable error `code`, the message, an optional hint and the exit status
 * (1 an operation failed, 2 the command line or the input was unusable), as DESIGN.md defines them.
 */
final class BridgeException extends \RuntimeException {

	/** @var string */
	private $error_code;

	/** @var string|null */
	private $hint;

	/** @var int */
	private $exit_status;

	public function __construct( string $error_code, string $message, ?string $hint = null, int $exit_status = 1 ) {
		parent::__construct( $message );
		$this->error_code  = $error_code;
		$this->hint        = $hint;
		$this->exit_status = $exit_status;
	}

	public function error_code(): string {
		return $this->error_code;
	}

	public function hint(): ?string {
		return $this->hint;
	}

	public function exit_status(): int {
		return $this->exit_status;
	}
}
