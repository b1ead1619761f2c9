<?php
/**
 * Turns an rpc answer into WP-CLI's own output.
 *
 * @package Closte\Bridge
 */

namespace Closte\Bridge;

use WP_CLI;

/**
 * Lists go through `WP_CLI\Utils\format_items` with `--format` and `--fields`; one record is a
 * Field/Value table (or the object in another format); messages are `WP_CLI::success`; each
 * warning is `WP_CLI::warning`; an error is `WP_CLI::error` with its message, code and hint,
 * exiting with the binary's status (1, or 2 for a usage error). The answer's `render` member says
 * which of these the binary's own front end would print; an answer without it is read by shape.
 */
final class Presenter {

	/**
	 * @param array<string,mixed> $answer     One rpc answer.
	 * @param array<string,mixed> $assoc_args The command's options (`format`, `fields`).
	 */
	public static function show( array $answer, array $assoc_args ): void {
		foreach ( (array) ( $answer['warnings'] ?? array() ) as $warning ) {
			WP_CLI::warning( (string) $warning );
		}
		$format = isset( $assoc_args['format'] ) && is_string( $assoc_args['format'] ) ? $assoc_args['format'] : null;
		$fields = isset( $assoc_args['fields'] ) && is_string( $assoc_args['fields'] ) ? self::split( $assoc_args['fields'] ) : null;
		if ( array_key_exists( 'data', $answer ) ) {
			$render = isset( $answer['render'] ) && is_array( $answer['render'] ) ? $answer['render'] : self::guess( $answer['data'] );
			self::render( $answer['data'], $render, $format, $fields );
		}
		if ( isset( $answer['bridge_summary'] ) && ( null === $format || 'table' === $format ) ) {
			WP_CLI::success( (string) $answer['bridge_summary'] ); // A sentence under the table, never inside json or csv.
		}
		$status = isset( $answer['exit_status'] ) ? (int) $answer['exit_status'] : ( true === $answer['ok'] ? 0 : 1 );
		if ( isset( $answer['error'] ) && is_array( $answer['error'] ) ) {
			self::error(
				(string) ( $answer['error']['code'] ?? 'error' ),
				(string) ( $answer['error']['message'] ?? 'closte failed.' ),
				isset( $answer['error']['hint'] ) ? (string) $answer['error']['hint'] : null,
				0 === $status ? 1 : $status,
				// A result that failed (a half-applied batch) has printed its data already; only a bare error is printed as JSON.
				'json' === $format && ! array_key_exists( 'data', $answer ) ? $answer['error'] : null
			);
			return;
		}
		if ( 0 !== $status ) {
			WP_CLI::halt( $status );
		}
	}

	/**
	 * `Error: <message> (<code>)` and the hint, then the exit status. With `--format=json` the
	 * error object is printed on standard output too, as the binary's own front end does.
	 *
	 * @param string                   $code   Stable error code.
	 * @param string                   $message For people.
	 * @param string|null              $hint   What to do next.
	 * @param int                      $status 1, or 2 for a usage error.
	 * @param array<string,mixed>|null $json   The error object to print on standard output.
	 */
	public static function error( string $code, string $message, ?string $hint, int $status, ?array $json = null ): void {
		if ( null !== $json ) {
			WP_CLI::line( self::json( array( 'ok' => false, 'error' => $json ) ) );
		}
		$text = sprintf( '%s (%s)', $message, $code );
		if ( null !== $hint && '' !== $hint ) {
			$text .= "\nHint: " . $hint;
		}
		if ( 1 === $status ) {
			WP_CLI::error( $text );
			return;
		}
		WP_CLI::error( $text, false );
		WP_CLI::halt( $status );
	}

