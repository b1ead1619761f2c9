import Values

/// One line of `doctor`'s checklist.
public struct DoctorItem: Sendable, Equatable {
  public enum Status: String, Sendable {
    case pass, warn, fail
  }

  /// The check's stable name: `wp-config`, `multisite`, `sunrise`, `domain-current-site`, `api-key`,
  /// `closte-api`, `domains`, and per domain `on-closte`, `dns`, `ssl`.
  public var check: String
  /// The domain a per-domain check is about.
  public var domain: String?
  public var status: Status
  public var message: String
  /// What to do, from the troubleshooting guide (nil when it passed).
  public var hint: String?

  public init(_ check: String, domain: String? = nil, _ status: Status, _ message: String, hint: String? = nil) {
    self.check = check
    self.domain = domain
    self.status = status
    self.message = message
    self.hint = status == .pass ? nil : hint
  }

  public static let fields = ["check", "domain", "status", "message", "hint"]

  public var row: JSONObject {
    var row = JSONObject()
    row["check"] = .string(check)
    row["domain"] = domain.map { .string($0) } ?? .null
    row["status"] = .string(status.rawValue)
    row["message"] = .string(message)
    row["hint"] = hint.map { .string($0) } ?? .null
    return row
  }
}
