import Diagnostics

/// Why a name could not be resolved: each a distinct result with a stable error code, so a caller
/// can tell "the name does not exist" from "the server did not answer".
public enum DNSFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// NXDOMAIN: the name does not exist.
  case nameNotFound(DNSName)
  /// SERVFAIL, REFUSED and the other error RCODEs.
  case serverFailure(DNSResponseCode)
  /// No answer from any server before the deadline.
  case timeout
  /// An answer that could not be read, or that answered another question.
  case malformed(String)
  /// No server could be reached (refused, no route).
  case unreachable(String)
  /// The CNAME chain came back to a name already on it.
  case cnameLoop(DNSName)
  /// The CNAME chain went on past `Resolver.maximumChainLength` links.
  case cnameChainTooLong(Int)

  /// Whether a search-list walk stops here (glibc's `res_search`): a name that does not exist, or a
  /// server error, lets the next name be tried; no answer at all does not.
  package var endsSearch: Bool {
    switch self {
    case .nameNotFound, .serverFailure: return false
    case .timeout, .unreachable, .malformed, .cnameLoop, .cnameChainTooLong: return true
    }
  }

  public var code: ErrorCode {
    switch self {
    case .nameNotFound: return .dnsNameNotFound
    case .serverFailure: return .dnsServerFailure
    case .timeout: return .dnsTimeout
    case .malformed: return .dnsMalformedAnswer
    case .unreachable: return .dnsUnreachable
    case .cnameLoop, .cnameChainTooLong: return .dnsCNAMELoop
    }
  }

  public var description: String {
    switch self {
    case .nameNotFound(let name): return "\(name) does not exist (NXDOMAIN)"
    case .serverFailure(let code): return "the DNS server answered \(code)"
    case .timeout: return "no DNS server answered in time"
    case .malformed(let reason): return "the DNS answer was malformed: \(reason)"
    case .unreachable(let reason): return "no DNS server could be reached (\(reason))"
    case .cnameLoop(let name): return "the CNAME chain loops back to \(name)"
    case .cnameChainTooLong(let count): return "the CNAME chain is longer than \(count) links"
    }
  }

  /// The failure as closte's error, with what to do about it.
  public var error: ClosteError {
    let hint: String
    switch self {
    case .nameNotFound:
      hint = "Create the domain's A record (or a CNAME) at its DNS provider; check the spelling of the name."
    case .serverFailure, .malformed:
      hint = "The domain's DNS servers may be misconfigured; try another resolver with --resolver=<ip>."
    case .timeout:
      hint =
        "The DNS server did not answer (each question gets resolv.conf's `options timeout:` × `attempts:`, "
        + "5 s × 2 by default, within --timeout). Check the server, or ask another with --resolver=<ip[:port]>."
    case .unreachable:
      hint = "Check the network, or ask another DNS server with --resolver=<ip[:port]>; raise --timeout if it is slow."
    case .cnameLoop, .cnameChainTooLong:
      hint = "Fix the CNAME records at the domain's DNS provider so the chain ends at an A or AAAA record."
    }
    return ClosteError(code, description.prefix(1).uppercased() + description.dropFirst() + ".", hint: hint)
  }
}

extension ErrorCode {
  public static let dnsNameNotFound = ErrorCode("dns_nxdomain")
  public static let dnsServerFailure = ErrorCode("dns_server_failure")
  public static let dnsTimeout = ErrorCode("dns_timeout")
  public static let dnsMalformedAnswer = ErrorCode("dns_malformed_answer")
  public static let dnsUnreachable = ErrorCode("dns_unreachable")
  public static let dnsCNAMELoop = ErrorCode("dns_cname_loop")
}
