import ClosteKit
import Foundation
import Testing

/// `closte dns check`, the built binary, against dnsmasq on loopback serving a fictional network:
/// the network is 203.0.113.10 (`network.closte.test`).
@Suite struct DNSCheckEndToEndTests {
  static let records =
    [
      "host-record=network.closte.test,203.0.113.10",
      "host-record=shop.closte.test,203.0.113.10",
      "cname=www.shop.closte.test,shop.closte.test",
      "cname=blog.closte.test,alias.closte.test",
      "cname=alias.closte.test,network.closte.test",
      "host-record=wrong.closte.test,198.51.100.7",
      "host-record=v6only.closte.test,2001:db8::10",
      "host-record=multi.closte.test,198.51.100.7",
      "host-record=multi.closte.test,203.0.113.10",
      "address=/wild.closte.test/203.0.113.10",
      "host-record=cf.closte.test,104.16.1.1",
    ] + (1...40).map { "host-record=big.closte.test,10.0.0.\($0)" }

  /// Runs `closte dns check` against a fresh dnsmasq, stopped afterwards.
  static func check(_ arguments: [String]) throws -> BinaryRunner.Output {
    let server = try DNSMasq.start(records)
    defer { server.stop() }
    return try BinaryRunner.run(["dns", "check"] + arguments + ["--resolver=\(server.resolver)"])
  }

  static func json(_ output: BinaryRunner.Output) throws -> JSONObject {
    try #require(try JSONParser.parse(output.stdout).objectValue)
  }

