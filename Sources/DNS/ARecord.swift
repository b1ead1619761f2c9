/// An A record: one IPv4 address (RFC 1035 §3.4.1).
///
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                    ADDRESS                    |
///     |                                               |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///
/// ADDRESS is a 32-bit Internet address, RDLENGTH 4.
public struct ARecord: Hashable, Sendable {
  public var address: IPv4Address

  public init(_ address: IPv4Address) { self.address = address }

  package static func read(from reader: inout DNSReader) throws -> ARecord {
    guard reader.rest.count == 4 else {
      throw DNSWireError.badRecordData(type: "A", reason: "\(reader.rest.count) bytes instead of 4")
    }
    return ARecord(IPv4Address(bytes: Array(try reader.readBytes(4))))
  }

  package func write(to writer: inout DNSWriter) { writer.write(bytes: address.bytes) }
}
