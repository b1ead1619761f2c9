import ClosteKit
import Foundation
import Testing
import Values

/// `closte dns check` against resolvers that never answer: one on UDP that reads and says nothing,
/// and one on TCP that accepts and says nothing (no UDP on its port, so UDP is refused and the
/// question goes to TCP). `RES_OPTIONS` (read as glibc reads it) gives small tries so the tests are
/// quick; the count of questions the peer received shows the schedule, not a stopwatch.
@Suite struct DNSCheckSilentPeerTests {
  static let environment = ["RES_OPTIONS": "timeout:1 attempts:2"]

  static func run(resolverPort: UInt16) throws -> (output: BinaryRunner.Output, report: JSONObject) {
    let output = try BinaryRunner.run(
      [
        "dns", "check", "shop.closte.test", "--expect=203.0.113.10", "--resolver=127.0.0.1:\(resolverPort)",
        "--timeout=30", "--format=json",
      ], environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    return (output, try #require(try JSONParser.parse(output.stdout).objectValue))
  }

  /// Before: the A, AAAA and NS questions each waited their 2 tries (6 datagrams, 3 × the time).
  @Test func aSilentUDPResolverIsAskedOneQuestionsTriesThenDNSTimeout() throws {
    let silent = try BoundSocket(type: SOCK_DGRAM, port: 0)
    defer { silent.close() }
    let (output, report) = try Self.run(resolverPort: silent.port)
    #expect(output.status == 1)
    #expect(report["verdict"] == "lookup_failed")
    #expect(report["error"]?.objectValue?["code"] == "dns_timeout")
    #expect(report["error"]?.objectValue?["hint"]?.stringValue?.contains("5 s × 2") == true)
    #expect(silent.unansweredDatagrams() == 2)
  }

  /// Before: the first TCP connection waited for the whole --timeout (30 s here), one connection.
  @Test func aSilentTCPResolverCostsOneTryPerConnection() throws {
    let listener = try SilentListener()
    defer { listener.stop() }
    let (output, report) = try Self.run(resolverPort: listener.port)
    #expect(output.status == 1)
    #expect(report["error"]?.objectValue?["code"] == "dns_timeout")
    #expect(listener.acceptPendingConnections() == 2)
  }

  /// A network host that got no answer: the domain is not asked as well (before: 2 × the time).
  @Test func aSilentResolverForTheNetworkHostIsNotAskedAgainForTheDomain() throws {
    let silent = try BoundSocket(type: SOCK_DGRAM, port: 0)
    defer { silent.close() }
    let output = try BinaryRunner.run(
      [
        "dns", "check", "shop.closte.test", "--expect=network.closte.test", "--resolver=127.0.0.1:\(silent.port)",
        "--timeout=30", "--format=json",
      ], environment: ProcessInfo.processInfo.environment.merging(Self.environment) { $1 })
    #expect(output.status == 1)
    let report = try #require(try JSONParser.parse(output.stdout).objectValue)
    #expect(report["error"]?.objectValue?["code"] == "dns_timeout")
    #expect(silent.unansweredDatagrams() == 2)
  }
}
