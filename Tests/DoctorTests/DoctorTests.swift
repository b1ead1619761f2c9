import Testing

@testable import Diagnostics
@testable import Doctor
@testable import Values
@testable import WPConfig

/// A world for `doctor`, described by values.
struct FakeDoctorProbe: DoctorProbe {
  var configResult: Result<WPConfig, ClosteError>
  var keySource: Result<String, ClosteError> = .success("wp-config.php")
  var hosts: [String: [String]] = ["network.example.com": ["203.0.113.10"]]
  var aliases: Result<[String]?, ClosteError> = .success(["shop.example.com"])
  var dnsFindings: [String: DNSFinding] = [:]
  var sslFindings: [String: SSLFinding] = [:]

  func config() throws -> WPConfig { try configResult.get() }
  func apiKeySource() throws -> String { try keySource.get() }

  func resolve(_ host: String) async -> Result<[String], ClosteError> {
    guard let addresses = hosts[host] else {
      return .failure(ClosteError(.nameNotResolved, "\(host) does not resolve: NXDOMAIN."))
    }
    return .success(addresses)
  }

  func closteAliases() async -> Result<[String]?, ClosteError> { aliases }

  func dns(_ domain: String) async -> DNSFinding {
    dnsFindings[domain] ?? DNSFinding(.points, "\(domain) resolves to 203.0.113.10, the network's address.")
  }

  func ssl(_ domain: String) async -> SSLFinding {
    sslFindings[domain] ?? SSLFinding(valid: true, daysLeft: 80, "The certificate is valid for \(domain).")
  }
}

func makeConfig(_ constants: [(String, PHPValue?)], conditional: Set<String> = []) -> WPConfig {
  WPConfig(
    path: "/var/www/html/wp-config.php",
    items: constants.enumerated().map { index, entry in
      ConfigItem(
        name: entry.0, type: .constant, value: entry.1, resolved: entry.1 != nil,
        reason: entry.1 == nil ? "calls getenv()" : nil, file: "/var/www/html/wp-config.php", line: index + 2,
        conditional: conditional.contains(entry.0))
    })
}

let goodConfig = makeConfig([
  ("MULTISITE", .bool(true)), ("SUNRISE", .string("on")), ("DOMAIN_CURRENT_SITE", .string("network.example.com")),
])

@Suite struct DoctorTests {
  func statuses(_ items: [DoctorItem]) -> [String] {
    items.map { "\($0.check)\($0.domain.map { " " + $0 } ?? ""): \($0.status.rawValue)" }
  }

