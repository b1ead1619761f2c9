import DomainNames

/// Which Closte aliases an Ultimate Multisite network needs: the one rule that the bridge's autosync
/// and `wp closte domain sync --network` both follow (through `closte domain aliases`).
///
/// - The network's own host (`DOMAIN_CURRENT_SITE`) needs no alias: Closte serves it already.
/// - On a subdomain install the network has one wildcard alias, `*.<host>`, and a site's subdomain
///   (one label under the host, as WordPress makes them) is covered by it, so it is never sent.
///   Ultimate Multisite 2.4 records such a subdomain as a domain of its own and fires `wu_add_domain`
///   for it all the same.
/// - Every other domain record is one alias (`*.` names as wildcards), plus its `www.` twin when the
///   `www` policy asks for one. The default policy is `never`: Ultimate Multisite's own Closte
///   integration never adds a twin, whatever its `auto_create_www_subdomain` setting says.
public struct NetworkAliasRule: Sendable, Equatable {
  /// The network's own host.
  public let host: DomainName
  public let subdomainInstall: Bool
  public let www: WWWPolicy

  public init(host: DomainName, subdomainInstall: Bool, www: WWWPolicy = .never) {
    self.host = host
    self.subdomainInstall = subdomainInstall
    self.www = www
  }

  /// One alias Closte should have, and the domain record (or, for the wildcard, the host) it serves.
  public struct Alias: Sendable, Equatable {
    public let domain: DomainName
    public let record: String

    package init(domain: DomainName, record: String) {
      self.domain = domain
      self.record = record
    }
  }

  /// `*.<host>` on a subdomain install, else nil.
  public var networkWildcard: DomainName? {
    subdomainInstall ? try? DomainName(validating: "*." + host.name) : nil
  }

  /// Why a record needs no alias, or nil when it needs one.
  public func reasonToSkip(_ record: DomainName) -> String? {
    if record == host { return "it is the network's own host, which Closte serves already" }
    guard subdomainInstall, !record.isWildcard, record.name.hasSuffix("." + host.name) else { return nil }
    let label = record.name.dropLast(host.name.count + 1)
    return label.contains(".") ? nil : "the network's wildcard *.\(host.name) covers it"
  }

  /// The aliases one domain record needs: none, itself, or itself and its `www.` twin.
  public func aliases(for record: DomainName) -> [DomainName] {
    reasonToSkip(record) == nil ? www.expand(record) : []
  }

  /// What to remove from Closte when `removed` is unmapped: its aliases that none of the records
  /// still mapped needs (`www.example.com` stays while it is a record of its own).
  public func aliasesToRemove(for removed: DomainName, keeping records: [DomainName]) -> [DomainName] {
    let kept = Set(aliases(for: records, includingNetwork: true).map(\.domain))
    return aliases(for: removed).filter { !kept.contains($0) }
  }

  /// The aliases of many records, each once, in order: the network's wildcard first when
  /// `includingNetwork` asks for it, then each record's aliases.
  public func aliases(for records: [DomainName], includingNetwork: Bool) -> [Alias] {
    var seen: Set<DomainName> = []
    var found: [Alias] = []
    if includingNetwork, let wildcard = networkWildcard {
      seen.insert(wildcard)
      found.append(Alias(domain: wildcard, record: host.name))
    }
    for record in records {
      for alias in aliases(for: record) where seen.insert(alias).inserted {
        found.append(Alias(domain: alias, record: record.name))
      }
    }
    return found
  }
}