	/**
	 * @param mixed                     $data   The answer's data.
	 * @param array<string,mixed>       $render How to print it.
	 * @param string|null               $format `--format`.
	 * @param array<int,string>|null    $fields `--fields`.
	 */
	private static function render( $data, array $render, ?string $format, ?array $fields ): void {
		$kind     = (string) ( $render['kind'] ?? 'success' );
		$defaults = isset( $render['fields'] ) && is_array( $render['fields'] ) ? array_map( 'strval', $render['fields'] ) : null;
		switch ( $kind ) {
			case 'items':
				$rows = self::rows( isset( $render['rows'] ) && is_array( $render['rows'] ) ? $render['rows'] : $data );
				if ( null === $rows ) {
					WP_CLI::line( self::json( $data ) );
					return;
				}
				$columns = $fields ?? $defaults ?? ( array() === $rows ? array() : array_keys( $rows[0] ) );
				self::items( $format ?? 'table', $rows, $columns );
				return;
			case 'item':
				$object  = is_array( $data ) ? $data : array( 'value' => $data );
				$columns = $fields ?? $defaults ?? array_keys( $object );
				self::item( $object, $columns, $format ?? 'table' );
				return;
			case 'text':
				$text = (string) ( $render['text'] ?? '' );
				if ( '' !== $text ) {
					WP_CLI::line( "\n" === substr( $text, -1 ) ? substr( $text, 0, -1 ) : $text );
				}
				return;
			case 'none':
				if ( 'json' === $format && null !== $data ) {
					WP_CLI::line( self::json( $data ) );
				}
				return;
			default:
				if ( 'json' === $format ) {
					WP_CLI::line( self::json( $data ) );
					return;
				}
				WP_CLI::success( (string) ( $render['message'] ?? 'Done.' ) );
		}
	}

	/**
	 * One record: a Field/Value table, the object as JSON, or one row in any other format.
	 *
	 * @param array<string,mixed> $object  The record.
	 * @param array<int,string>   $columns The fields to show.
	 * @param string              $format  `--format`.
	 */
	private static function item( array $object, array $columns, string $format ): void {
		$shown = array();
		foreach ( $columns as $column ) {
			$shown[ $column ] = $object[ $column ] ?? null;
		}
		if ( 'json' === $format ) {
			WP_CLI::line( self::json( (object) $shown ) );
			return;
		}
		if ( 'table' === $format ) {
			$rows = array();
			foreach ( $shown as $field => $value ) {
				$rows[] = array(
					'Field' => $field,
					'Value' => is_scalar( $value ) || null === $value ? $value : self::json( $value ),
				);
			}
			\WP_CLI\Utils\format_items( 'table', $rows, array( 'Field', 'Value' ) );
			return;
		}
		self::items( $format, array( $shown ), $columns );
	}

	/**
	 * `format_items`, with what `ids` needs: WP-CLI's formatter joins the items it is given with
	 * spaces (`implode( ' ', $items )`), so it gets the flat list of ids, as WP-CLI's own commands
	 * hand it; a row's id is its `id` field, else its first column (the domain), as the binary's own
	 * `--format=ids` does.
	 *
	 * @param string                         $format  `--format`.
	 * @param array<int,array<string,mixed>> $rows    The rows.
	 * @param array<int,string>              $columns The fields to show.
	 */
	public static function items( string $format, array $rows, array $columns ): void {
		if ( 'ids' === $format ) {
			$key  = in_array( 'id', $columns, true ) ? 'id' : ( $columns[0] ?? 'id' );
			$rows = array_map(
				static function ( $row ) use ( $key ) {
					return $row[ $key ] ?? '';
				},
				$rows
			);
		}
		\WP_CLI\Utils\format_items( $format, $rows, $columns );
	}

	/**
	 * The rows of a list answer, or null when the data is not a list of objects.
	 *
	 * @param mixed $data The answer's data.
	 * @return array<int,array<string,mixed>>|null
	 */
	private static function rows( $data ): ?array {
		if ( ! is_array( $data ) || array_values( $data ) !== $data ) {
			return null;
		}
		foreach ( $data as $row ) {
			if ( ! is_array( $row ) ) {
				return null;
			}
		}
		return $data;
	}

	/**
	 * How to print an answer that has no `render` member (an older binary): by the data's shape.
	 *
	 * @param mixed $data The answer's data.
	 * @return array<string,mixed>
	 */
	private static function guess( $data ): array {
		if ( null !== self::rows( $data ) ) {
			return array( 'kind' => 'items' );
		}
		if ( is_array( $data ) && array() !== $data ) {
			return array( 'kind' => 'item' );
		}
		if ( is_string( $data ) ) {
			return array(
				'kind' => 'text',
				'text' => $data . "\n",
			);
		}
		return array(
			'kind'    => 'success',
			'message' => 'Done.',
		);
	}

	/**
	 * @return array<int,string>
	 */
	private static function split( string $fields ): array {
		return array_values( array_filter( array_map( 'trim', explode( ',', $fields ) ), 'strlen' ) );
	}

	/**
	 * @param mixed $value Anything JSON can hold.
	 */
	private static function json( $value ): string {
		return (string) json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	}
}
