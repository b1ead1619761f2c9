import Stages
import Values

/// One domain in the summary of `domain status --all` and `doctor --all`: the DNS check's verdict,
/// the SSL check's (nil when it was not run, because the DNS does not point at the network), the
/// certificate's days left, whether Closte has the domain as an alias, and the stage it reached.
public struct NetworkCheckRow: Sendable, Equatable {
  public var domain: String
  /// `points`, `proxied`, `wrong_address`, `not_found`, `no_address`, `lookup_failed`.
  public var dns: String
  /// `valid`, or the reason it is not (`expired`, `hostname_mismatch`, `timeout`, ...).
  public var ssl: String?
  public var daysLeft: Int?
  /// nil when Closte's alias list could not be read.
  public var onCloste: Bool?
  public var stage: DomainStage
  /// What to do about the first problem (nil when done).
  public var hint: String?

  public init(
    domain: String, dns: String, ssl: String?, daysLeft: Int?, onCloste: Bool?, stage: DomainStage,
    hint: String? = nil
  ) {
    self.domain = domain
    self.dns = dns
    self.ssl = ssl
    self.daysLeft = daysLeft
    self.onCloste = onCloste
    self.stage = stage
    self.hint = hint
  }

  /// The row of one pass of the stage machine.
  public init(_ report: StageReport, onCloste: Bool?) {
    let dnsVerdict = report.dns?.details["verdict"]?.stringValue
    let ssl = report.ssl.map { outcome -> String in
      if outcome.passed { return "valid" }
      return outcome.details["reason"]?.stringValue ?? "invalid"
    }
    var daysLeft: Int?
    if case .int(let days)? = report.ssl?.details["days_left"] { daysLeft = days }
    self.init(
      domain: report.domain, dns: dnsVerdict ?? (report.dns?.passed == true ? "points" : "failed"), ssl: ssl,
      daysLeft: daysLeft, onCloste: onCloste, stage: report.stage, hint: report.hint)
  }

  public static let fields = ["domain", "dns", "ssl", "days_left", "on_closte", "stage"]

  public var json: JSONObject {
    var object = JSONObject()
    object["domain"] = .string(domain)
    object["dns"] = .string(dns)
    object["ssl"] = .string(ssl ?? "not_checked")
    object["days_left"] = daysLeft.map { .int($0) } ?? .null
    object["on_closte"] = onCloste.map { .string($0 ? "yes" : "no") } ?? .string("unknown")
    object["stage"] = .string(stage.rawValue)
    object["hint"] = hint.map { .string($0) } ?? .null
    return object
  }

  /// `shop.example.com: DNS points, SSL valid (89 days left), on Closte, done`
  public var sentence: String {
    let sslText = ssl.map { "SSL \($0)" + (daysLeft.map { " (\($0) days left)" } ?? "") } ?? "SSL not checked"
    let closteText = onCloste.map { $0 ? "on Closte" : "not on Closte" } ?? "Closte unknown"
    return "\(domain): DNS \(dns), \(sslText), \(closteText), \(stage.rawValue)"
  }

  /// How many domains are done, and how many stand at each problem: the last line of a stream.
  public static func counts(_ rows: [NetworkCheckRow]) -> JSONObject {
    var object = JSONObject()
    object["domains"] = .int(rows.count)
    object["done"] = .int(rows.filter { $0.stage == .done }.count)
    object["dns_not_pointing"] = .int(rows.filter { $0.dns != "points" && $0.dns != "proxied" }.count)
    object["ssl_not_valid"] = .int(rows.filter { $0.ssl != nil && $0.ssl != "valid" }.count)
    object["expiring_within_14_days"] = .int(rows.filter { ($0.daysLeft ?? Int.max) < 14 }.count)
    object["not_on_closte"] = .int(rows.filter { $0.onCloste == false }.count)
    return object
  }
}

/// Whether Closte's aliases cover a domain: the domain itself, or a `*.` alias of its parent.
public enum ClosteAliasCoverage {
  public static func covers(_ aliases: [String], _ domain: String) -> Bool {
    if aliases.contains(domain) { return true }
    guard let dot = domain.firstIndex(of: ".") else { return false }
    return aliases.contains("*" + domain[dot...])
  }
}