  @Test func aDomainWithTheNetworksAddressPoints() throws {
    let output = try DNSCheckEndToEndTests.check(["shop.closte.test", "--expect=203.0.113.10"])
    #expect(output.status == 0)
    #expect(
      output.stdout == """
        type\tname\tvalue\tttl
        "A"\t"shop.closte.test"\t"203.0.113.10"\t300
        Success: shop.closte.test resolves to 203.0.113.10, the network's address.

        """)
    #expect(output.stderr == "")
  }

  @Test func aCNAMEChainIsFollowedToTheNetworksHost() throws {
    let output = try DNSCheckEndToEndTests.check(["blog.closte.test", "--expect=network.closte.test", "--format=json"])
    #expect(output.status == 0)
    let report = try DNSCheckEndToEndTests.json(output)
    #expect(report["points"] == .bool(true))
    #expect(report["cname_chain"] == ["alias.closte.test", "network.closte.test"])
    #expect(report["addresses"] == ["203.0.113.10"])
    #expect(report["network"]?.objectValue?["hosts"] == ["network.closte.test"])
    let records = report["records"]?.arrayValue ?? []
    #expect(records.compactMap { $0.objectValue?["type"]?.stringValue } == ["CNAME", "CNAME", "A"])
  }

  @Test func aWrongAddressFailsWithAHint() throws {
    let output = try DNSCheckEndToEndTests.check(["wrong.closte.test", "--expect=203.0.113.10"])
    #expect(output.status == 1)
    #expect(output.stdout.contains("\"A\"\t\"wrong.closte.test\"\t\"198.51.100.7\"\t300"))
    #expect(
      output.stderr.hasPrefix(
        "Error: wrong.closte.test resolves to 198.51.100.7, not to the network (203.0.113.10).\n"
          + "Hint: Point wrong.closte.test at the network: an A/AAAA record to 203.0.113.10 at the domain's DNS provider."
      ))
  }

  @Test func theErrorIsInTheJSONToo() throws {
    let output = try DNSCheckEndToEndTests.check(["wrong.closte.test", "--expect=203.0.113.10", "--format=json"])
    #expect(output.status == 1)
    let report = try DNSCheckEndToEndTests.json(output)
    #expect(report["verdict"] == "wrong_address")
    #expect(report["points"] == .bool(false))
    #expect(report["hint"]?.stringValue?.contains("203.0.113.10") == true)
  }

  @Test(arguments: [("2001:db8::10", Int32(0)), ("203.0.113.10", 1)])
  func anIPv6OnlyDomain(expect: String, status: Int32) throws {
    let output = try DNSCheckEndToEndTests.check(["v6only.closte.test", "--expect=\(expect)", "--format=json"])
    #expect(output.status == status)
    #expect(try DNSCheckEndToEndTests.json(output)["addresses"] == ["2001:db8::10"])
  }

  @Test func oneOfSeveralAddressesIsEnough() throws {
    let output = try DNSCheckEndToEndTests.check(["multi.closte.test", "--expect=203.0.113.10", "--format=json"])
    #expect(output.status == 0)
    let report = try DNSCheckEndToEndTests.json(output)
    #expect(report["matched"] == ["203.0.113.10"])
    #expect(report["addresses"]?.arrayValue?.count == 2)
  }

  @Test func expectIsRepeatableAndCommaSeparated() throws {
    let output = try DNSCheckEndToEndTests.check([
      "wrong.closte.test", "--expect=192.0.2.1,198.51.100.7", "--expect=203.0.113.99", "--format=json",
    ])
    #expect(output.status == 0)
    let report = try DNSCheckEndToEndTests.json(output)
    #expect(report["network"]?.objectValue?["addresses"] == ["192.0.2.1", "198.51.100.7", "203.0.113.99"])
  }

  @Test func aWildcardAnswersAnyName() throws {
    let output = try DNSCheckEndToEndTests.check(["any-name.wild.closte.test", "--expect=203.0.113.10"])
    #expect(output.status == 0)
    #expect(output.stdout.contains("Success: any-name.wild.closte.test resolves to 203.0.113.10"))
  }

  @Test func anAnswerTooLargeForUDPComesOverTCP() throws {
    let output = try DNSCheckEndToEndTests.check(["big.closte.test", "--expect=10.0.0.7", "--format=json", "--debug"])
    #expect(output.status == 0)
    #expect(output.stderr.contains("Debug: A big.closte.test @127.0.0.1:"))
    #expect(output.stderr.contains("over TCP: NOERROR, 40 answer(s)"))
    #expect(try DNSCheckEndToEndTests.json(output)["addresses"]?.arrayValue?.count == 40)
  }

  @Test func aMissingNameIsNXDOMAIN() throws {
    let output = try DNSCheckEndToEndTests.check(["missing.closte.test", "--expect=203.0.113.10", "--format=json"])
    #expect(output.status == 1)
    let report = try DNSCheckEndToEndTests.json(output)
    #expect(report["verdict"] == "not_found")
    #expect(output.stderr.hasPrefix("Error: missing.closte.test does not exist (NXDOMAIN).\n"))
  }

  @Test func cloudflareProxiesAreAWarningNotAFailure() throws {
    let output = try DNSCheckEndToEndTests.check(["cf.closte.test", "--expect=203.0.113.10", "--format=json"])
    #expect(output.status == 0)
    #expect(
      output.stderr.hasPrefix(
        "Warning: cf.closte.test resolves only to Cloudflare proxy addresses (104.16.1.1): "
          + "the records cannot show where the proxy sends traffic."))
    let report = try DNSCheckEndToEndTests.json(output)
    #expect(report["proxied"] == .bool(true))
    #expect(report["points"] == .bool(false))
  }

  @Test func worksThroughRPC() throws {
    let server = try DNSMasq.start(DNSCheckEndToEndTests.records)
    defer { server.stop() }
    let request =
      #"{"id":1,"command":"dns check","args":["www.shop.closte.test"],"#
      + #""assoc_args":{"expect":"203.0.113.10","resolver":"\#(server.resolver)"}}"#
      + "\n"
      + #"{"id":2,"command":"dns check","args":["wrong.closte.test"],"#
      + #""assoc_args":{"expect":"203.0.113.10","resolver":"\#(server.resolver)"}}"#
    let output = try BinaryRunner.run(["rpc"], input: request)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    let first = try #require(try JSONParser.parse(lines[0]).objectValue)
    #expect(first["ok"] == .bool(true))
    #expect(first["data"]?.objectValue?["rule"] == "address")
    let second = try #require(try JSONParser.parse(lines[1]).objectValue)
    #expect(second["ok"] == .bool(false))
    #expect(second["error"]?.objectValue?["code"] == "dns_not_pointing")
    #expect(second["data"]?.objectValue?["verdict"] == "wrong_address")
    #expect(output.status == 1)
  }

  @Test func aResolverThatNeverAnswersFailsWithinTheTimeout() throws {
    let silent = try BoundSocket(type: Int32(SOCK_DGRAM.rawValue), port: 0)
    defer { silent.close() }
    let started = Date()
    let output = try BinaryRunner.run([
      "dns", "check", "shop.closte.test", "--expect=203.0.113.10", "--resolver=127.0.0.1:\(silent.port)",
      "--timeout=1.5", "--format=json",
    ])
    let elapsed = Date().timeIntervalSince(started)
    #expect(output.status == 1)
    let report = try DNSCheckEndToEndTests.json(output)
    #expect(report["verdict"] == "lookup_failed")
    #expect(report["error"]?.objectValue?["code"] == "dns_timeout")
    // Bounded by --timeout (plus process start-up), not by resolv.conf's 5 s × 2 attempts per question.
    #expect(elapsed < 6)
  }

  @Test func aPortWithNoServerIsUnreachable() throws {
    let port = try LoopbackSockets.freePort()
    let output = try BinaryRunner.run([
      "dns", "check", "shop.closte.test", "--expect=203.0.113.10", "--resolver=127.0.0.1:\(port)", "--timeout=5",
      "--format=json",
    ])
    #expect(output.status == 1)
    #expect(try DNSCheckEndToEndTests.json(output)["error"]?.objectValue?["code"] == "dns_unreachable")
  }

  @Test(arguments: [
    ["dns", "check", "shop.closte.test", "--expect=203.0.113.10", "--resolver=dns.google"],
    ["dns", "check", "https://shop.closte.test/", "--expect=203.0.113.10"],
    ["dns", "check", "shop.closte.test", "--expect=not a host"],
    ["dns", "check", "shop.closte.test", "--expect=203.0.113.10", "--timeout=soon"],
    ["dns", "check"],
  ])
  func unusableCommandLinesExitWith2(arguments: [String]) throws {
    let output = try BinaryRunner.run(arguments)
    #expect(output.status == 2)
    #expect(output.stderr.hasPrefix("Error: "))
  }
}
