import Foundation
import Testing

@testable import ClosteKit

/// One name normalisation everywhere, through the built binary against the simulator: what IDNA
/// refuses is never sent, and `bücher.example`, `BÜCHER.example.` and `xn--bcher-kva.example` are one
/// domain in `domain add`, in rpc's ordering and in `domain sync`'s comparison and protected names.
@Suite struct DomainNameEndToEndTests {
  static func sent(_ simulator: SyncSimulator) throws -> [String] {
    try simulator.requests().compactMap { request in
      guard let path = request["path"] as? String, path != "/getdomains" else { return nil }
      return "\(path) \(request["domain"] ?? "")"
    }
  }

  @Test(arguments: ["a\u{200D}b.example", "😀.example", "\u{FFFD}.example", "xn---tda.example", "مثال.1example"])
  func aNameIDNARefusesIsExitTwoAndNoRequest(name: String) throws {
    let simulator = try SyncSimulator()
    defer { simulator.stop() }
    let output = try simulator.closte(["domain", "add", "ok.example", name])
    #expect(output.status == 2, "\(output.stderr)")
    #expect(output.stderr.contains("invalid_domain") || output.stderr.contains("is not a domain name"))
    #expect(try Self.sent(simulator).isEmpty)
  }

  @Test func theSameDomainInUnicodeAndPunycodeKeepsItsOrderInAnRPCStream() throws {
    let simulator = try SyncSimulator(["--latency=200"])
    defer { simulator.stop() }
    let lines = [
      #"{"id":1,"command":"domain add","args":["bücher.example"]}"#,
      #"{"id":2,"command":"domain remove","args":["xn--bcher-kva.example"]}"#,
      #"{"id":3,"command":"domain add","args":["BÜCHER.example."]}"#,
    ]
    let output = try simulator.closte(["rpc"], input: lines.joined(separator: "\n") + "\n")
    #expect(output.status == 0, "\(output.stderr)")
    #expect(
      try Self.sent(simulator) == [
        "/adddomainalias xn--bcher-kva.example", "/deletedomainalias xn--bcher-kva.example",
        "/adddomainalias xn--bcher-kva.example",
      ])
    #expect(try simulator.domains() == ["xn--bcher-kva.example"])
  }

  @Test func syncComparesClosteListInUnicodeAsTheSameDomains() throws {
    // Closte lists the network's own domain and another one in Unicode.
    let simulator = try SyncSimulator([], seed: ["bücher.example", "café.example", "keep.example", "old.example"])
    defer { simulator.stop() }
    let site = try simulator.writeConfig(networkDomain: "BÜCHER.example")
    let output = try simulator.closte(
      ["domain", "sync", "--prune", "--format=json", "--path=\(site)"],
      input: "xn--caf-dma.example\nkeep.example\nnew.example\n")
    #expect(output.status == 0, "\(output.stderr)")
    let answer = (try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8))) as? [String: Any] ?? [:]
    let actions = ((answer["results"] as? [[String: Any]]) ?? []).map { "\($0["domain"] ?? ""):\($0["action"] ?? "")" }
    #expect(
      actions == [
        "xn--caf-dma.example:kept", "keep.example:kept", "new.example:added", "xn--bcher-kva.example:protected",
        "old.example:removed",
      ])
    #expect(try Self.sent(simulator).sorted() == ["/adddomainalias new.example", "/deletedomainalias old.example"])
  }
}
