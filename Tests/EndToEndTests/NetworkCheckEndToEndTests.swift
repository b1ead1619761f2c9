import ClosteKit
import Foundation
import Testing
import Values

/// `domain status --all` and `doctor --all`, the built binary, over a network of 20 aliases on the
/// Closte simulator, dnsmasq and one s_server on loopback: a functional test of the whole-network
/// check (its speed is measured in Benchmarks/network-check.sh, not here).
@Suite struct NetworkCheckEndToEndTests {
  /// d01..d16 point at the network (127.0.0.1) with a valid certificate; d17, d18 point elsewhere;
  /// other.closte.test points at the network but the certificate does not cover it; a wildcard is
  /// counted, not checked; extra.closte.test is given on the command line and is not on Closte.
  final class Fixture {
    let pki: TestPKI
    let dns: DNSMasq
    let server: OpenSSLServer
    let simulator: SimulatorProcess
    static let pointing = (1...16).map { "d" + ($0 < 10 ? "0" : "") + "\($0).net.closte.test" }
    static let elsewhere = ["d17.net.closte.test", "d18.net.closte.test"]

    init() throws {
      pki = try TestPKI()
      let issued = try pki.issue("net", names: ["*.net.closte.test", "extra.closte.test"])
      var records = (Self.pointing + ["other.closte.test", "extra.closte.test"]).map { "host-record=\($0),127.0.0.1" }
      records += Self.elsewhere.map { "host-record=\($0),198.51.100.7" }
      dns = try DNSMasq.start(records)
      server = try OpenSSLServer(cert: issued.cert, key: issued.key)
      let seed = pki.path("aliases.txt")
      try (Self.pointing + Self.elsewhere + ["other.closte.test", "*.wild.closte.test"]).joined(separator: "\n")
        .appending("\n").write(toFile: seed, atomically: true, encoding: .utf8)
      simulator = try SimulatorProcess(["--seed=\(seed)"])
    }

    func stop() {
      simulator.stop()
      server.stop()
      dns.stop()
    }

    func run(_ arguments: [String]) throws -> BinaryRunner.Output {
      try BinaryRunner.run(
        arguments + [
          "--resolver=\(dns.resolver)", "--port=\(server.port)", "--ca-file=\(pki.caFile)", "--timeout=10",
          "--api-url=\(simulator.url)", "--expect=127.0.0.1", "--concurrency=4",
        ], environment: ["PATH": "/usr/bin:/bin", "CLOSTE_CLIENT_API_KEY": SimulatorProcess.key])
    }
  }

  static func byDomain(_ rows: [JSONObject]) -> [String: JSONObject] {
    Dictionary(uniqueKeysWithValues: rows.compactMap { row in row["domain"]?.stringValue.map { ($0, row) } })
  }

  @Test func domainStatusAllChecksEveryAliasAndTheGivenDomain() throws {
    let fixture = try Fixture()
    defer { fixture.stop() }
    let output = try fixture.run(["domain", "status", "--all", "extra.closte.test", "--format=json"])
    #expect(output.status == 1, "\(output.stderr)")
    let rows = try #require(try JSONParser.parse(output.stdout).arrayValue).compactMap(\.objectValue)
    #expect(rows.count == 20)
    #expect(rows.first?["domain"] == "extra.closte.test")
    let table = Self.byDomain(rows)
    for domain in Fixture.pointing {
      #expect(table[domain]?["dns"] == "points")
      #expect(table[domain]?["ssl"] == "valid")
      #expect(table[domain]?["on_closte"] == "yes")
      #expect(table[domain]?["stage"] == "done")
      #expect(table[domain]?["days_left"] == .int(90))
    }
    for domain in Fixture.elsewhere {
      #expect(table[domain]?["dns"] == "wrong_address")
      #expect(table[domain]?["ssl"] == "not_checked")
      #expect(table[domain]?["stage"] == "checking-dns")
    }
    #expect(table["other.closte.test"]?["ssl"] == "hostname_mismatch")
    #expect(table["other.closte.test"]?["stage"] == "checking-ssl-cert")
    #expect(table["extra.closte.test"]?["on_closte"] == "no")
    #expect(table["extra.closte.test"]?["stage"] == "done")
    // Not a terminal: a line per domain on standard error, then how many are done.
    #expect(output.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("[") }.count == 20)
    #expect(output.stderr.contains("[20/20] "))
    #expect(output.stderr.contains("17 of 20 domains done."))
    #expect(output.stderr.contains("1 wildcard alias(es) not checked"))
  }

  @Test func streamPrintsAJSONLinePerDomainThenTheCounts() throws {
    let fixture = try Fixture()
    defer { fixture.stop() }
    let output = try fixture.run(["domain", "status", "--all", "--stream"])
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 20)
    let objects = try lines.map { try #require(try JSONParser.parse($0).objectValue) }
    #expect(Set(objects.dropLast().compactMap { $0["domain"]?.stringValue }).count == 19)
    let counts = try #require(objects.last?["summary"]?.objectValue)
    #expect(counts["domains"] == .int(19))
    #expect(counts["done"] == .int(16))
    #expect(counts["dns_not_pointing"] == .int(2))
    #expect(counts["ssl_not_valid"] == .int(1))
    #expect(!output.stderr.contains("[1/19]"))
  }

  @Test func doctorAllEndsWithTheSummaryTable() throws {
    let fixture = try Fixture()
    defer { fixture.stop() }
    let output = try fixture.run(["doctor", "--all"])
    #expect(output.status == 1)
    #expect(output.stdout.contains("check\tdomain\tstatus\tmessage\thint\n"))
    #expect(output.stdout.contains("\ndomain\tdns\tssl\tdays_left\ton_closte\tstage\n"))
    #expect(output.stdout.contains("d17.net.closte.test\twrong_address\tnot_checked\t\tyes\tchecking-dns\n"))
    #expect(output.stdout.contains("d01.net.closte.test\tpoints\tvalid\t90\tyes\tdone\n"))
    #expect(output.stderr.contains("[19/19] "))
  }

  @Test func doctorAllStreamsItsItemsAsJSONLines() throws {
    let fixture = try Fixture()
    defer { fixture.stop() }
    let output = try fixture.run(["doctor", "--all", "--stream"])
    let objects = try output.stdout.split(separator: "\n").map {
      try #require(try JSONParser.parse(String($0)).objectValue)
    }
    // Per domain: on-closte, dns, and ssl unless the DNS points elsewhere; then the installation's items.
    #expect(objects.filter { $0["check"] == "dns" }.count == 19)
    #expect(objects.filter { $0["check"] == "ssl" }.count == 17)
    #expect(objects.contains { $0["check"] == "closte-api" })
    #expect(objects.last?["summary"]?.objectValue?["domains"] == .int(19))
  }

  @Test(arguments: [["--concurrency=0"], ["--concurrency=999"], ["--stream", "--format=table"]])
  func unusableOptionsExitWith2(options: [String]) throws {
    let output = try BinaryRunner.run(["domain", "status", "--all"] + options)
    #expect(output.status == 2)
  }
}
