/// Why a DNS message could not be read or written. Every malformed packet ends as one of these,
/// never as a crash; `reason` is for people, the case is for code and tests.
public enum DNSWireError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The message ended before `needed` more bytes at `offset`.
  case truncated(offset: Int)
  /// A length byte over 63 (RFC 1035 §2.3.4: its top bits 0b01 or 0b10 are reserved).
  case labelTooLong(offset: Int, length: Int)
  /// A name longer than 255 bytes on the wire.
  case nameTooLong
  /// A compression pointer that points forward or at itself: following it would loop.
  case pointerLoop(offset: Int)
  /// A pointer outside the message.
  case pointerOutOfRange(offset: Int, target: Int)
  /// A record's RDATA did not have the length its type needs, or its fields overran RDLENGTH.
  case badRecordData(type: String, reason: String)
  /// Bytes left over after the sections the header announced.
  case trailingBytes(count: Int)
  /// A name given as text that cannot be a DNS name (empty label, label over 63, over 255 in all).
  case invalidName(String)

  public var description: String {
    switch self {
    case .truncated(let offset): return "the message ends too early (at byte \(offset))"
    case .labelTooLong(let offset, let length): return "a label of \(length) bytes at byte \(offset) (63 at most)"
    case .nameTooLong: return "a name longer than 255 bytes"
    case .pointerLoop(let offset): return "a compression pointer loop at byte \(offset)"
    case .pointerOutOfRange(let offset, let target):
      return "a compression pointer at byte \(offset) to byte \(target), outside the message"
    case .badRecordData(let type, let reason): return "a malformed \(type) record: \(reason)"
    case .trailingBytes(let count): return "\(count) unexpected bytes after the last record"
    case .invalidName(let reason): return reason
    }
  }
}
