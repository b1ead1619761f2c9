import Testing

@testable import DNS
@testable import Diagnostics
@testable import Sockets
@testable import Values

@Suite struct DNSCheckTests {
  static let zone: [DNSRecord] = [
    a("network.closte.test", "203.0.113.10"),
    a("shop.closte.test", "203.0.113.10"),
    cname("www.shop.closte.test", "shop.closte.test"),
    cname("edge.closte.test", "lb.closte.test"),
    a("lb.closte.test", "192.0.2.80"),
    a("wrong.closte.test", "198.51.100.7"),
    aaaa("v6.closte.test", "2001:db8::10"),
    a("cf.closte.test", "104.16.1.1"),
    aaaa("cf.closte.test", "2606:4700::6810:101"),
    a("half-cf.closte.test", "104.16.1.1"),
    a("half-cf.closte.test", "198.51.100.7"),
    cname("dangling.closte.test", "nowhere.closte.test"),
    DNSRecord(name: "txt-only.closte.test", ttl: 60, data: .txt(TXTRecord(text: "hello"))),
    ns("closte.test", "ns1.closte.test"),
    ns("closte.test", "ns2.closte.test"),
  ]

  static let network = DNSNetwork(addresses: [.v4(IPv4Address(bytes: [203, 0, 113, 10]))], hosts: ["lb.closte.test"])

  static func check(_ domain: DNSName, network: DNSNetwork = network) -> DNSCheckReport {
    let transport = ScriptedDNSTransport(ScriptedDNSTransport.zone(zone))
    return DNSCheck.run(domain: domain, network: network, resolver: scriptedResolver(transport))
  }

  @Test(arguments: [
    ("shop.closte.test", DNSCheckReport.Verdict.points, DNSCheckReport.Rule?.some(.address), ["203.0.113.10"]),
    ("www.shop.closte.test", .points, .address, ["203.0.113.10"]),
    ("edge.closte.test", .points, .cname, ["lb.closte.test"]),
    ("wrong.closte.test", .wrongAddress, nil, []),
    ("v6.closte.test", .wrongAddress, nil, []),
    ("cf.closte.test", .proxied, nil, []),
    ("half-cf.closte.test", .wrongAddress, nil, []),
    ("missing.closte.test", .notFound, nil, []),
    ("dangling.closte.test", .notFound, nil, []),
    ("txt-only.closte.test", .noAddress, nil, []),
  ])
  func judgesByTheRules(domain: String, verdict: DNSCheckReport.Verdict, rule: DNSCheckReport.Rule?, matched: [String])
    throws
  {
    let report = DNSCheckTests.check(try DNSName(domain))
    #expect(report.verdict == verdict)
    #expect(report.rule == rule)
    #expect(report.matched == matched)
    #expect(report.passes == (verdict == .points || verdict == .proxied))
    #expect(!report.reason.isEmpty)
    #expect((report.hint == nil) == report.points)
    #expect((report.error == nil) == report.passes)
  }

  @Test func errorsCarryStableCodes() {
    #expect(DNSCheckTests.check("wrong.closte.test").error?.code == .dnsNotPointing)
    #expect(DNSCheckTests.check("missing.closte.test").error?.code == .dnsNameNotFound)
    #expect(DNSCheckTests.check("txt-only.closte.test").error?.code == .dnsNoAddress)
    let dangling = DNSCheckTests.check("dangling.closte.test")
    #expect(dangling.reason == "dangling.closte.test's CNAME chain ends at nowhere.closte.test, which does not exist.")
  }

  @Test func aLookupFailureIsNotAWrongAnswer() {
    let transport = ScriptedDNSTransport { _, _, _ in throw SocketFailure.timedOut }
    let report = DNSCheck.run(
      domain: "shop.closte.test", network: DNSCheckTests.network, resolver: scriptedResolver(transport, attempts: 1))
    #expect(report.verdict == .lookupFailed)
    #expect(report.error?.code == .dnsTimeout)
    #expect(report.json["error"] != nil)
    // A server silent for A is not asked for AAAA and NS as well: one question's time, not three.
    #expect(transport.exchanges.map(\.type) == ["A"])
  }

  @Test func listsTheChainTheAddressesAndTheZonesNameServers() {
    let report = DNSCheckTests.check("www.shop.closte.test")
    #expect(
      report.rows.map { row in
        ["type", "name", "value", "ttl"].map { JSONWriter.encode(row[$0]!) }.joined(separator: " ")
      } == [
        #""CNAME" "www.shop.closte.test" "shop.closte.test" 300"#,
        #""A" "shop.closte.test" "203.0.113.10" 300"#,
        #""NS" "closte.test" "ns1.closte.test" 3600"#,
        #""NS" "closte.test" "ns2.closte.test" 3600"#,
      ])
  }

  @Test func theReportAsJSON() {
    let report = DNSCheckTests.check("edge.closte.test")
    let json = JSONWriter.encode(.object(report.json))
    #expect(
      json.hasPrefix(
        #"{"domain":"edge.closte.test","points":true,"proxied":false,"verdict":"points","rule":"cname","#
          + #""matched":["lb.closte.test"],"reason":"edge.closte.test is a CNAME of lb.closte.test, the network's host.","#
          + #""hint":null,"addresses":["192.0.2.80"],"cname_chain":["lb.closte.test"],"records":["#))
    #expect(json.hasSuffix(#""network":{"addresses":["203.0.113.10"],"hosts":["lb.closte.test"]}}"#))
  }

  @Test func theNetworkHostsAreResolved() {
    let transport = ScriptedDNSTransport(ScriptedDNSTransport.zone(DNSCheckTests.zone))
    let (network, warnings, _) = DNSNetwork.resolve(
      [.host("edge.closte.test"), .address(IPAddress("2001:db8::1")!), .host("missing.closte.test")],
      resolver: scriptedResolver(transport), deadline: Deadline(secondsFromNow: 5))
    #expect(network.addresses.map(\.description) == ["192.0.2.80", "2001:db8::1"])
    #expect(network.hosts == ["edge.closte.test", "lb.closte.test", "missing.closte.test"])
    #expect(
      warnings == [
        "The network host missing.closte.test did not resolve: missing.closte.test does not exist (NXDOMAIN)."
      ])
  }

  @Test(arguments: [
    ("Shop.Example.COM.", "shop.example.com"), ("*.example.com", "*.example.com"),
    ("xn--bcher-kva.de", "xn--bcher-kva.de"),
    ("_acme.example.com", "_acme.example.com"), ("Bücher.de", "xn--bcher-kva.de"),
    ("*.bücher.de", "*.xn--bcher-kva.de"),
  ])
  func acceptsDomains(text: String, name: String) throws {
    #expect(try DomainNameCheck.parse(text).description == name)
  }

  @Test(arguments: [
    "https://example.com", "example.com/path", "example.com:8080", "-bad.example.com", "bad-.example.com",
    "a..b", "", "ex ample.com", "a.*.example.com", "bü cher.de", "bücher.de/path",
  ])
  func refusesNonDomains(text: String) {
    #expect(throws: ClosteError.self) { try DomainNameCheck.parse(text) }
  }
}
