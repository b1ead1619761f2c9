import ClosteKit
import Foundation
import TestSupport
import Testing

/// The HTTP layer's bounds against the simulator's hostile answers (issue 12): the body cap, the
/// connect timeout, plain sentences for failures, and connections kept alive.
@Suite struct HTTPLimitsEndToEndTests {
  /// Each hostile body ends with `api_response_too_large`, and closte's peak memory stays near the
  /// 64 MB cap (before the cap: 436 to 900 MB).
  @Test(arguments: ["huge", "endless", "gzip-bomb"])
  func hostileBodiesAreCapped(_ kind: String) throws {
    let simulator = try SimulatorProcess(["--body-fault=\(kind)"])
    defer { simulator.stop() }
    let run = try PeakMemoryRun.run(
      ["domain", "list", "--format=json", "--retries=0"],
      environment: [
        "PATH": "/usr/bin:/bin", "CLOSTE_API_URL": simulator.url, "CLOSTE_CLIENT_API_KEY": SimulatorProcess.key,
        "HOME": "/nonexistent",
      ])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(try json(run.stdout)["error"]?["code"] == "api_response_too_large")
    #expect(run.stderr.contains("larger than 64 MB"))
    #expect(run.peakKilobytes < 160 * 1024, "peak \(run.peakKilobytes) KB")
  }

  @Test func aRefusedConnectionIsASentence() throws {
    let port = try closedLoopbackPort()
    let output = try BinaryRunner.run(
      ["domain", "list", "--format=json", "--retries=0", "--api-url=http://127.0.0.1:\(port)"],
      environment: ["PATH": "/usr/bin:/bin", "CLOSTE_CLIENT_API_KEY": "k"])
    #expect(output.status == 1)
    #expect(try json(output.stdout)["error"]?["code"] == "api_unreachable")
    #expect(output.stderr.contains("no connection could be opened (refused, or no route to the host)"))
    #expect(!output.stderr.contains("network error"))
  }

  /// A port that accepts TCP and never speaks TLS: the connect timeout ends it, not `--timeout`.
  @Test func aSilentTLSPeerMeetsTheConnectTimeout() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let output = try BinaryRunner.run(
      [
        "domain", "list", "--format=json", "--retries=0", "--connect-timeout=0.5", "--timeout=30",
        "--api-url=https://127.0.0.1:\(simulator.port)",
      ],
      environment: ["PATH": "/usr/bin:/bin", "CLOSTE_CLIENT_API_KEY": "k"])
    #expect(output.status == 1)
    #expect(try json(output.stdout)["error"]?["code"] == "api_unreachable")
    #expect(
      output.stderr.contains("no connection could be opened within 0.5 s (--connect-timeout)"), "\(output.stderr)")
  }

  /// The requests of one rpc stream share one kept-alive connection.
  @Test func anRPCStreamReusesItsConnection() throws {
    let simulator = try SimulatorProcess(["--seed-count=2"])
    defer { simulator.stop() }
    let lines = (1...5).map { #"{"id":\#($0),"command":"domain list","args":[],"assoc_args":{"format":"json"}}"# }
    let output = try BinaryRunner.run(
      ["rpc"], input: lines.joined(separator: "\n") + "\n",
      environment: [
        "PATH": "/usr/bin:/bin", "CLOSTE_API_URL": simulator.url, "CLOSTE_CLIENT_API_KEY": SimulatorProcess.key,
      ])
    #expect(output.status == 0, "\(output.stderr)")
    let sent = try simulator.requests()
    #expect(sent.count == 5)
    #expect(Set(sent.compactMap { $0["connection"]?.intValue }).count == 1)
  }

  /// A server that closes kept-alive connections silently (its keep-alive timeout): each next
  /// request goes out on a fresh connection, and none fails.
  @Test func aConnectionClosedByTheServerIsNotReused() throws {
    let simulator = try SimulatorProcess(["--seed-count=2", "--keep-alive-max=1"])
    defer { simulator.stop() }
    let lines = (1...4).map {
      #"{"id":\#($0),"command":"domain list","args":[],"assoc_args":{"format":"json","retries":0}}"#
    }
    let output = try BinaryRunner.run(
      ["rpc"], input: lines.joined(separator: "\n") + "\n",
      environment: [
        "PATH": "/usr/bin:/bin", "CLOSTE_API_URL": simulator.url, "CLOSTE_CLIENT_API_KEY": SimulatorProcess.key,
      ])
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    let sent = try simulator.requests()
    #expect(sent.count == 4)
    #expect(Set(sent.compactMap { $0["connection"]?.intValue }).count == 4)
  }

  private func closedLoopbackPort() throws -> Int {
    guard let port = LoopbackSocket.closedPort() else { throw SimulatorFailure("no loopback port") }
    return Int(port)
  }

}
