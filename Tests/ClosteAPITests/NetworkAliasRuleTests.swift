import Testing

@testable import ClosteAPI
@testable import DomainNames

/// The one alias rule of autosync and `domain sync --network` (issue 13).
@Suite struct NetworkAliasRuleTests {
  static func rule(subdomain: Bool, www: WWWPolicy = .never) throws -> NetworkAliasRule {
    NetworkAliasRule(host: try DomainName(validating: "network.test"), subdomainInstall: subdomain, www: www)
  }

  static func names(_ rule: NetworkAliasRule, _ record: String) throws -> [String] {
    rule.aliases(for: try DomainName(validating: record)).map(\.name)
  }

  @Test func theHostNeverNeedsAnAlias() throws {
    #expect(try Self.names(Self.rule(subdomain: true, www: .always), "network.test") == [])
    #expect(try Self.names(Self.rule(subdomain: false, www: .always), "Network.Test.") == [])
  }

  /// Ultimate Multisite 2.4 records a new site's subdomain and fires wu_add_domain for it; the
  /// wildcard covers it, so it is never sent, nor its twin.
  @Test func aSitesSubdomainIsCoveredByTheWildcardOnASubdomainInstall() throws {
    let rule = try Self.rule(subdomain: true, www: .always)
    #expect(try Self.names(rule, "blog.network.test") == [])
    #expect(try Self.names(rule, "deep.blog.network.test") == ["deep.blog.network.test", "www.deep.blog.network.test"])
    #expect(try Self.names(rule, "blognetwork.test") == ["blognetwork.test", "www.blognetwork.test"])
  }

  @Test func onASubfolderInstallASubdomainIsAnAliasOfItsOwn() throws {
    #expect(try Self.names(Self.rule(subdomain: false), "blog.network.test") == ["blog.network.test"])
    #expect(try Self.rule(subdomain: false).networkWildcard == nil)
  }

  @Test func twinsAreOffByDefault() throws {
    #expect(try Self.names(Self.rule(subdomain: true), "example.com") == ["example.com"])
  }

  @Test(arguments: [
    (WWWPolicy.always, "shop.example.com", ["shop.example.com", "www.shop.example.com"]),
    (WWWPolicy.mainOnly, "shop.example.com", ["shop.example.com"]),
    (WWWPolicy.mainOnly, "example.co.uk", ["example.co.uk", "www.example.co.uk"]),
    (WWWPolicy.always, "www.example.com", ["www.example.com"]),
    (WWWPolicy.always, "*.example.com", ["*.example.com"]),
  ])
  func twinsFollowThePolicy(_ www: WWWPolicy, _ record: String, _ expected: [String]) throws {
    #expect(try Self.names(Self.rule(subdomain: true, www: www), record) == expected)
  }

  @Test func theNetworksListHasTheWildcardFirstAndEachAliasOnce() throws {
    let rule = try Self.rule(subdomain: true, www: .always)
    let records = try ["blog.network.test", "example.com", "www.example.com", "*.network.test"].map(
      DomainName.init(validating:))
    let list = rule.aliases(for: records, includingNetwork: true)
    #expect(list.map(\.domain.name) == ["*.network.test", "example.com", "www.example.com"])
    #expect(list.map(\.record) == ["network.test", "example.com", "example.com"])
    #expect(rule.aliases(for: records, includingNetwork: false).map(\.domain.name).first == "example.com")
  }

  @Test func unmappingRemovesWhatNoOtherRecordNeeds() throws {
    let rule = try Self.rule(subdomain: true, www: .always)
    let removed = try DomainName(validating: "example.com")
    let kept = try ["www.example.com", "shop.example.org"].map(DomainName.init(validating:))
    #expect(rule.aliasesToRemove(for: removed, keeping: kept).map(\.name) == ["example.com"])
    #expect(rule.aliasesToRemove(for: removed, keeping: []).map(\.name) == ["example.com", "www.example.com"])
    #expect(rule.aliasesToRemove(for: try DomainName(validating: "blog.network.test"), keeping: []) == [])
  }
}
