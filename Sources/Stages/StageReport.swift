import Diagnostics
import Values

#if canImport(Glibc)
  import Glibc
#endif

extension ErrorCode {
  public static let domainFailed = ErrorCode("domain_failed")
  public static let domainDoneWithoutSSL = ErrorCode("domain_done_without_ssl")
}

/// Where a domain's stage machine stopped, and what each check last found.
public struct StageReport: Sendable {
  public var domain: String
  public var stage: DomainStage = .checkingDNS
  public var schedule: StageSchedule
  public var dnsTries = 0
  public var sslTries = 0
  /// The last DNS and SSL outcomes (nil when that check never ran).
  public var dns: ProbeOutcome?
  public var ssl: ProbeOutcome?
  public var startedAt: Timestamp
  public var finishedAt: Timestamp

  public init(domain: String, schedule: StageSchedule, startedAt: Timestamp) {
    self.domain = domain
    self.schedule = schedule
    self.startedAt = startedAt
    self.finishedAt = startedAt
  }

  /// Seconds from the first try to the end, on the machine's clock.
  public var elapsed: Double { finishedAt.timeIntervalSince(startedAt) }

  /// What to do next: the hint of the check that held the domain back.
  public var hint: String? {
    switch stage {
    case .done: return nil
    case .checkingDNS, .failed: return dns?.hint
    case .checkingSSL, .doneWithoutSSL: return ssl?.hint
    }
  }

  /// The error `domain wait` ends with when it gave up.
  public var failure: ClosteError? {
    switch stage {
    case .failed:
      return ClosteError(
        .domainFailed,
        "\(domain): DNS did not point at the network after \(dnsTries) \(dnsTries == 1 ? "try" : "tries").",
        hint: hint)
    case .doneWithoutSSL:
      return ClosteError(
        .domainDoneWithoutSSL,
        "\(domain): no valid SSL certificate after \(sslTries) \(sslTries == 1 ? "try" : "tries").", hint: hint)
    default: return nil
    }
  }

  /// The table of `domain status` (one pass: no tries to count) and of `domain wait`.
  public static let statusFields = ["domain", "stage", "dns", "ssl", "hint"]
  public static let waitFields = ["domain", "stage", "dns", "ssl", "dns_tries", "ssl_tries", "elapsed"]

  /// Flat fields for the table, and each check's whole report under `dns_check` / `ssl_check`.
  public var json: JSONObject {
    var object = JSONObject()
    object["domain"] = .string(domain)
    object["stage"] = .string(stage.rawValue)
    object["dns"] = dns.map { .string($0.summary) } ?? .null
    object["ssl"] = ssl.map { .string($0.summary) } ?? .null
    object["dns_ok"] = dns.map { .bool($0.passed) } ?? .null
    object["ssl_ok"] = ssl.map { .bool($0.passed) } ?? .null
    object["dns_tries"] = .int(dnsTries)
    object["ssl_tries"] = .int(sslTries)
    object["max_tries"] = .int(schedule.maxTries)
    object["interval"] =
      schedule.interval == schedule.interval.rounded() ? .int(Int(schedule.interval)) : .double(schedule.interval)
    object["elapsed"] = .int(Int(elapsed.rounded()))
    object["hint"] = hint.map { .string($0) } ?? .null
    object["dns_check"] = dns.map { .object($0.details) } ?? .null
    object["ssl_check"] = ssl.map { .object($0.details) } ?? .null
    return object
  }
}
