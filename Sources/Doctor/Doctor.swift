import Diagnostics
import NetworkChecks
import Stages
import Values
import WPConfig

/// The troubleshooting guide as a checklist: wp-config.php read; MULTISITE and SUNRISE true;
/// DOMAIN_CURRENT_SITE set and resolvable; the API key present; Closte reachable and the key
/// accepted; then per domain: on Closte, DNS points at the network, SSL valid (checked only when
/// the DNS points at the network or is proxied, so closte never connects elsewhere). A check whose
/// prerequisite failed is left out (the failed item says so), so one problem is reported once.
public struct Doctor: Sendable {
  /// A certificate with fewer days left than this is a warning.
  public static let expiryWarningDays = 14

  public var probe: DoctorProbe

  public init(probe: DoctorProbe) { self.probe = probe }

  /// The checklist, and with many domains the summary of each (`--all`).
  public struct Run: Sendable {
    public var items: [DoctorItem]
    public var rows: [NetworkCheckRow]

    package init(items: [DoctorItem], rows: [NetworkCheckRow]) {
      self.items = items
      self.rows = rows
    }
  }

  public func run(domains: [String], all: Bool) async -> [DoctorItem] {
    await run(domains: domains, all: all, concurrency: 1).items
  }

  /// The checklist; the domains are checked `concurrency` at a time: `onStart` learns how many,
  /// `onDomain` gets each as it completes (its summary row and its items), and the result lists them
  /// in order.
  public func run(
    domains: [String], all: Bool, concurrency: Int, onStart: (Int) -> Void = { _ in },
    onDomain: (NetworkCheckRow, [DoctorItem]) -> Void = { _, _ in }
  ) async -> Run {
    var items: [DoctorItem] = []
    do {
      let config = try probe.config()
      items.append(DoctorItem("wp-config", .pass, "Read \(config.path)."))
      items.append(flag("MULTISITE", check: "multisite", in: config, hint: Hints.multisite))
      items.append(flag("SUNRISE", check: "sunrise", in: config, hint: Hints.sunrise))
      items.append(await domainCurrentSite(config))
    } catch {
      let problem = ClosteError.wrap(error)
      items.append(
        DoctorItem(
          "wp-config", .fail, problem.message + " MULTISITE, SUNRISE and DOMAIN_CURRENT_SITE were not checked.",
          hint: problem.hint ?? Hints.config))
    }

    var aliases: [String]?
    do {
      let source = try probe.apiKeySource()
      items.append(DoctorItem("api-key", .pass, "CLOSTE_CLIENT_API_KEY is set (in \(source))."))
      switch probe.httpRoute() {
      case .success(let route)?: items.append(DoctorItem("http-proxy", .pass, route))
      case .failure(let error)?: items.append(DoctorItem("http-proxy", .fail, error.message, hint: error.hint))
      case nil: break
      }
      switch await probe.closteAliases() {
      case .success(let list):
        aliases = list
        let count = list.map { " (\($0.count) domain aliases)" } ?? ""
        items.append(DoctorItem("closte-api", .pass, "Closte accepted the API key\(count)."))
      case .failure(let error):
        items.append(DoctorItem("closte-api", .fail, error.message, hint: error.hint ?? Hints.closteAPI))
      }
    } catch {
      let problem = ClosteError.wrap(error)
      items.append(
        DoctorItem(
          "api-key", .fail, problem.message + " Closte was not asked.", hint: problem.hint ?? Hints.apiKey))
    }

    var checked = domains
    if all {
      if let aliases {
        let network = NetworkDomains(given: domains, aliases: aliases)
        checked = network.domains
        let wildcards = network.wildcards
        if wildcards > 0 {
          items.append(
            DoctorItem(
              "domains", .warn, "\(wildcards) wildcard alias(es) not checked: DNS and SSL need a concrete name.",
              hint: "Check one name under each wildcard: `closte doctor sub.example.com`."))
        }
      } else {
        items.append(
          DoctorItem(
            "domains", .fail, "--all needs Closte's alias list, which could not be read.", hint: Hints.closteAPI))
      }
    }
    let knownAliases = aliases
    onStart(checked.count)
    let checks = await ConcurrentChecks.run(checked, concurrency: concurrency) { domain in
      await self.check(domain, aliases: knownAliases)
    } onResult: { _, check in
      onDomain(check.row, check.items)
    }
    return Run(items: items + checks.flatMap(\.items), rows: checks.map(\.row))
  }

