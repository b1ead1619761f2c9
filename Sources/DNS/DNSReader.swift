/// A cursor over one DNS message. `rest` is what is left to read; its indices are offsets in
/// `message`, so compression pointers (which count from the message's first byte) can be followed.
public struct DNSReader: Sendable {
  public let message: ArraySlice<UInt8>
  public private(set) var rest: ArraySlice<UInt8>

  public init(_ bytes: [UInt8]) {
    message = bytes[...]
    rest = message
  }

  /// The offset of the next byte, from the start of the message.
  public var offset: Int { rest.startIndex - message.startIndex }
  public var isAtEnd: Bool { rest.isEmpty }

  public mutating func readUInt8() throws -> UInt8 {
    guard let byte = rest.first else { throw DNSWireError.truncated(offset: offset) }
    rest = rest.dropFirst()
    return byte
  }

  public mutating func readUInt16() throws -> UInt16 {
    let bytes = try readBytes(2)
    return UInt16(bytes[bytes.startIndex]) << 8 | UInt16(bytes[bytes.startIndex + 1])
  }

  public mutating func readUInt32() throws -> UInt32 {
    let bytes = try readBytes(4)
    return bytes.reduce(0) { $0 << 8 | UInt32($1) }
  }

  public mutating func readBytes(_ count: Int) throws -> ArraySlice<UInt8> {
    guard count >= 0, rest.count >= count else { throw DNSWireError.truncated(offset: offset) }
    let bytes = rest.prefix(count)
    rest = rest.dropFirst(count)
    return bytes
  }

  /// A reader over the `count` bytes that follow (a record's RDATA), sharing this message for
  /// pointers; this reader moves past them.
  public mutating func subReader(_ count: Int) throws -> DNSReader {
    let start = rest.startIndex
    _ = try readBytes(count)
    var sub = self
    sub.rest = message[start..<(start + count)]
    return sub
  }

  /// Moves to an absolute offset in the message (for following a compression pointer).
  package func jumped(to target: Int) -> DNSReader {
    var copy = self
    copy.rest = message[(message.startIndex + target)...]
    return copy
  }
}
