import DNS
import Diagnostics
import Sockets

/// closte's DNS client as a `HostResolver`: the A and AAAA records at the end of the CNAME chain.
public struct DNSHostResolver: HostResolver {
  public let resolver: Resolver

  public init(resolver: Resolver) { self.resolver = resolver }

  public func addresses(of host: String, timeout: Double) async throws -> [String] {
    if let literal = SocketAddress(ip: host, port: 0) { return [literal.ip] }
    let name = try DomainNameCheck.parse(host)
    let resolution = resolver.resolveAddresses(name, deadline: Deadline(secondsFromNow: timeout))
    let addresses = resolution.addresses.map(\.description)
    guard !addresses.isEmpty else {
      let why = resolution.failures.first.map(\.description) ?? "it has no A or AAAA record"
      throw ClosteError(
        .nameNotResolved, "\(host) does not resolve: \(why).",
        hint: "Check the domain's DNS records: `closte dns check \(host)`.")
    }
    return addresses
  }
}
