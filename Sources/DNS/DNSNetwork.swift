import Sockets
import Values

/// What "the network" is for `dns check`: the addresses a mapped domain may resolve to, and the
/// host names its CNAME chain may reach (as Ultimate Multisite's check accepts either).
public struct DNSNetwork: Hashable, Sendable {
  public var addresses: [IPAddress]
  public var hosts: [DNSName]

  public init(addresses: [IPAddress] = [], hosts: [DNSName] = []) {
    self.addresses = addresses
    self.hosts = hosts
  }

  public var isEmpty: Bool { addresses.isEmpty && hosts.isEmpty }

  /// One way to name the network: an address, or a host name to resolve.
  public enum Expectation: Hashable, Sendable {
    case address(IPAddress)
    case host(DNSName)

    /// `203.0.113.10`, `[2001:db8::1]`, `network.example.com`; nil for anything else.
    public init?(_ text: String) {
      if let address = IPAddress(text) {
        self = .address(address)
      } else if let name = try? DomainNameCheck.parse(text) {
        self = .host(name)
      } else {
        return nil
      }
    }
  }

  /// The network from its expectations, each host resolved (and its canonical name added).
  /// A host that does not resolve is kept for the CNAME rule and reported in `warnings`. Once a host
  /// got no answer in time, the others are not asked (`timedOut`): the server is silent.
  public static func resolve(
    _ expectations: [Expectation], resolver: Resolver, deadline: Deadline
  ) -> (network: DNSNetwork, warnings: [String], timedOut: Bool) {
    var network = DNSNetwork()
    var warnings: [String] = []
    var timedOut = false
    for expectation in expectations {
      switch expectation {
      case .address(let address):
        network.add(address)
      case .host(let host):
        network.add(host)
        guard !timedOut else { continue }
        let resolution = resolver.resolveAddresses(host, deadline: deadline)
        network.add(resolution.canonicalName)
        resolution.addresses.forEach { network.add($0) }
        if let failure = resolution.failure {
          warnings.append("The network host \(host) did not resolve: \(failure).")
          timedOut = failure == .timeout
        } else if resolution.addresses.isEmpty {
          warnings.append("The network host \(host) has no A or AAAA record.")
        }
      }
    }
    return (network, warnings, timedOut)
  }

  /// The DNS check of `domain` against the network of `expectations`, within `deadline`. When the
  /// network's own host got no answer in time, the domain is not asked (it would wait as long again):
  /// it is reported as that timeout.
  public static func check(
    _ domain: DNSName, expectations: [Expectation], resolver: Resolver, deadline: Deadline
  ) -> (report: DNSCheckReport, warnings: [String]) {
    let (network, warnings, timedOut) = resolve(expectations, resolver: resolver, deadline: deadline)
    let report = DNSCheck.run(
      domain: domain, network: network, resolver: resolver,
      deadline: timedOut ? Deadline(secondsFromNow: 0) : deadline)
    return (report, warnings)
  }

  package mutating func add(_ address: IPAddress) {
    if !addresses.contains(address) { addresses.append(address) }
  }

  package mutating func add(_ host: DNSName) {
    if !hosts.contains(host) { hosts.append(host) }
  }

  public var json: JSONValue {
    [
      "addresses": .array(addresses.map { .string($0.description) }),
      "hosts": .array(hosts.map { .string($0.description) }),
    ]
  }
}
