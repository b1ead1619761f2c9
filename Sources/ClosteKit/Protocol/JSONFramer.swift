/// Finds where a JSON value in a stream may end, looking at each byte once: it follows nesting and
/// strings, not grammar, so the reader knows when parsing is worth trying. The parser still decides
/// what the bytes are.
struct JSONFramer {
  enum Event: Equatable {
    /// The value has closed: the position is just past it (or, for a bare scalar, at the byte that
    /// ends it).
    case closed
    /// A line ended inside a container: the position is just past the newline.
    case lineEnded
    /// The bytes so far do not close the value: the position is at the end of the buffer.
    case needMore
  }

  private enum Shape { case unknown, container, string, scalar }

  private var shape = Shape.unknown
  private var depth = 0
  private var inString = false
  private var escaped = false

  /// Looks at `bytes` from `position` on, moving `position` to where it stopped.
  mutating func scan(_ bytes: [UInt8], from position: inout Int) -> Event {
    var index = position
    defer { position = index }
    while index < bytes.count {
      let byte = bytes[index]
      if shape == .unknown {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          shape = .container
          depth = 1
          index += 1
        case UInt8(ascii: "\""):
          shape = .string
          inString = true
          index += 1
        default:
          shape = .scalar
        }
        continue
      }
      if inString {
        index += 1
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
          if shape == .string { return .closed }
        } else if byte == 0x0A {
          return .lineEnded
        }
        continue
      }
      if shape == .scalar {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"),
          UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "\""):
          return .closed
        default:
          index += 1
          continue
        }
      }
      index += 1
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth == 0 { return .closed }
      case 0x0A: return .lineEnded
      default: break
      }
    }
    return .needMore
  }
}
