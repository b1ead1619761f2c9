import ClosteKit
import Foundation
import Testing
import Values

/// `closte doctor`, the built binary, against the Closte simulator, dnsmasq and s_server on loopback.
@Suite struct DoctorEndToEndTests {
  /// A WordPress root with a wp-config.php for the loopback network; removed by the caller.
  static func wordpress(_ body: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("closte-doctor-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try ("<?php\n" + body + "\n$table_prefix = 'wp_';\n").write(
      to: folder.appendingPathComponent("wp-config.php"), atomically: true, encoding: .utf8)
    return folder
  }

  static let healthyConfig = """
    define( 'MULTISITE', true );
    define( 'SUNRISE', 'on' );
    define( 'DOMAIN_CURRENT_SITE', 'network.closte.test' );
    define( 'CLOSTE_CLIENT_API_KEY', '\(SimulatorProcess.key)' );
    """

  static func rows(_ output: BinaryRunner.Output) throws -> [JSONObject] {
    try #require(try JSONParser.parse(output.stdout).arrayValue).compactMap(\.objectValue)
  }

  static func statuses(_ rows: [JSONObject]) -> [String] {
    rows.map { row in
      let domain = row["domain"]?.stringValue.map { " " + $0 } ?? ""
      return "\(row["check"]?.stringValue ?? "?")\(domain): \(row["status"]?.stringValue ?? "?")"
    }
  }

  @Test func aHealthyNetworkPassesAndTheKeyNeverShows() throws {
    let network = try LoopbackNetwork()
    defer { network.stop() }
    let seed = network.pki.path("aliases.txt")
    try "shop.closte.test\n*.wild.closte.test\n".write(toFile: seed, atomically: true, encoding: .utf8)
    let simulator = try SimulatorProcess(["--seed=\(seed)"])
    defer { simulator.stop() }
    let root = try Self.wordpress(Self.healthyConfig)
    defer { try? FileManager.default.removeItem(at: root) }
    let output = try network.run([
      "doctor", "--all", "--path=\(root.path)", "--api-url=\(simulator.url)", "--expect=127.0.0.1", "--format=json",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let rows = try Self.rows(output)
    #expect(
      Self.statuses(rows) == [
        "wp-config: pass", "multisite: pass", "sunrise: pass", "domain-current-site: pass", "api-key: pass",
        "http-proxy: pass", "closte-api: pass", "domains: warn", "on-closte shop.closte.test: pass",
        "dns shop.closte.test: pass",
        "ssl shop.closte.test: pass",
      ])
    #expect(output.stderr.contains("Warning: 1 of 11 checks warned."))
    #expect(!output.stdout.contains(SimulatorProcess.key))
    #expect(!output.stderr.contains(SimulatorProcess.key))
  }

  @Test func aDomainNotOnClosteWithoutDNSFails() throws {
    let network = try LoopbackNetwork()
    defer { network.stop() }
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let root = try Self.wordpress(Self.healthyConfig)
    defer { try? FileManager.default.removeItem(at: root) }
    let output = try network.run([
      "doctor", "elsewhere.closte.test", "--path=\(root.path)", "--api-url=\(simulator.url)", "--expect=127.0.0.1",
    ])
    #expect(output.status == 1)
    #expect(output.stdout.contains("on-closte\telsewhere.closte.test\tfail"))
    #expect(output.stdout.contains("dns\telsewhere.closte.test\tfail"))
    #expect(output.stdout.contains("closte domain add elsewhere.closte.test"))
    #expect(!output.stdout.contains("ssl\telsewhere.closte.test"))
    #expect(output.stderr.contains("Error: 2 of 9 checks failed."))
  }

  @Test func aMissingConfigIsAFailedCheckNotAnAbort() throws {
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("closte-doctor-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: empty) }
    let output = try BinaryRunner.run(
      ["doctor", "--path=\(empty.path)", "--format=json"], environment: ["PATH": "/usr/bin:/bin"])
    #expect(output.status == 1)
    let rows = try Self.rows(output)
    #expect(Self.statuses(rows) == ["wp-config: fail", "api-key: fail"])
    #expect(rows.allSatisfy { $0["hint"]?.stringValue?.isEmpty == false })
  }

  @Test func aBrokenConfigStillChecksTheKeyFromTheEnvironment() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let root = try Self.wordpress("define( 'MULTISITE', false );\ndefine( 'SUNRISE', my_sunrise_setting() );")
    defer { try? FileManager.default.removeItem(at: root) }
    let output = try BinaryRunner.run(
      ["doctor", "--path=\(root.path)", "--api-url=\(simulator.url)", "--format=json"],
      environment: ["PATH": "/usr/bin:/bin", "CLOSTE_CLIENT_API_KEY": SimulatorProcess.key])
    #expect(output.status == 1)
    let rows = try Self.rows(output)
    #expect(
      Self.statuses(rows) == [
        "wp-config: pass", "multisite: fail", "sunrise: warn", "domain-current-site: fail", "api-key: pass",
        "http-proxy: pass", "closte-api: pass",
      ])
    #expect(!output.stdout.contains(SimulatorProcess.key))
  }
}
