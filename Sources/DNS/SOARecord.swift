/// An SOA record: the start of a zone of authority (RFC 1035 §3.3.13). A negative answer carries
/// the zone's SOA in the authority section, which is how closte learns a name's zone.
///
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     /                     MNAME                     /
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     /                     RNAME                     /
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                    SERIAL                     |
///     |                                               |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                    REFRESH                    |
///     |                                               |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                     RETRY                     |
///     |                                               |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                    EXPIRE                     |
///     |                                               |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                    MINIMUM                    |
///     |                                               |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
public struct SOARecord: Hashable, Sendable {
  public var primaryServer: DNSName
  public var responsibleMailbox: DNSName
  public var serial: UInt32
  public var refresh: UInt32
  public var retry: UInt32
  public var expire: UInt32
  public var minimum: UInt32

  public init(
    primaryServer: DNSName, responsibleMailbox: DNSName, serial: UInt32, refresh: UInt32, retry: UInt32,
    expire: UInt32, minimum: UInt32
  ) {
    self.primaryServer = primaryServer
    self.responsibleMailbox = responsibleMailbox
    self.serial = serial
    self.refresh = refresh
    self.retry = retry
    self.expire = expire
    self.minimum = minimum
  }

  package static func read(from reader: inout DNSReader) throws -> SOARecord {
    SOARecord(
      primaryServer: try DNSName.read(from: &reader), responsibleMailbox: try DNSName.read(from: &reader),
      serial: try reader.readUInt32(), refresh: try reader.readUInt32(), retry: try reader.readUInt32(),
      expire: try reader.readUInt32(), minimum: try reader.readUInt32())
  }

  package func write(to writer: inout DNSWriter) {
    writer.write(primaryServer)
    writer.write(responsibleMailbox)
    for value in [serial, refresh, retry, expire, minimum] { writer.write(value) }
  }
}