  /// One domain's items (on Closte, DNS, SSL) and its summary row.
  package func check(_ domain: String, aliases: [String]?) async -> (items: [DoctorItem], row: NetworkCheckRow) {
    var items: [DoctorItem] = []
    if let aliases { items.append(onCloste(domain, aliases: aliases)) }
    let dns = await probe.dns(domain)
    items.append(dnsItem(domain, dns))
    // A domain that points elsewhere serves someone else's certificate, if any: not ours to judge.
    var ssl: SSLFinding?
    if dns.verdict != .notPointing {
      let finding = await probe.ssl(domain)
      ssl = finding
      items.append(sslItem(domain, finding))
    }
    let stage: DomainStage = dns.verdict == .notPointing ? .checkingDNS : (ssl?.valid == true ? .done : .checkingSSL)
    let row = NetworkCheckRow(
      domain: domain, dns: dns.check ?? dns.verdict.name, ssl: ssl.map { $0.valid ? "valid" : $0.reason ?? "invalid" },
      daysLeft: ssl?.daysLeft, onCloste: aliases.map { ClosteAliasCoverage.covers($0, domain) }, stage: stage,
      hint: items.first { $0.status != .pass }?.hint)
    return (items, row)
  }

  // MARK: The items

  package func flag(_ name: String, check: String, in config: WPConfig, hint: String) -> DoctorItem {
    guard let item = config.constant(name) else {
      return DoctorItem(check, .fail, "\(config.path) does not define \(name).", hint: hint)
    }
    guard item.resolved, let value = item.value else {
      return DoctorItem(
        check, .warn,
        "\(name) (line \(item.line)) is an expression closte cannot evaluate"
          + (item.reason.map { ": \($0)" } ?? "") + ".", hint: hint)
    }
    guard value.truthy else { return DoctorItem(check, .fail, "\(name) is not true (line \(item.line)).", hint: hint) }
    if item.conditional {
      return DoctorItem(check, .warn, "\(name) is true, but defined under a condition (line \(item.line)).", hint: hint)
    }
    return DoctorItem(check, .pass, "\(name) is true.")
  }

  package func domainCurrentSite(_ config: WPConfig) async -> DoctorItem {
    let check = "domain-current-site"
    guard case .string(let value)? = config.constantValue("DOMAIN_CURRENT_SITE"), !value.trimmingSpaces.isEmpty else {
      return DoctorItem(check, .fail, "DOMAIN_CURRENT_SITE is not set.", hint: Hints.domainCurrentSite)
    }
    // The constant may carry a port (`example.com:8080`); DNS knows only the host.
    let host = String(value.trimmingSpaces.split(separator: ":").first ?? "")
    switch await probe.resolve(host) {
    case .success(let addresses):
      return DoctorItem(check, .pass, "\(host) resolves to \(addresses.joined(separator: ", ")).")
    case .failure(let error):
      return DoctorItem(
        check, .fail, error.message, hint: "The network's main domain must resolve: `closte dns check \(host)`.")
    }
  }

  package func onCloste(_ domain: String, aliases: [String]) -> DoctorItem {
    if aliases.contains(domain) {
      return DoctorItem("on-closte", domain: domain, .pass, "\(domain) is a Closte alias.")
    }
    if ClosteAliasCoverage.covers(aliases, domain), let dot = domain.firstIndex(of: ".") {
      return DoctorItem("on-closte", domain: domain, .pass, "\(domain) is covered by the alias *\(domain[dot...]).")
    }
    return DoctorItem(
      "on-closte", domain: domain, .fail, "\(domain) is not among Closte's aliases.",
      hint: "Add it: `closte domain add \(domain)`. Closte issues its certificate 5-10 minutes later.")
  }

  package func dnsItem(_ domain: String, _ finding: DNSFinding) -> DoctorItem {
    switch finding.verdict {
    case .points: return DoctorItem("dns", domain: domain, .pass, finding.summary)
    case .proxied: return DoctorItem("dns", domain: domain, .warn, finding.summary, hint: finding.hint)
    case .notPointing:
      return DoctorItem(
        "dns", domain: domain, .fail, finding.summary + " The SSL check was not run.", hint: finding.hint ?? Hints.dns)
    }
  }

  package func sslItem(_ domain: String, _ finding: SSLFinding) -> DoctorItem {
    guard finding.valid else {
      return DoctorItem("ssl", domain: domain, .fail, finding.summary, hint: finding.hint ?? Hints.ssl)
    }
    if let days = finding.daysLeft, days < Self.expiryWarningDays {
      return DoctorItem(
        "ssl", domain: domain, .warn, finding.summary + " It expires in \(days) day\(days == 1 ? "" : "s").",
        hint: "Closte renews certificates while the domain points at its server: check the DNS, or ask Closte.")
    }
    return DoctorItem("ssl", domain: domain, .pass, finding.summary)
  }
}

extension ClosteError {
  /// Any error as a `ClosteError` (they all are; this keeps `doctor` from aborting if one is not).
  package static func wrap(_ error: Error) -> ClosteError {
    (error as? ClosteError) ?? ClosteError(.internalError, "\(error)")
  }
}
