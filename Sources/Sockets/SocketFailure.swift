#if canImport(Glibc)
  import Glibc
#endif

/// Why a socket operation failed: the one error of the socket layer, for DNS and TLS alike, without
/// `errno` leaking out of this module.
public enum SocketFailure: Error, Equatable, Sendable, CustomStringConvertible {
  /// The deadline passed.
  case timedOut
  /// Nothing answers there: refused (for UDP, an ICMP "port unreachable"), no route, reset.
  case unreachable(String)
  /// The peer closed the connection before sending what was awaited.
  case closed
  /// Anything else the system reported: the call and its reason.
  case failed(String)

  public var description: String {
    switch self {
    case .timedOut: return "timed out"
    case .unreachable(let reason), .failed(let reason): return reason
    case .closed: return "the server closed the connection"
    }
  }

  /// The failure `errno` (or a pending socket error) `code` means, for `call`.
  package static func from(_ code: Int32, call: String) -> SocketFailure {
    let reason = String(cString: strerror(code))
    switch code {
    case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, ECONNRESET, EADDRNOTAVAIL, EAFNOSUPPORT:
      return .unreachable(reason.lowercased())
    case ETIMEDOUT: return .timedOut
    default: return .failed("\(call): \(reason)")
    }
  }
}
