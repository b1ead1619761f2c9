/// A CNAME record: the canonical name this name is an alias of (RFC 1035 §3.3.1).
///
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     /                     CNAME                     /
///     /                                               /
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///
/// CNAME is a domain name, which may be compressed.
public struct CNAMERecord: Hashable, Sendable {
  public var target: DNSName

  public init(_ target: DNSName) { self.target = target }

  package static func read(from reader: inout DNSReader) throws -> CNAMERecord {
    CNAMERecord(try DNSName.read(from: &reader))
  }

  package func write(to writer: inout DNSWriter) { writer.write(target) }
}
