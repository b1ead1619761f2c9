import Diagnostics
import Sockets

#if canImport(Glibc)
  import Glibc
#endif

/// Turns a host name into the addresses to connect to. `ssl check` asks the resolver given with
/// `--resolver` when there is one, the system's otherwise.
public protocol HostResolver: Sendable {
  /// The host's addresses (IP literals), in the order to try them. Throws a `ClosteError` when the
  /// name does not resolve.
  func addresses(of host: String, timeout: Double) async throws -> [String]
}

extension ErrorCode {
  public static let nameNotResolved = ErrorCode("name_not_resolved")
}

/// The C library's resolver (`getaddrinfo`), which follows `/etc/hosts` and `/etc/resolv.conf`.
public struct SystemHostResolver: HostResolver {
  public init() {}

  public func addresses(of host: String, timeout: Double) async throws -> [String] {
    if let literal = SocketAddress(ip: host, port: 0) { return [literal.ip] }
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    hints.ai_family = AF_UNSPEC
    var list: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, nil, &hints, &list)
    guard status == 0, let first = list else {
      throw ClosteError(
        .nameNotResolved, "\(host) does not resolve: \(String(cString: gai_strerror(status))).",
        hint: "Check the domain's DNS records: `closte dns check \(host)`.")
    }
    defer { freeaddrinfo(list) }
    var found: [String] = []
    var cursor: UnsafeMutablePointer<addrinfo>? = first
    while let entry = cursor {
      if let raw = entry.pointee.ai_addr {
        var address: SocketAddress?
        if entry.pointee.ai_family == AF_INET {
          address = raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
            SocketAddress(family: .ipv4, bytes: withUnsafeBytes(of: pointer.pointee.sin_addr) { Array($0) }, port: 0)
          }
        } else if entry.pointee.ai_family == AF_INET6 {
          address = raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
            SocketAddress(family: .ipv6, bytes: withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }, port: 0)
          }
        }
        if let ip = address?.ip, !found.contains(ip) { found.append(ip) }
      }
      cursor = entry.pointee.ai_next
    }
    return found
  }
}
