import Diagnostics
import Values

/// What `dns check` found: the records, the verdict, the rule that matched or why none did, and
/// what to do next. `domain status` and `doctor` read `passes`, `reason` and `hint`.
public struct DNSCheckReport: Sendable {
  public enum Verdict: String, Sendable {
    case points
    /// Every address is a Cloudflare proxy: a warning, not a failure.
    case proxied
    case wrongAddress = "wrong_address"
    case noAddress = "no_address"
    case notFound = "not_found"
    case lookupFailed = "lookup_failed"
  }

  public enum Rule: String, Sendable {
    case address
    case cname
  }

  public var domain: DNSName
  public var network: DNSNetwork
  public var resolution: AddressResolution
  /// CNAME chain, A, AAAA and NS records, in that order.
  public var records: [DNSRecord] = []
  public var verdict: Verdict = .noAddress
  public var rule: Rule?
  /// The addresses or host that made the rule match.
  public var matched: [String] = []
  public var reason = ""
  public var hint: String?
  /// Every question asked, in order (for `--debug`).
  public var lookups: [DNSLookup] = []
  /// Set when the lookup itself failed (timeout, SERVFAIL, ...), as opposed to a wrong answer.
  public var failure: DNSFailure?

  package init(domain: DNSName, network: DNSNetwork, resolution: AddressResolution) {
    self.domain = domain
    self.network = network
    self.resolution = resolution
  }

  public var points: Bool { verdict == .points }
  public var proxied: Bool { verdict == .proxied }
  /// Points, or proxied (which the records cannot disprove): what the stage machine moves on with.
  public var passes: Bool { points || proxied }

  /// The error to report when the domain does not pass: `dns_not_pointing`, `dns_no_address`, or
  /// the lookup failure's own code (`dns_nxdomain`, `dns_timeout`, ...).
  public var error: ClosteError? {
    guard !passes else { return nil }
    let code: ErrorCode
    switch verdict {
    case .lookupFailed: code = failure?.code ?? .dnsTimeout
    case .notFound: code = .dnsNameNotFound
    case .noAddress: code = .dnsNoAddress
    default: code = .dnsNotPointing
    }
    return ClosteError(code, reason, hint: hint)
  }

  /// One row per record, for the table: type, name, value, ttl.
  public var rows: [JSONObject] {
    records.map { record in
      JSONObject([
        ("type", .string(record.type.description)), ("name", .string(record.name.description)),
        ("value", .string(record.data.description)), ("ttl", .int(Int(record.ttl))),
      ])
    }
  }

  public var json: JSONObject {
    var object = JSONObject([
      ("domain", .string(domain.description)),
      ("points", .bool(points)),
      ("proxied", .bool(proxied)),
      ("verdict", .string(verdict.rawValue)),
      ("rule", rule.map { .string($0.rawValue) } ?? .null),
      ("matched", .array(matched.map(JSONValue.string))),
      ("reason", .string(reason)),
      ("hint", hint.map(JSONValue.string) ?? .null),
      ("addresses", .array(resolution.addresses.map { .string($0.description) })),
      ("cname_chain", .array(resolution.chain.map { .string($0.data.description) })),
      ("records", .array(rows.map(JSONValue.object))),
      ("network", network.json),
    ])
    if let failure { object["error"] = failure.error.json }
    return object
  }
}

extension ErrorCode {
  public static let dnsNotPointing = ErrorCode("dns_not_pointing")
  public static let dnsNoAddress = ErrorCode("dns_no_address")
}
