#if canImport(Glibc)
  import Glibc
#endif

/// An IPv4 or IPv6 address with a port, as text and as the `sockaddr` that `connect` takes.
public struct SocketAddress: Sendable, Equatable, CustomStringConvertible {
  public enum Family: Sendable { case ipv4, ipv6 }

  public let family: Family
  /// The address bytes: 4 for IPv4, 16 for IPv6.
  public let bytes: [UInt8]
  public let port: UInt16

  /// Parses an IP literal (`127.0.0.1`, `::1`, `[::1]`); nil when `text` is not one.
  public init?(ip text: String, port: UInt16) {
    var literal = text
    if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
    var v4 = in_addr()
    if inet_pton(AF_INET, literal, &v4) == 1 {
      family = .ipv4
      bytes = withUnsafeBytes(of: v4) { Array($0) }
    } else {
      var v6 = in6_addr()
      guard inet_pton(AF_INET6, literal, &v6) == 1 else { return nil }
      family = .ipv6
      bytes = withUnsafeBytes(of: v6) { Array($0) }
    }
    self.port = port
  }

  package init(family: Family, bytes: [UInt8], port: UInt16) {
    self.family = family
    self.bytes = bytes
    self.port = port
  }

  /// The address alone, as `inet_ntop` writes it.
  public var ip: String {
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    let domain = family == .ipv4 ? AF_INET : AF_INET6
    let written = bytes.withUnsafeBytes { raw in
      inet_ntop(domain, raw.baseAddress, &buffer, socklen_t(buffer.count))
    }
    guard written != nil else { return "?" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  public var description: String { family == .ipv4 ? "\(ip):\(port)" : "[\(ip)]:\(port)" }

  /// Calls `body` with this address as a `sockaddr` and its length.
  package func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
    switch family {
    case .ipv4:
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = port.bigEndian
      withUnsafeMutableBytes(of: &address.sin_addr) { $0.copyBytes(from: bytes) }
      return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
      }
    case .ipv6:
      var address = sockaddr_in6()
      address.sin6_family = sa_family_t(AF_INET6)
      address.sin6_port = port.bigEndian
      withUnsafeMutableBytes(of: &address.sin6_addr) { $0.copyBytes(from: bytes) }
      return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
      }
    }
  }
}
