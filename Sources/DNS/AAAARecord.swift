/// An AAAA record: one IPv6 address (RFC 3596 §2.2).
///
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                    ADDRESS                    |
///     |                  (16 octets)                  |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///
/// ADDRESS is a 128-bit address in network byte order, RDLENGTH 16.
public struct AAAARecord: Hashable, Sendable {
  public var address: IPv6Address

  public init(_ address: IPv6Address) { self.address = address }

  package static func read(from reader: inout DNSReader) throws -> AAAARecord {
    guard reader.rest.count == 16 else {
      throw DNSWireError.badRecordData(type: "AAAA", reason: "\(reader.rest.count) bytes instead of 16")
    }
    return AAAARecord(IPv6Address(bytes: Array(try reader.readBytes(16))))
  }

  package func write(to writer: inout DNSWriter) { writer.write(bytes: address.bytes) }
}
