import Diagnostics
import WPConfig

/// What `doctor` asks of the world. The real one reads wp-config.php and goes to the network;
/// tests give a scripted one, so every item of the checklist is tested without either.
public protocol DoctorProbe: Sendable {
  /// The parsed wp-config.php; throws a `ClosteError` when it is not found or cannot be read.
  func config() throws -> WPConfig
  /// Where the API key was found (never the key); throws a `ClosteError` when it is missing or empty.
  func apiKeySource() throws -> String
  /// The addresses of a host, or why it does not resolve.
  func resolve(_ host: String) async -> Result<[String], ClosteError>
  /// Whether Closte accepts the key: its aliases (nil when it accepted the key but gave no list).
  func closteAliases() async -> Result<[String]?, ClosteError>
  func dns(_ domain: String) async -> DNSFinding
  func ssl(_ domain: String) async -> SSLFinding
  /// How closte reaches Closte (which proxy, never its password); nil when not known.
  func httpRoute() -> Result<String, ClosteError>?
}

extension DoctorProbe {
  public func httpRoute() -> Result<String, ClosteError>? { nil }
}

/// The DNS check's verdict, as `doctor` grades it.
public struct DNSFinding: Sendable, Equatable {
  public enum Verdict: Sendable {
    case points, proxied, notPointing

    package var name: String {
      switch self {
      case .points: return "points"
      case .proxied: return "proxied"
      case .notPointing: return "not_pointing"
      }
    }
  }
  public var verdict: Verdict
  public var summary: String
  public var hint: String?
  /// The DNS check's own verdict (`wrong_address`, `lookup_failed`, ...), when there was a check.
  public var check: String?

  public init(_ verdict: Verdict, _ summary: String, hint: String? = nil, check: String? = nil) {
    self.verdict = verdict
    self.summary = summary
    self.hint = hint
    self.check = check
  }
}

/// The SSL check's verdict, as `doctor` grades it.
public struct SSLFinding: Sendable, Equatable {
  public var valid: Bool
  public var daysLeft: Int?
  public var summary: String
  public var hint: String?
  /// Why it is not valid (`expired`, `timeout`, ...), as `ssl check` says.
  public var reason: String?

  public init(valid: Bool, daysLeft: Int? = nil, _ summary: String, hint: String? = nil, reason: String? = nil) {
    self.valid = valid
    self.daysLeft = daysLeft
    self.summary = summary
    self.hint = hint
    self.reason = reason
  }
}
