import Testing

@testable import DNS
@testable import Sockets

@Suite struct ResolverTests {
  static let zone: [DNSRecord] = [
    a("network.closte.test", "203.0.113.10"),
    cname("www.shop.closte.test", "shop.closte.test"),
    a("shop.closte.test", "203.0.113.10"),
    aaaa("shop.closte.test", "2001:db8::10"),
    cname("loop1.closte.test", "loop2.closte.test"),
    cname("loop2.closte.test", "loop1.closte.test"),
    cname("dangling.closte.test", "nowhere.closte.test"),
    ns("closte.test", "ns1.closte.test"),
  ]

  @Test func asksWithTheInjectedIdAndReturnsTheRecords() {
    let transport = ScriptedDNSTransport(ScriptedDNSTransport.zone(ResolverTests.zone))
    let lookup = scriptedResolver(transport).query("shop.closte.test", .a)
    #expect(lookup.failure == nil)
    #expect(lookup.records == [a("shop.closte.test", "203.0.113.10")])
    #expect(!lookup.usedTCP)
    #expect(
      transport.exchanges == [.init(server: "192.0.2.53:53", proto: .udp, name: "shop.closte.test", type: "A", id: 1)])
  }

  @Test func nxdomainIsItsOwnResultWithTheZonesSOA() {
    let transport = ScriptedDNSTransport(ScriptedDNSTransport.zone(ResolverTests.zone))
    let lookup = scriptedResolver(transport).query("missing.closte.test", .a)
    #expect(lookup.failure == .nameNotFound("missing.closte.test"))
    #expect(lookup.failure?.code == .dnsNameNotFound)
    #expect(lookup.message?.authorities.first?.type == .soa)
  }

  @Test func aTruncatedAnswerIsAskedAgainOverTCP() throws {
    let transport = ScriptedDNSTransport { query, _, proto in
      var reply = ScriptedDNSTransport.answer(to: query, answers: (1...40).map { a("big.closte.test", "10.0.0.\($0)") })
      if proto == .udp {
        // What a server sends over UDP: the header with TC, cut at 512 bytes.
        reply.isTruncated = true
        return Array(try reply.encode().prefix(512))
      }
      return try reply.encode()
    }
    let lookup = scriptedResolver(transport).query("big.closte.test", .a)
    #expect(lookup.failure == nil)
    #expect(lookup.usedTCP)
    #expect(lookup.records.count == 40)
    #expect(transport.exchanges.map(\.proto) == [.udp, .tcp])
  }

  @Test func whenUDPFailsTCPIsTried() {
    let transport = ScriptedDNSTransport { query, _, proto in
      if proto == .udp { throw SocketFailure.unreachable("connection refused") }
      return try ScriptedDNSTransport.answer(to: query, answers: [a("shop.closte.test", "203.0.113.10")]).encode()
    }
    let lookup = scriptedResolver(transport).query("shop.closte.test", .a)
    #expect(lookup.usedTCP && lookup.records.count == 1)
  }

  @Test func timeoutsAreRetriedOverEveryServerThenReported() {
    let transport = ScriptedDNSTransport { _, _, _ in throw SocketFailure.timedOut }
    let lookup = scriptedResolver(transport, servers: ["192.0.2.1", "192.0.2.2:5353"], attempts: 2)
      .query("shop.closte.test", .a)
    #expect(lookup.failure == .timeout)
    #expect(lookup.failure?.code == .dnsTimeout)
    #expect(
      transport.exchanges.map(\.server) == ["192.0.2.1:53", "192.0.2.2:5353", "192.0.2.1:53", "192.0.2.2:5353"])
    #expect(transport.exchanges.allSatisfy { $0.proto == .udp })
  }

  @Test func aServerFailureMovesOnToTheNextServer() throws {
    let transport = ScriptedDNSTransport { query, server, _ in
      if server.port == 53 {
        return try ScriptedDNSTransport.answer(to: query, answers: [], code: .serverFailure).encode()
      }
      return try ScriptedDNSTransport.answer(to: query, answers: [a("shop.closte.test", "203.0.113.10")]).encode()
    }
    let lookup = scriptedResolver(transport, servers: ["192.0.2.1", "192.0.2.2:5353"]).query("shop.closte.test", .a)
    #expect(lookup.failure == nil && lookup.server?.port == 5353)
  }

  @Test func serverFailureIsReportedWhenEveryServerFails() throws {
    let transport = ScriptedDNSTransport { query, _, _ in
      try ScriptedDNSTransport.answer(to: query, answers: [], code: .serverFailure).encode()
    }
    let lookup = scriptedResolver(transport, attempts: 1).query("shop.closte.test", .a)
    #expect(lookup.failure == .serverFailure(.serverFailure))
    #expect(lookup.failure?.code == .dnsServerFailure)
  }

  @Test(arguments: [
    // Garbage.
    [UInt8]([0, 1, 0x81, 0x80, 0, 1]),
    // A valid message that answers another question.
    try! ScriptedDNSTransport.answer(
      to: DNSMessage.query(id: 1, name: "other.closte.test", type: .a), answers: []
    ).encode(),
    // A query, not an answer (QR clear).
    try! DNSMessage.query(id: 1, name: "shop.closte.test", type: .a).encode(),
  ])
  func malformedAnswersAreTheirOwnResult(reply: [UInt8]) {
    let transport = ScriptedDNSTransport { _, _, _ in reply }
    let lookup = scriptedResolver(transport, attempts: 1).query("shop.closte.test", .a)
    guard case .malformed? = lookup.failure else {
      Issue.record("expected malformed, got \(String(describing: lookup.failure))")
      return
    }
    #expect(lookup.failure?.code == .dnsMalformedAnswer)
  }

  @Test func anAnswerWithAnotherIdIsIgnored() throws {
    let transport = ScriptedDNSTransport { query, _, _ in
      var reply = ScriptedDNSTransport.answer(to: query, answers: [a("shop.closte.test", "198.51.100.66")])
      reply.id &+= 1
      return try reply.encode()
    }
    let lookup = scriptedResolver(transport, attempts: 1).query("shop.closte.test", .a)
    #expect(lookup.failure == .timeout)
  }

  @Test func unreachableServersAreTheirOwnResult() {
    let transport = ScriptedDNSTransport { _, _, _ in throw SocketFailure.unreachable("connection refused") }
    let lookup = scriptedResolver(transport, attempts: 1).query("shop.closte.test", .a)
    guard case .unreachable? = lookup.failure else {
      Issue.record("expected unreachable, got \(String(describing: lookup.failure))")
      return
    }
  }

  @Test func namesAreComparedWithoutCaseInTheAnswer() throws {
    let transport = ScriptedDNSTransport { query, _, _ in
      var reply = ScriptedDNSTransport.answer(to: query, answers: [a("SHOP.Closte.TEST", "203.0.113.10")])
      reply.questions = [DNSQuestion(name: "Shop.CLOSTE.test", type: .a)]
      return try reply.encode()
    }
    #expect(scriptedResolver(transport).query("shop.closte.test", .a).records.count == 1)
  }

  // resolveAddresses

  @Test func followsACNAMEChainToBothFamilies() {
    let transport = ScriptedDNSTransport(ScriptedDNSTransport.zone(ResolverTests.zone))
    let resolution = scriptedResolver(transport).resolveAddresses("www.shop.closte.test")
    #expect(resolution.chain == [cname("www.shop.closte.test", "shop.closte.test")])
    #expect(resolution.canonicalName == "shop.closte.test")
    #expect(resolution.addresses.map(\.description) == ["203.0.113.10", "2001:db8::10"])
    #expect(resolution.failure == nil)
    // AAAA is asked of the canonical name, so the chain is walked once.
    #expect(transport.exchanges.map { "\($0.type) \($0.name)" } == ["A www.shop.closte.test", "AAAA shop.closte.test"])
  }

  @Test func asksAgainWhenAServerStopsAtACNAME() throws {
    // A server that answers only with the records it owns, as an authoritative server does.
    let transport = ScriptedDNSTransport { query, _, _ in
      let question = query.questions[0]
      let owned = ResolverTests.zone.filter {
        $0.name == question.name && ($0.type == question.type || $0.type == .cname)
      }
      return try ScriptedDNSTransport.answer(to: query, answers: owned).encode()
    }
    let resolution = scriptedResolver(transport).resolveAddresses("www.shop.closte.test")
    #expect(resolution.addresses.count == 2)
    #expect(
      transport.exchanges.map { "\($0.type) \($0.name)" } == [
        "A www.shop.closte.test", "A shop.closte.test", "AAAA shop.closte.test",
      ])
  }

  @Test func aCNAMELoopIsReported() {
    let transport = ScriptedDNSTransport(ScriptedDNSTransport.zone(ResolverTests.zone))
    let resolution = scriptedResolver(transport).resolveAddresses("loop1.closte.test")
    #expect(resolution.failure == .cnameLoop("loop1.closte.test"))
    #expect(resolution.failure?.code == .dnsCNAMELoop)
  }

  @Test func aChainLongerThanTheLimitIsReported() throws {
    // c0 → c1 → c2 → ... each server answer holds one link only.
    let transport = ScriptedDNSTransport { query, _, _ in
      let name = query.questions[0].name.description
      let number = Int(name.dropFirst().prefix { $0 != "." }) ?? 0
      return try ScriptedDNSTransport.answer(to: query, answers: [cname(name, "c\(number + 1).closte.test")]).encode()
    }
    let resolution = scriptedResolver(transport).resolveAddresses("c0.closte.test")
    #expect(resolution.failure == .cnameChainTooLong(Resolver.maximumChainLength))
    #expect(resolution.chain.count == Resolver.maximumChainLength)
  }

  @Test func aDanglingCNAMEEndsInNXDOMAINForItsTarget() {
    let transport = ScriptedDNSTransport(ScriptedDNSTransport.zone(ResolverTests.zone))
    let resolution = scriptedResolver(transport).resolveAddresses("dangling.closte.test")
    #expect(resolution.chain.count == 1)
    #expect(resolution.failure == .nameNotFound("nowhere.closte.test"))
  }

  // The search list (glibc's res_search)

  static func searching(_ transport: ScriptedDNSTransport, ndots: Int = 1) -> Resolver {
    var resolver = scriptedResolver(transport)
    resolver.configuration.search = ["corp.test", "closte.test"]
    resolver.configuration.ndots = ndots
    return resolver
  }

  @Test func namesWithFewerDotsThanNdotsAreTriedWithTheSearchDomainsFirst() {
    let configuration = Self.searching(ScriptedDNSTransport { _, _, _ in [] }, ndots: 2).configuration
    #expect(configuration.searchNames(for: "shop") == ["shop.corp.test", "shop.closte.test", "shop"])
    #expect(configuration.searchNames(for: "shop.eu") == ["shop.eu.corp.test", "shop.eu.closte.test", "shop.eu"])
    #expect(configuration.searchNames(for: "shop.closte.test") == ["shop.closte.test"])
    var noSearch = configuration
    noSearch.search = []
    #expect(noSearch.searchNames(for: "shop") == ["shop"])
  }

  @Test func aSingleLabelResolvesThroughTheSearchListPastNXDOMAIN() {
    let transport = ScriptedDNSTransport(ScriptedDNSTransport.zone(ResolverTests.zone))
    let resolution = Self.searching(transport).resolveAddresses("shop")
    #expect(resolution.name == "shop.closte.test")
    #expect(resolution.addresses.map(\.description) == ["203.0.113.10", "2001:db8::10"])
    #expect(
      transport.exchanges.map { "\($0.type) \($0.name)" } == [
        "A shop.corp.test", "AAAA shop.corp.test", "A shop.closte.test", "AAAA shop.closte.test",
      ])
  }

  @Test func aNameFoundNowhereIsReportedAsGivenAndAFullNameIsNotSearched() {
    let transport = ScriptedDNSTransport(ScriptedDNSTransport.zone(ResolverTests.zone))
    let resolution = Self.searching(transport).resolveAddresses("nope")
    #expect(resolution.failure == .nameNotFound("nope"))
    #expect(
      resolution.lookups.map(\.name) == [
        "nope.corp.test", "nope.corp.test", "nope.closte.test", "nope.closte.test", "nope", "nope",
      ])
    let full = ScriptedDNSTransport(ScriptedDNSTransport.zone(ResolverTests.zone))
    _ = Self.searching(full).resolveAddresses("nope.closte.test")
    #expect(full.exchanges.map(\.name) == ["nope.closte.test", "nope.closte.test"])
  }

  @Test func aTimeoutEndsTheSearchAndSkipsTheAAAAQuestion() {
    let transport = ScriptedDNSTransport { _, _, _ in throw SocketFailure.timedOut }
    let resolution = Self.searching(transport).resolveAddresses("shop")
    #expect(resolution.failure == .timeout)
    // Two tries of A for the first name; no AAAA, no other name.
    #expect(transport.exchanges.map { "\($0.type) \($0.name)" } == ["A shop.corp.test", "A shop.corp.test"])
  }
}
