import Sockets

/// `dns check`'s work, shared with `domain status` and `doctor`: the domain's A, AAAA, CNAME and NS
/// records, and whether it points at the network.
///
/// The rules, in order (Ultimate Multisite's own check accepts the first two):
/// 1. `address`: one of the domain's addresses, after its CNAME chain, is one of the network's;
/// 2. `cname`: the domain's CNAME chain reaches one of the network's hosts;
/// 3. otherwise, when every address is in Cloudflare's proxy ranges, it is `proxied`: a warning,
///    since the records cannot show where the proxy sends traffic.
public enum DNSCheck {
  public static func run(
    domain: DNSName, network: DNSNetwork, resolver: Resolver, deadline: Deadline? = nil
  ) -> DNSCheckReport {
    let deadline = deadline ?? resolver.defaultDeadline()
    let resolution = resolver.resolveAddresses(domain, deadline: deadline)
    var report = DNSCheckReport(domain: domain, network: network, resolution: resolution)
    // A server silent for the addresses is silent for NS too: the check ends in one question's time.
    let (nameServers, nsLookups) =
      resolution.failures.contains(.timeout) ? ([], []) : nameServers(of: resolution.name, resolver, deadline)
    report.records = resolution.chain + resolution.records + nameServers
    report.lookups = resolution.lookups + nsLookups
    judge(&report)
    return report
  }

  /// The NS records of the domain, or of the zone it is in (the SOA owner of a negative answer).
  package static func nameServers(
    of domain: DNSName, _ resolver: Resolver, _ deadline: Deadline
  ) -> (records: [DNSRecord], lookups: [DNSLookup]) {
    let lookup = resolver.query(domain, .ns, deadline: deadline)
    // The domain's own NS records, those at the end of its CNAME chain, or (as some servers answer)
    // those of a zone above it.
    var owners: Set<DNSName> = [domain]
    for record in lookup.answers { if case .cname(let link) = record.data { owners.insert(link.target) } }
    let found = lookup.answers.filter {
      $0.type == .ns && (owners.contains($0.name) || domain.isSubdomain(of: $0.name))
    }
    if !found.isEmpty { return (found, [lookup]) }
    guard let zone = lookup.message?.authorities.first(where: { $0.type == .soa })?.name, zone != domain else {
      return ([], [lookup])
    }
    let zoneLookup = resolver.query(zone, .ns, deadline: deadline)
    return (zoneLookup.records, [lookup, zoneLookup])
  }

  package static func judge(_ report: inout DNSCheckReport) {
    let domain = report.domain
    let network = report.network
    let addresses = report.resolution.addresses
    let chainTargets = report.resolution.chain.compactMap { record -> DNSName? in
      if case .cname(let cname) = record.data { return cname.target }
      return nil
    }
    let matchedAddresses = addresses.filter { network.addresses.contains($0) }
    if !matchedAddresses.isEmpty {
      report.verdict = .points
      report.rule = .address
      report.matched = matchedAddresses.map(\.description)
      report.reason = "\(domain) resolves to \(list(matchedAddresses)), the network's address."
      return
    }
    if let host = chainTargets.first(where: { network.hosts.contains($0) }) {
      report.verdict = .points
      report.rule = .cname
      report.matched = [host.description]
      report.reason = "\(domain) is a CNAME of \(host), the network's host."
      return
    }
    let expected = describe(network)
    let propagation =
      " DNS changes can take a while to propagate; Ultimate Multisite checks again every DNS check interval "
      + "(300 s by default, as low as 10 s for testing)."
    func pointHint(_ action: String) -> String {
      "At the domain's DNS provider, \(action)" + (expected.isEmpty ? "." : ": \(expected).") + propagation
    }
    if !addresses.isEmpty && addresses.allSatisfy(CloudflareRanges.contains) {
      report.verdict = .proxied
      report.reason =
        "\(domain) resolves only to Cloudflare proxy addresses (\(list(addresses))): "
        + "the records cannot show where the proxy sends traffic."
      report.hint =
        "Make sure the proxied record's origin in Cloudflare's DNS settings is the network"
        + (expected.isEmpty ? "" : " (\(expected))")
        + ", or set it to \"DNS only\" while Closte issues the SSL certificate."
      return
    }
    report.hint = pointHint("point \(domain) at the network")
    if !addresses.isEmpty {
      report.verdict = .wrongAddress
      report.reason =
        "\(domain) resolves to \(list(addresses)), not to the network"
        + (network.addresses.isEmpty ? "." : " (\(list(network.addresses))).")
      return
    }
    switch report.resolution.failure {
    case .nameNotFound(let missing)?:
      report.verdict = .notFound
      report.hint = pointHint("create the record for \(missing)")
      report.reason =
        missing == domain
        ? "\(domain) does not exist (NXDOMAIN)." : "\(domain)'s CNAME chain ends at \(missing), which does not exist."
    case let failure?:
      report.verdict = .lookupFailed
      report.failure = failure
      report.reason = "The DNS lookup of \(domain) failed: \(failure)."
      report.hint = failure.error.hint
    case nil:
      report.verdict = .noAddress
      report.hint = pointHint("create the record for \(report.resolution.canonicalName)")
      report.reason =
        "\(domain) has no A or AAAA record" + (chainTargets.isEmpty ? "." : " at the end of its CNAME chain.")
    }
  }

  /// `an A record to 203.0.113.10, or a CNAME to network.example.com`.
  package static func describe(_ network: DNSNetwork) -> String {
    var parts: [String] = []
    for address in network.addresses.prefix(3) {
      switch address {
      case .v4: parts.append("an A record to \(address)")
      case .v6: parts.append("an AAAA record to \(address)")
      }
    }
    if let host = network.hosts.first { parts.append("a CNAME to \(host)") }
    return parts.joined(separator: ", or ")
  }

  /// `198.51.100.7, 198.51.100.8`; past five, `... and 35 more`.
  package static func list(_ addresses: [IPAddress]) -> String {
    let shown = addresses.prefix(5).map(\.description).joined(separator: ", ")
    return addresses.count > 5 ? shown + " and \(addresses.count - 5) more" : shown
  }
}
