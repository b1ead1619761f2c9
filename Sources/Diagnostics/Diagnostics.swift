#if canImport(Glibc)
  import Glibc
#endif

/// The one way closte talks to people on standard error: warnings, progress, debug lines.
/// The sink is the runtime's scrubbing standard error, so every line is scrubbed as it leaves.
/// `--quiet` silences all but errors; `--debug` adds `Debug:` lines.
public final class Diagnostics: @unchecked Sendable {
  public let sink: ScrubbingSink
  public var quiet: Bool
  public var debugEnabled: Bool

  public init(sink: ScrubbingSink, quiet: Bool = false, debug: Bool = false) {
    self.sink = sink
    self.quiet = quiet
    self.debugEnabled = debug
  }

  /// Diagnostics on any sink, behind `redactor` (tests).
  public convenience init(sink: OutputSink, redactor: SecretRedactor, quiet: Bool = false, debug: Bool = false) {
    self.init(sink: ScrubbingSink(sink, redactor: redactor), quiet: quiet, debug: debug)
  }

  public var isTerminal: Bool { sink.isTerminal }

  /// `Warning: ...` as WP-CLI writes it.
  public func warning(_ message: String) {
    guard !quiet else { return }
    emit("Warning: \(message)\n")
  }

  /// `Error: ...` as WP-CLI writes it (never silenced by `--quiet`).
  public func error(_ message: String) {
    emit("Error: \(message)\n")
  }

  /// Progress and informational lines.
  public func info(_ message: String) {
    guard !quiet else { return }
    emit(message + "\n")
  }

  /// `Debug: ...` lines, only with `--debug`. The message is built only when debugging is on.
  public func debug(_ message: @autoclosure () -> String) {
    guard debugEnabled else { return }
    emit("Debug: \(message())\n")
  }

  /// Raw text (a live status line with `\r`, for example), still scrubbed.
  public func raw(_ text: String) {
    guard !quiet else { return }
    emit(text)
  }

  /// `Hint: ...` after an error.
  public func hint(_ message: String) {
    emit("Hint: \(message)\n")
  }

  private func emit(_ text: String) {
    sink.write(text)
  }
}
