import DNS
import Diagnostics
import Sockets
import TLS

/// The stage machine's checks over the network: `dns check` against the network's addresses and
/// hosts, and `ssl check`, each bounded by `--timeout`.
public struct LiveDomainProbe: DomainProbe {
  public var resolver: Resolver
  public var expectations: [DNSNetwork.Expectation]
  public var timeout: Double
  public var ssl: SSLCheck
  public var sslRequest: @Sendable (String) -> SSLCheckRequest
  /// The network resolved once, when many domains are checked against it (`--all`); nil: each
  /// DNS check resolves it.
  public var resolvedNetwork: DNSNetwork?
  /// The network's host got no answer in time: the domains are not asked either.
  public var networkTimedOut = false

  public init(
    resolver: Resolver, expectations: [DNSNetwork.Expectation], timeout: Double, ssl: SSLCheck,
    sslRequest: @escaping @Sendable (String) -> SSLCheckRequest
  ) {
    self.resolver = resolver
    self.expectations = expectations
    self.timeout = timeout
    self.ssl = ssl
    self.sslRequest = sslRequest
  }

  /// This probe with the network resolved now, once for every domain it checks.
  public func resolvingNetwork() -> LiveDomainProbe {
    var probe = self
    let resolved = DNSNetwork.resolve(expectations, resolver: resolver, deadline: Deadline(secondsFromNow: timeout))
    probe.resolvedNetwork = resolved.network
    probe.networkTimedOut = resolved.timedOut
    return probe
  }

  public func checkDNS(_ domain: String) async -> ProbeOutcome {
    let deadline = Deadline(secondsFromNow: timeout)
    guard let name = try? DomainNameCheck.parse(domain) else {
      return ProbeOutcome(passed: false, summary: "'\(domain)' is not a domain name.")
    }
    let report: DNSCheckReport
    if let resolvedNetwork {
      report = DNSCheck.run(
        domain: name, network: resolvedNetwork, resolver: resolver,
        deadline: networkTimedOut ? Deadline(secondsFromNow: 0) : deadline)
    } else {
      report = DNSNetwork.check(name, expectations: expectations, resolver: resolver, deadline: deadline).report
    }
    return ProbeOutcome(passed: report.passes, summary: report.reason, hint: report.hint, details: report.json)
  }

  public func checkSSL(_ domain: String) async -> ProbeOutcome {
    do {
      let report = try await ssl.run(sslRequest(domain))
      return ProbeOutcome(
        passed: report.valid, summary: report.message, hint: report.reason?.hint(for: report.domain),
        details: report.json)
    } catch let error as ClosteError {
      return ProbeOutcome(passed: false, summary: error.message, hint: error.hint)
    } catch {
      return ProbeOutcome(passed: false, summary: "\(error)")
    }
  }
}
