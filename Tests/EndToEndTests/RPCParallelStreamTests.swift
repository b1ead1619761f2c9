import Foundation
import Testing

@testable import ClosteKit
@testable import Values

/// A stream of rpc requests that each add one domain takes the same parallel path as one `domain add`
/// with many domains, and still answers in request order.
@Suite struct RPCParallelStreamTests {
  @Test func independentAddsOfAStreamRunInParallelAndAnswerInOrder() throws {
    let simulator = try SimulatorProcess(["--latency=100"])
    defer { simulator.stop() }
    let domains = (1...24).map { "stream-\($0).example" }
    var lines = domains.enumerated().map { index, domain in
      #"{"id":\#(index),"command":"domain add","args":["\#(domain)"]}"#
    }
    // A list after the adds waits for all of them; a remove of a domain added earlier in the stream
    // waits for that add.
    lines.append(#"{"id":"list","command":"domain list","assoc_args":{"format":"json"}}"#)
    lines.append(#"{"id":"remove","command":"domain remove","args":["stream-1.example"]}"#)
    let output = try simulator.closte(["rpc"], input: lines.joined(separator: "\n") + "\n")
    #expect(output.status == 0, "\(output.stderr)")
    let answers = try output.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    #expect(answers.count == 26)
    for (index, answer) in answers.prefix(24).enumerated() {
      #expect(answer["id"] == .int(index))
      #expect(answer["ok"] == .bool(true))
    }
    #expect(answers[24]["id"] == "list")
    #expect(answers[24]["data"]?.arrayValue?.count == 24)
    #expect(answers[25]["id"] == "remove")
    #expect(try simulator.domains().count == 23)
    let stats = try simulator.stats()
    #expect((stats["max_in_flight"]?.intValue ?? 0) > 1)
    #expect((stats["max_in_flight"]?.intValue ?? 0) <= RPCServer.maximumInFlight * 2)
  }
}
