/// A TXT record: one or more character strings (RFC 1035 §3.3.14).
///
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     /                   TXT-DATA                    /
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///
/// TXT-DATA is one or more <character-string>s: a length byte, then that many bytes.
public struct TXTRecord: Hashable, Sendable {
  public var strings: [[UInt8]]

  public init(_ strings: [[UInt8]]) { self.strings = strings }
  public init(text: String) { strings = [Array(text.utf8)] }

  /// The strings joined, as most tools show a TXT value (an SPF or verification token).
  public var text: String { strings.map { String(decoding: $0, as: UTF8.self) }.joined() }

  package static func read(from reader: inout DNSReader) throws -> TXTRecord {
    var strings: [[UInt8]] = []
    repeat {
      strings.append(try readCharacterString(from: &reader, type: "TXT"))
    } while !reader.isAtEnd
    return TXTRecord(strings)
  }

  package func write(to writer: inout DNSWriter) throws {
    for string in strings {
      guard string.count <= 255 else {
        throw DNSWireError.badRecordData(type: "TXT", reason: "a string of \(string.count) bytes (255 at most)")
      }
      writer.write(UInt8(string.count))
      writer.write(bytes: string)
    }
  }
}

/// A <character-string> (RFC 1035 §3.3): a length byte and that many bytes.
package func readCharacterString(from reader: inout DNSReader, type: String) throws -> [UInt8] {
  let length = try reader.readUInt8()
  guard reader.rest.count >= Int(length) else {
    throw DNSWireError.badRecordData(type: type, reason: "a string of \(length) bytes overruns the record")
  }
  return Array(try reader.readBytes(Int(length)))
}
