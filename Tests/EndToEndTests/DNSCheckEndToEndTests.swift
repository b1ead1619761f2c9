import ClosteKit
import Foundation
import TestSupport
import Testing
import Values

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
      // Outside the authoritative zone: dnsmasq serves address= wildcards only there.
      "address=/wild.example.test/203.0.113.10",
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
        A\tshop.closte.test\t203.0.113.10\t300
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

  @Test func listsTheZonesNameServers() throws {
    // Authoritative for closte.test (dnsmasq then answers NS questions, but no address= wildcards).
    let auth = ["auth-server=ns1.closte.test,127.0.0.1", "auth-zone=closte.test", "auth-ttl=300"]
    let server = try DNSMasq.start(DNSCheckEndToEndTests.records + auth)
    defer { server.stop() }
    let output = try BinaryRunner.run([
      "dns", "check", "www.shop.closte.test", "--expect=203.0.113.10", "--resolver=\(server.resolver)",
    ])
    #expect(output.status == 0)
    #expect(
      output.stdout == """
        type\tname\tvalue\tttl
        CNAME\twww.shop.closte.test\tshop.closte.test\t300
        A\tshop.closte.test\t203.0.113.10\t300
        NS\tcloste.test\tns1.closte.test\t300
        Success: www.shop.closte.test resolves to 203.0.113.10, the network's address.

        """)
  }

  @Test func aWrongAddressFailsWithAHint() throws {
    let output = try DNSCheckEndToEndTests.check(["wrong.closte.test", "--expect=203.0.113.10"])
    #expect(output.status == 1)
    #expect(output.stdout.contains("A\twrong.closte.test\t198.51.100.7\t300\n"))
    #expect(
      output.stderr.hasPrefix(
        "Error: wrong.closte.test resolves to 198.51.100.7, not to the network (203.0.113.10).\n"
          + "Hint: At the domain's DNS provider, point wrong.closte.test at the network: an A record to 203.0.113.10."
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
    let output = try DNSCheckEndToEndTests.check(["any-name.wild.example.test", "--expect=203.0.113.10"])
    #expect(output.status == 0)
    #expect(output.stdout.contains("Success: any-name.wild.example.test resolves to 203.0.113.10"))
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

  @Test(.enabled(if: LoopbackSocket.hasIPv6)) func asksAnIPv6ResolverWithItsPort() throws {
    let server = try DNSMasq.start(DNSCheckEndToEndTests.records, ipv6: true)
    defer { server.stop() }
    let output = try BinaryRunner.run([
      "dns", "check", "big.closte.test", "--expect=10.0.0.40", "--resolver=[::1]:\(server.port)", "--debug",
    ])
    #expect(output.status == 0)
    #expect(output.stderr.contains("Debug: A big.closte.test @[::1]:\(server.port) over TCP: NOERROR, 40 answer(s)"))
  }

  @Test func aResolverThatNeverAnswersFailsWithinTheTimeout() throws {
    let silent = try BoundSocket(type: SOCK_DGRAM, port: 0)
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
    let port = try #require(LoopbackSocket.freePort())
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

/// `dns check` without `--expect`: the network comes from `wp-config.php`.
@Suite struct DNSCheckConfigEndToEndTests {
  /// A WordPress folder with a `wp-config.php` holding `body`, removed afterwards.
  static func withConfig<T>(_ body: String, _ work: (String) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("closte-dns-wp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try ("<?php\n" + body + "\n$table_prefix = 'wp_';\nrequire_once ABSPATH . 'wp-settings.php';\n")
      .write(to: folder.appendingPathComponent("wp-config.php"), atomically: true, encoding: .utf8)
    return try work(folder.path)
  }

  static let network = """
    define( 'CLOSTE_PUBLIC_IP_ADDRESS', '203.0.113.10' );
    define( 'DOMAIN_CURRENT_SITE', 'network.closte.test' );
    define( 'CLOSTE_CLIENT_API_KEY', 'secret-key-never-printed' );
    """

  @Test(arguments: [("shop.closte.test", Int32(0)), ("blog.closte.test", 0), ("wrong.closte.test", 1)])
  func usesThePublicAddressAndTheNetworkHost(domain: String, status: Int32) throws {
    let server = try DNSMasq.start(DNSCheckEndToEndTests.records)
    defer { server.stop() }
    let output = try DNSCheckConfigEndToEndTests.withConfig(DNSCheckConfigEndToEndTests.network) { path in
      try BinaryRunner.run(["dns", "check", domain, "--path=\(path)", "--resolver=\(server.resolver)", "--format=json"])
    }
    #expect(output.status == status)
    let report = try DNSCheckEndToEndTests.json(output)
    #expect(report["network"]?.objectValue?["addresses"] == ["203.0.113.10"])
    #expect(report["network"]?.objectValue?["hosts"] == ["network.closte.test"])
    #expect(!output.stdout.contains("secret-key") && !output.stderr.contains("secret-key"))
  }

  @Test func aConfigWithoutEitherConstantIsAUsageError() throws {
    let output = try DNSCheckConfigEndToEndTests.withConfig("define( 'MULTISITE', true );") { path in
      try BinaryRunner.run(["dns", "check", "shop.closte.test", "--path=\(path)", "--format=json"])
    }
    #expect(output.status == 2)
    let answer = try DNSCheckEndToEndTests.json(output)
    #expect(answer["error"]?.objectValue?["code"] == "dns_no_network")
  }

  @Test func noConfigAtAllSaysToUseExpect() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("closte-dns-empty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try BinaryRunner.run(["dns", "check", "shop.closte.test", "--path=\(folder.path)"])
    #expect(output.status != 0)
    #expect(output.stderr.contains("--expect=<ip|host>"))
  }
}
