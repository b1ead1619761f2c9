/// A domain name as DNS carries it: a list of labels (RFC 1035 §3.1).
///
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+
///     | 7| e  x  a  m  p  l  e| 3| c  o  m| 0|
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+
///
/// Each label is a length byte (at most 63) and that many bytes; a zero byte ends the name, and
/// the whole, length bytes included, is at most 255 bytes. A length byte whose two top bits are
/// set starts a compression pointer (RFC 1035 §4.1.4): the other 14 bits are the offset, from the
/// message's first byte, where the rest of the name is written.
///
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     | 1  1|                OFFSET                   |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///
/// Names compare without regard to ASCII case, as DNS compares them.
public struct DNSName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
  public static let maximumLabelLength = 63
  public static let maximumWireLength = 255

  /// The labels, most specific first; the root is the empty list.
  public let labels: [[UInt8]]

  public static let root = DNSName(validatedLabels: [])

  package init(validatedLabels: [[UInt8]]) { labels = validatedLabels }

  public init(labels: [[UInt8]]) throws {
    for label in labels {
      guard !label.isEmpty else { throw DNSWireError.invalidName("a name cannot have an empty label") }
      guard label.count <= DNSName.maximumLabelLength else {
        throw DNSWireError.invalidName("the label '\(DNSName.text(of: label))' is longer than 63 bytes")
      }
    }
    guard labels.reduce(1, { $0 + 1 + $1.count }) <= DNSName.maximumWireLength else {
      throw DNSWireError.nameTooLong
    }
    self.labels = labels
  }

  /// Parses `example.com` or `example.com.` (a final dot is allowed, as in zone files).
  public init(_ text: String) throws {
    var body = Substring(text)
    if body == "." {
      self = .root
      return
    }
    if body.hasSuffix(".") { body = body.dropLast() }
    guard !body.isEmpty else { throw DNSWireError.invalidName("an empty name") }
    try self.init(labels: body.split(separator: ".", omittingEmptySubsequences: false).map { Array($0.utf8) })
  }

  public init(stringLiteral value: String) {
    do {
      try self.init(value)
    } catch {
      preconditionFailure("invalid DNS name literal '\(value)': \(error)")
    }
  }

  /// The name without a final dot (`example.com`); the root is `.`.
  public var description: String {
    labels.isEmpty ? "." : labels.map(DNSName.text(of:)).joined(separator: ".")
  }

  /// The name one label up (`www.example.com` → `example.com`); nil for the root.
  public var parent: DNSName? { labels.isEmpty ? nil : DNSName(validatedLabels: Array(labels.dropFirst())) }

  /// True when this name is `other` or below it.
  public func isSubdomain(of other: DNSName) -> Bool {
    guard labels.count >= other.labels.count else { return false }
    return zip(labels.suffix(other.labels.count), other.labels).allSatisfy {
      DNSName.lowercased($0) == DNSName.lowercased($1)
    }
  }

  public static func == (lhs: DNSName, rhs: DNSName) -> Bool {
    lhs.labels.count == rhs.labels.count
      && zip(lhs.labels, rhs.labels).allSatisfy { lowercased($0) == lowercased($1) }
  }

  public func hash(into hasher: inout Hasher) {
    for label in labels { hasher.combine(DNSName.lowercased(label)) }
  }

  package static func lowercased(_ label: [UInt8]) -> [UInt8] {
    label.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
  }

  /// A label as text: printable ASCII as is, a dot, backslash or anything else as `\.` / `\DDD`.
  package static func text(of label: [UInt8]) -> String {
    var text = ""
    for byte in label {
      switch byte {
      case UInt8(ascii: "."), UInt8(ascii: "\\"): text += "\\" + String(UnicodeScalar(byte))
      case 0x21...0x7E: text.unicodeScalars.append(UnicodeScalar(byte))
      default:
        let digits = String(byte)
        text += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
      }
    }
    return text
  }
}

extension DNSName {
  /// Reads a name at the reader's position, following compression pointers. A pointer must point
  /// before itself, so a chain of them cannot loop; labels over 63 and names over 255 are refused.
  public static func read(from reader: inout DNSReader) throws -> DNSName {
    var labels: [[UInt8]] = []
    var wireLength = 1
    var cursor = reader
    var jumped = false
    // The lowest offset reached so far: each pointer must go strictly below it.
    var floor = reader.offset
    while true {
      let lengthOffset = cursor.offset
      let length = try cursor.readUInt8()
      switch length & 0xC0 {
      case 0x00:
        if length == 0 {
          if !jumped { reader = cursor }
          return DNSName(validatedLabels: labels)
        }
        let label = try cursor.readBytes(Int(length))
        wireLength += 1 + Int(length)
        guard wireLength <= maximumWireLength else { throw DNSWireError.nameTooLong }
        labels.append(Array(label))
      case 0xC0:
        let low = try cursor.readUInt8()
        let target = Int(length & 0x3F) << 8 | Int(low)
        guard target < cursor.message.count else {
          throw DNSWireError.pointerOutOfRange(offset: lengthOffset, target: target)
        }
        guard target < floor else { throw DNSWireError.pointerLoop(offset: lengthOffset) }
        if !jumped {
          reader = cursor
          jumped = true
        }
        floor = target
        cursor = cursor.jumped(to: target)
      default:
        // 0b01 and 0b10 prefixes: read as a length, 64 to 191, which RFC 1035 forbids.
        throw DNSWireError.labelTooLong(offset: lengthOffset, length: Int(length))
      }
    }
  }
}
