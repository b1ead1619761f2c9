/// A record TYPE (RFC 1035 §3.2.2 and later RFCs). A struct, not an enum, so a type closte does not
/// know still round-trips.
public struct DNSRecordType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: UInt16
  public init(rawValue: UInt16) { self.rawValue = rawValue }

  public static let a = DNSRecordType(rawValue: 1)
  public static let ns = DNSRecordType(rawValue: 2)
  public static let cname = DNSRecordType(rawValue: 5)
  public static let soa = DNSRecordType(rawValue: 6)
  public static let txt = DNSRecordType(rawValue: 16)
  public static let aaaa = DNSRecordType(rawValue: 28)
  public static let opt = DNSRecordType(rawValue: 41)
  public static let caa = DNSRecordType(rawValue: 257)

  private static let names: [UInt16: String] = [
    1: "A", 2: "NS", 5: "CNAME", 6: "SOA", 16: "TXT", 28: "AAAA", 41: "OPT", 257: "CAA",
  ]

  /// `A`, `AAAA`, ... or `TYPE<n>` (RFC 3597) for one closte has no name for.
  public var description: String { DNSRecordType.names[rawValue] ?? "TYPE\(rawValue)" }

  /// Parses `A`, `aaaa`, `TYPE99`.
  public init?(_ text: String) {
    let upper = text.uppercased()
    if let known = DNSRecordType.names.first(where: { $0.value == upper }) {
      self.init(rawValue: known.key)
    } else if upper.hasPrefix("TYPE"), let number = UInt16(upper.dropFirst(4)) {
      self.init(rawValue: number)
    } else {
      return nil
    }
  }
}

/// The CLASS of a record; closte asks only for IN (RFC 1035 §3.2.4).
public struct DNSClass: RawRepresentable, Hashable, Sendable {
  public let rawValue: UInt16
  public init(rawValue: UInt16) { self.rawValue = rawValue }
  public static let internet = DNSClass(rawValue: 1)
}
