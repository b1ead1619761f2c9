/// "The whole network" of `--all`: the domains given on the command line, then every alias Closte
/// lists, once each. Closte's aliases are the domains that need DNS pointing at the server and a
/// certificate; a domain mapped in WordPress but missing on Closte is `domain sync --dry-run`'s
/// `add` (or can be given as an argument, and shows `on_closte: no`). A wildcard alias is counted,
/// not checked: DNS and SSL need a concrete name.
public struct NetworkDomains: Sendable, Equatable {
  public var domains: [String]
  public var wildcards: Int

  public init(given: [String], aliases: [String]) {
    var domains: [String] = []
    var seen: Set<String> = []
    for domain in given + aliases.filter({ !$0.hasPrefix("*.") }) where seen.insert(domain).inserted {
      domains.append(domain)
    }
    self.domains = domains
    wildcards = aliases.filter { $0.hasPrefix("*.") }.count
  }

  public var wildcardWarning: String? {
    wildcards == 0
      ? nil
      : "\(wildcards) wildcard alias(es) not checked: DNS and SSL need a concrete name. "
        + "Check one name under each wildcard: `closte domain status sub.example.com`."
  }
}
