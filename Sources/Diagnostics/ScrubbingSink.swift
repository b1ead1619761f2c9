import Synchronization
import Values

/// The process boundary for standard output and standard error: every byte written passes the
/// scrubber before it reaches the sink behind. `Runtime` wraps its streams in one of these, so no
/// caller can write around it.
///
/// A stream may split a secret across two writes (a long answer written in chunks, a key after a
/// line break). So the tail of a write that may be the start of a secret is held back, and scrubbed
/// with the bytes that follow; `flush` writes it out (at the end of a record: one rpc answer, one
/// run). Only a tail that is the start of some secret's spelling is ever held, so ordinary output
/// (a live progress line) goes out at once.
public final class ScrubbingSink: OutputSink, Sendable {
  public let inner: OutputSink
  public let redactor: SecretRedactor
  private let held = Mutex<[UInt8]>([])

  public init(_ inner: OutputSink, redactor: SecretRedactor) {
    self.inner = inner
    self.redactor = redactor
  }

  public var isTerminal: Bool { inner.isTerminal }
  public var isClosed: Bool { inner.isClosed }

  public func write(_ bytes: [UInt8]) { write(bytes, revealing: []) }

  /// Writes `bytes`, leaving as they are the secrets a command printed on request (`--reveal`) in
  /// these bytes only. Such a write is a whole answer: nothing of it is held back.
  public func write(_ bytes: [UInt8], revealing: Set<String>) {
    held.withLock { pending in
      let input = pending + bytes
      let scrubbed = redactor.scrub(
        input, holdingBack: revealing.isEmpty, revealing: revealing, revealFrom: pending.count)
      pending = Array(input.suffix(scrubbed.heldBack))
      if !scrubbed.bytes.isEmpty { inner.write(scrubbed.bytes) }
    }
  }

  /// A PHP string that is not UTF-8 keeps its bytes (`PHPBytes`), as `write(_: String)` writes them.
  public func write(_ text: String, revealing: Set<String>) { write(PHPBytes.bytes(text), revealing: revealing) }

  /// Writes out what was held back: the end of a record (what is held cannot be a whole secret).
  public func flush() {
    held.withLock { pending in
      guard !pending.isEmpty else { return }
      let scrubbed = redactor.scrub(pending, holdingBack: false)
      pending = []
      inner.write(scrubbed.bytes)
    }
  }
}
