/// An NS record: a host that is authoritative for the zone (RFC 1035 §3.3.11).
///
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     /                   NSDNAME                     /
///     /                                               /
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///
/// NSDNAME is a domain name, which may be compressed.
public struct NSRecord: Hashable, Sendable {
  public var host: DNSName

  public init(_ host: DNSName) { self.host = host }

  package static func read(from reader: inout DNSReader) throws -> NSRecord {
    NSRecord(try DNSName.read(from: &reader))
  }

  package func write(to writer: inout DNSWriter) { writer.write(host) }
}