  @Test func aHealthyNetworkPassesEverything() async {
    let items = await Doctor(probe: FakeDoctorProbe(configResult: .success(goodConfig)))
      .run(domains: ["shop.example.com"], all: false)
    #expect(
      statuses(items) == [
        "wp-config: pass", "multisite: pass", "sunrise: pass", "domain-current-site: pass", "api-key: pass",
        "closte-api: pass", "on-closte shop.example.com: pass", "dns shop.example.com: pass",
        "ssl shop.example.com: pass",
      ])
    #expect(items.allSatisfy { $0.hint == nil })
    #expect(items[3].message == "network.example.com resolves to 203.0.113.10.")
    #expect(items[5].message == "Closte accepted the API key (1 domain aliases).")
  }

  @Test func aBrokenConfigIsAFailedItemAndTheRestStillRuns() async {
    let probe = FakeDoctorProbe(
      configResult: .failure(ClosteError(.internalError, "There is no wp-config.php in /tmp or any folder above it.")),
      keySource: .success("the CLOSTE_CLIENT_API_KEY environment variable"))
    let items = await Doctor(probe: probe).run(domains: [], all: false)
    #expect(statuses(items) == ["wp-config: fail", "api-key: pass", "closte-api: pass"])
    #expect(items[0].message.hasSuffix("MULTISITE, SUNRISE and DOMAIN_CURRENT_SITE were not checked."))
    #expect(items[0].hint != nil)
  }

  @Test(arguments: [
    (PHPValue?.some(.bool(true)), false, DoctorItem.Status.pass),
    (.some(.int(1)), false, .pass),
    (.some(.bool(false)), false, .fail),
    (.some(.string("")), false, .fail),
    (.some(.string("0")), false, .fail),
    (PHPValue?.none, false, .warn),
    (.some(.bool(true)), true, .warn),
  ])
  func multisiteFlag(value: PHPValue?, conditional: Bool, expected: DoctorItem.Status) {
    let config = makeConfig([("MULTISITE", value)], conditional: conditional ? ["MULTISITE"] : [])
    let item = Doctor(probe: FakeDoctorProbe(configResult: .success(config)))
      .flag("MULTISITE", check: "multisite", in: config, hint: "hint")
    #expect(item.status == expected)
    #expect((item.hint == nil) == (expected == .pass))
  }

  @Test func missingConstantsFailWithTheGuidesHints() async {
    let config = makeConfig([("MULTISITE", .bool(true))])
    let items = await Doctor(probe: FakeDoctorProbe(configResult: .success(config))).run(domains: [], all: false)
    let sunrise = items.first { $0.check == "sunrise" }
    #expect(sunrise?.status == .fail)
    #expect(sunrise?.hint?.contains("define('SUNRISE', true)") == true)
    #expect(items.first { $0.check == "domain-current-site" }?.status == .fail)
  }

  @Test func domainCurrentSiteWithAPortResolvesTheHost() async {
    let config = makeConfig([("DOMAIN_CURRENT_SITE", .string("network.example.com:8080"))])
    let item = await Doctor(probe: FakeDoctorProbe(configResult: .success(config))).domainCurrentSite(config)
    #expect(item.status == .pass)
    let unknown = makeConfig([("DOMAIN_CURRENT_SITE", .string("gone.example.com"))])
    let failed = await Doctor(probe: FakeDoctorProbe(configResult: .success(unknown))).domainCurrentSite(unknown)
    #expect(failed.status == .fail)
    #expect(failed.hint == "The network's main domain must resolve: `closte dns check gone.example.com`.")
  }

  @Test func withoutAKeyClosteIsNotAsked() async {
    var probe = FakeDoctorProbe(configResult: .success(goodConfig))
    probe.keySource = .failure(ClosteError(ErrorCode("api_key_missing"), "No Closte API key."))
    let items = await Doctor(probe: probe).run(domains: ["shop.example.com"], all: true)
    #expect(!items.contains { $0.check == "closte-api" || $0.check == "on-closte" })
    #expect(items.first { $0.check == "api-key" }?.message == "No Closte API key. Closte was not asked.")
    // --all cannot list the aliases.
    #expect(items.first { $0.check == "domains" }?.status == .fail)
    #expect(items.contains { $0.check == "dns" && $0.domain == "shop.example.com" })
  }

  @Test func aRefusedKeyFailsAndSkipsTheAliasChecks() async {
    var probe = FakeDoctorProbe(configResult: .success(goodConfig))
    probe.aliases = .failure(
      ClosteError(
        ErrorCode("api_unauthorized"), "Closte rejected the API key: Invalid API key.", hint: "Check the key."))
    let items = await Doctor(probe: probe).run(domains: ["shop.example.com"], all: false)
    let api = items.first { $0.check == "closte-api" }
    #expect(api?.status == .fail)
    #expect(api?.hint == "Check the key.")
    #expect(!items.contains { $0.check == "on-closte" })
  }

  @Test func allChecksEveryAliasAndCountsWildcards() async {
    var probe = FakeDoctorProbe(configResult: .success(goodConfig))
    probe.aliases = .success(["shop.example.com", "*.example.org", "blog.example.org"])
    let items = await Doctor(probe: probe).run(domains: ["shop.example.com"], all: true)
    let domains = items.compactMap(\.domain)
    #expect(domains == Array(repeating: "shop.example.com", count: 3) + Array(repeating: "blog.example.org", count: 3))
    #expect(items.first { $0.check == "domains" }?.status == .warn)
  }

  @Test func aDomainPointingElsewhereGetsNoSSLCheck() async {
    var probe = FakeDoctorProbe(configResult: .success(goodConfig))
    probe.dnsFindings["new.example.com"] = DNSFinding(.notPointing, "new.example.com resolves to 198.51.100.7.")
    let items = await Doctor(probe: probe).run(domains: ["new.example.com"], all: false)
    #expect(statuses(items).suffix(2) == ["on-closte new.example.com: fail", "dns new.example.com: fail"])
    #expect(items.last?.message == "new.example.com resolves to 198.51.100.7. The SSL check was not run.")
  }

  @Test(arguments: [
    ("shop.example.com", ["shop.example.com"], DoctorItem.Status.pass),
    ("a.example.org", ["*.example.org"], .pass),
    ("a.b.example.org", ["*.example.org"], .fail),
    ("example.org", ["*.example.org"], .fail),
    ("new.example.com", ["shop.example.com"], .fail),
  ])
  func onCloste(domain: String, aliases: [String], expected: DoctorItem.Status) {
    let item = Doctor(probe: FakeDoctorProbe(configResult: .success(goodConfig))).onCloste(domain, aliases: aliases)
    #expect(item.status == expected)
    if expected == .fail { #expect(item.hint?.contains("closte domain add \(domain)") == true) }
  }

  @Test(arguments: [
    (DNSFinding(.points, "points"), DoctorItem.Status.pass),
    (DNSFinding(.proxied, "proxied", hint: "Cloudflare"), .warn),
    (DNSFinding(.notPointing, "elsewhere"), .fail),
  ])
  func dnsGrades(finding: DNSFinding, expected: DoctorItem.Status) {
    #expect(
      Doctor(probe: FakeDoctorProbe(configResult: .success(goodConfig))).dnsItem("a.test", finding).status == expected)
  }

  @Test(arguments: [
    (SSLFinding(valid: true, daysLeft: 80, "valid"), DoctorItem.Status.pass, false),
    (SSLFinding(valid: true, daysLeft: 14, "valid"), .pass, false),
    (SSLFinding(valid: true, daysLeft: 5, "valid"), .warn, true),
    (SSLFinding(valid: false, daysLeft: -3, "expired", hint: "renew"), .fail, false),
  ])
  func sslGrades(finding: SSLFinding, expected: DoctorItem.Status, mentionsDays: Bool) {
    let item = Doctor(probe: FakeDoctorProbe(configResult: .success(goodConfig))).sslItem("a.test", finding)
    #expect(item.status == expected)
    #expect(item.message.contains("expires in 5 days") == mentionsDays)
  }
}
