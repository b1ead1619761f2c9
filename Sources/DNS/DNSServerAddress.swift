/// A DNS server to ask: an address and a port (53 unless said otherwise).
public struct DNSServerAddress: Hashable, Sendable, CustomStringConvertible {
  public var address: IPAddress
  public var port: UInt16

  public init(address: IPAddress, port: UInt16 = 53) {
    self.address = address
    self.port = port
  }

  /// Parses `--resolver`: `192.0.2.53`, `192.0.2.53:5353`, `2001:db8::53`, `[2001:db8::53]` or
  /// `[2001:db8::53]:5353`. Nil when it is none of these.
  public init?(_ text: String) {
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]"),
        case .v6(let v6)? = IPAddress(String(text[..<text.index(after: close)]))
      else { return nil }
      let rest = text[text.index(after: close)...]
      if rest.isEmpty {
        self.init(address: .v6(v6))
      } else {
        guard rest.hasPrefix(":"), let port = DNSServerAddress.port(rest.dropFirst()) else { return nil }
        self.init(address: .v6(v6), port: port)
      }
      return
    }
    if let address = IPAddress(text) {
      self.init(address: address)
      return
    }
    // `ip:port` is IPv4 only: a bare IPv6 address already holds colons.
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, case .v4(let v4)? = IPAddress(String(parts[0])), let port = DNSServerAddress.port(parts[1])
    else { return nil }
    self.init(address: .v4(v4), port: port)
  }

  private static func port(_ text: Substring) -> UInt16? {
    guard !text.isEmpty, text.allSatisfy({ ("0"..."9").contains($0) }), let port = UInt16(text), port > 0 else {
      return nil
    }
    return port
  }

  /// `192.0.2.53:53` or `[2001:db8::53]:53`.
  public var description: String {
    switch address {
    case .v4(let v4): return "\(v4):\(port)"
    case .v6(let v6): return "[\(v6)]:\(port)"
    }
  }
}
