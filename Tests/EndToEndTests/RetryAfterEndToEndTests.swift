import ClosteKit
import Foundation
import Testing

/// A long `Retry-After` (429 or 503) never makes closte sleep past `--timeout`, in every path: one
/// call, the batch of `domain add`, `domain sync`, and rpc. Before, `domain add --timeout=3` slept
/// the full hour a 429 asked for.
@Suite struct RetryAfterEndToEndTests {
  static let hour = ["--retry-after=3600"]

  @Test func domainAddFailsAtOnceWithTheTimeAsked() throws {
    let simulator = try SimulatorProcess(["--limit-first=100", "--fault-path=/adddomainalias"] + Self.hour)
    defer { simulator.stop() }
    let started = Date()
    let output = try ClosteRun(simulator: simulator)([
      "domain", "add", "a.example", "b.example", "c.example", "--timeout=3", "--format=json",
    ])
    #expect(Date().timeIntervalSince(started) < 60)
    #expect(output.status == 1)
    let rows = try json(output.stdout).arrayValue ?? []
    #expect(rows.count == 3)
    for row in rows {
      #expect(row["action"] == "failed")
      #expect(row["code"] == "api_rate_limited")
      #expect(row["error"]?.stringValue?.contains("asked to wait 3600 seconds") == true)
    }
  }

  @Test func aLong503OnTheListFailsAtOnce() throws {
    let simulator = try SimulatorProcess(["--unavailable-first=100"] + Self.hour)
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)(["domain", "list", "--timeout=3", "--format=json"])
    #expect(output.status == 1)
    #expect(try json(output.stdout)["error"]?["code"] == "api_server_error")
    #expect(output.stderr.contains("asked to wait 3600 seconds"))
    #expect(try simulator.requests().count == 1)
  }

  @Test func syncGivesUpTheAddsThatWouldWaitPastTheTimeout() throws {
    let simulator = try SimulatorProcess(["--limit-first=100", "--fault-path=/adddomainalias"] + Self.hour)
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)(
      ["domain", "sync", "--timeout=3", "--format=json"], input: "one.example\ntwo.example\n")
    #expect(output.status == 1)
    #expect(output.stdout.contains("3600 seconds") || output.stderr.contains("3600 seconds"))
    #expect(try simulator.domains().isEmpty)
  }

  @Test func rpcAnswersAtOnceToo() throws {
    let simulator = try SimulatorProcess(["--limit-first=100", "--fault-path=/adddomainalias"] + Self.hour)
    defer { simulator.stop() }
    let request = #"{"id":1,"command":"domain add","args":["a.example"],"assoc_args":{"timeout":"3"}}"#
    let output = try ClosteRun(simulator: simulator)(["rpc"], input: request + "\n")
    #expect(output.status == 1)
    let answer = try json(output.stdout)
    #expect(answer["data"]?.arrayValue?.first?["code"] == "api_rate_limited")
  }
}
