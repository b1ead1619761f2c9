#if canImport(Glibc)
  import Glibc
#endif

/// Sockets on 127.0.0.1 at a port the system picks, for tests that play a peer or need a port
/// where nothing listens (never a fixed port: tests run side by side).
package enum LoopbackSocket {
  /// A socket of `type` (SOCK_STREAM, SOCK_DGRAM) bound to 127.0.0.1 at `port` (0: one the system
  /// picks), listening with `backlog` when one is given, and its port; nil when the system refuses.
  package static func bind(_ type: __socket_type, port: UInt16 = 0, listening backlog: Int32? = nil) -> (
    descriptor: Int32, port: UInt16
  )? {
    let descriptor = socket(AF_INET, Int32(type.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = port.bigEndian
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let ready = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        Glibc.bind(descriptor, pointer, length) == 0 && backlog.map { listen(descriptor, $0) == 0 } ?? true
          && getsockname(descriptor, pointer, &length) == 0
      }
    }
    guard ready else {
      close(descriptor)
      return nil
    }
    return (descriptor, UInt16(bigEndian: address.sin_port))
  }

  /// A port of `type` on 127.0.0.1 where nothing listens (bound, then released).
  package static func closedPort(_ type: __socket_type = SOCK_STREAM) -> UInt16? {
    guard let (descriptor, port) = bind(type) else { return nil }
    close(descriptor)
    return port
  }

  /// A port free for both UDP and TCP on 127.0.0.1 right now (a DNS server listens on both).
  package static func freePort() -> UInt16? {
    guard let (udp, port) = bind(SOCK_DGRAM) else { return nil }
    defer { close(udp) }
    guard let (tcp, _) = bind(SOCK_STREAM, port: port) else { return nil }
    close(tcp)
    return port
  }

  /// Whether ::1 can be bound (CI containers often have no IPv6 at all).
  package static let hasIPv6: Bool = {
    let descriptor = socket(AF_INET6, Int32(SOCK_DGRAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_in6()
    address.sin6_family = sa_family_t(AF_INET6)
    address.sin6_addr = in6addr_loopback
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
      }
    } == 0
  }()
}
