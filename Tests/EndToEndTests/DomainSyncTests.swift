import ClosteKit
import Foundation
import Testing

/// `domain sync` end to end: the built binary against the simulator.
@Suite struct DomainSyncTests {
  static func json(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
  }

  /// `domain:action` for each result row of a `--format=json` answer.
  static func actions(_ answer: [String: Any]) -> [String] {
    ((answer["results"] as? [[String: Any]]) ?? []).map { "\($0["domain"] ?? ""):\($0["action"] ?? "")" }
  }

  static func summary(_ answer: [String: Any]) -> [String: Int] {
    (answer["summary"] as? [String: Int]) ?? [:]
  }

  /// The API calls other than the list, as `path domain`.
  static func changes(_ simulator: SimulatorProcess) throws -> [String] {
    try simulator.requests().compactMap { request in
      guard let path = request["path"]?.stringValue, path != "/getdomains" else { return nil }
      return "\(path) \(request["domain"]?.stringValue ?? "")"
    }
  }

  @Test func dryRunPrintsThePlanAndSendsNoChange() throws {
    let simulator = try SimulatorProcess([], seed: ["keep.example", "extra.example"])
    defer { simulator.stop() }
    let output = try simulator.closte(
      ["domain", "sync", "--dry-run", "--format=json"], input: "keep.example\nNEW.example.\n*.shop.example\n")
    #expect(output.status == 0, "\(output.stderr)")
    let answer = Self.json(output.stdout)
    #expect(answer["dry_run"] as? Bool == true)
    #expect(
      Self.actions(answer) == ["keep.example:keep", "new.example:add", "*.shop.example:add", "extra.example:ignore"])
    #expect(try Self.changes(simulator).isEmpty)
    #expect(try simulator.domains() == ["extra.example", "keep.example"])
  }

  @Test func appliesAddsAndKeepsAndLeavesExtrasWithoutPrune() throws {
    let simulator = try SimulatorProcess([], seed: ["keep.example", "extra.example"])
    defer { simulator.stop() }
    let output = try simulator.closte(
      ["domain", "sync", "--format=json"], input: #"["keep.example", "new.example", "*.shop.example"]"#)
    #expect(output.status == 0, "\(output.stderr)")
    let answer = Self.json(output.stdout)
    #expect(
      Self.actions(answer) == [
        "keep.example:kept", "new.example:added", "*.shop.example:added", "extra.example:ignored",
      ])
    #expect(Self.summary(answer)["added"] == 2)
    #expect(Self.summary(answer)["kept"] == 1)
    #expect(try simulator.domains() == ["*.shop.example", "extra.example", "keep.example", "new.example"])
    // The wildcard went with wildcard=1.
    let wildcard = try simulator.requests().first { $0["domain"]?.stringValue == "*.shop.example" }
    #expect(wildcard?["wildcard"]?.stringValue == "1")
  }

  @Test func pruneRemovesExtrasButNeverTheNetworkDomain() throws {
    let simulator = try SimulatorProcess([], seed: ["network.example", "keep.example", "old.example", "older.example"])
    defer { simulator.stop() }
    let site = try simulator.writeConfig(networkDomain: "network.example")
    let input = """
      {"domain": "keep.example", "wildcard": false}
      {"domain": "shop.example", "wildcard": true}
      """
    let dry = try simulator.closte(
      ["domain", "sync", "--prune", "--dry-run", "--format=json", "--path=\(site)"], input: input)
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(
      Self.actions(Self.json(dry.stdout)) == [
        "keep.example:keep", "*.shop.example:add", "network.example:protect", "old.example:remove",
        "older.example:remove",
      ])
    #expect(try Self.changes(simulator).isEmpty)

    let output = try simulator.closte(["domain", "sync", "--prune", "--format=json", "--path=\(site)"], input: input)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(
      Self.summary(Self.json(output.stdout)) == [
        "added": 1, "kept": 1, "removed": 2, "failed": 0, "ignored": 0, "protected": 1, "invalid": 0,
        "duplicates": 0,
      ])
    #expect(try simulator.domains() == ["*.shop.example", "keep.example", "network.example"])

    // Again: nothing left to do, nothing sent.
    let before = try Self.changes(simulator).count
    let again = try simulator.closte(["domain", "sync", "--prune", "--format=json", "--path=\(site)"], input: input)
    #expect(again.status == 0)
    #expect(Self.summary(Self.json(again.stdout))["kept"] == 2)
    #expect(try Self.changes(simulator).count == before)
  }

  @Test func pruneRefusesAnEmptyListAndAnUnknownNetworkDomain() throws {
    let simulator = try SimulatorProcess([], seed: ["a.example"])
    defer { simulator.stop() }
    let site = try simulator.writeConfig(networkDomain: "network.example")
    let empty = try simulator.closte(["domain", "sync", "--prune", "--format=json", "--path=\(site)"], input: "\n")
    #expect(empty.status == 2)
    #expect(empty.stdout.contains(#""code":"sync_empty_list""#))
    let noConfig = try simulator.closte(["domain", "sync", "--prune", "--format=json"], input: "a.example\n")
    #expect(noConfig.status == 2)
    #expect(noConfig.stdout.contains(#""code":"sync_network_domain_unknown""#))
    #expect(try Self.changes(simulator).isEmpty)
    #expect(try simulator.domains() == ["a.example"])
  }

  @Test func aPartialFailureIsReportedAndARerunFinishesTheJob() throws {
    let simulator = try SimulatorProcess(["--refuse=b.example"])
    defer { simulator.stop() }
    let list = try simulator.writeFile("list.txt", "a.example\nb.example\nc.example\n")
    let first = try simulator.closte(["domain", "sync", "--from=\(list)", "--format=json"])
    #expect(first.status == 1)
    let answer = Self.json(first.stdout)
    #expect(Self.actions(answer) == ["a.example:added", "b.example:failed", "c.example:added"])
    let failed = (answer["results"] as? [[String: Any]])?[1]
    #expect((failed?["error"] as? String)?.contains("Domain is blocked: b.example") == true)
    #expect(first.stderr.contains("1 of 3 changes failed"))
    #expect(try simulator.domains() == ["a.example", "c.example"])

    try simulator.setFaults("refuse=")
    let second = try simulator.closte(["domain", "sync", "--from=\(list)", "--format=json"])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(Self.actions(Self.json(second.stdout)) == ["a.example:kept", "b.example:added", "c.example:kept"])
    #expect(try simulator.domains() == ["a.example", "b.example", "c.example"])
    #expect(try Self.changes(simulator).filter { $0.hasSuffix("b.example") }.count == 2)
  }

  @Test func anInvalidEntryRefusesTheListBeforeAnyRequest() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let output = try simulator.closte(
      ["domain", "sync", "--format=json"], input: "good.example\nhttps://bad.example/path\nsp ace.example\n")
    #expect(output.status == 2)
    let error = Self.json(output.stdout)["error"] as? [String: Any] ?? [:]
    #expect(error["code"] as? String == "invalid_desired_list")
    let entries = (error["details"] as? [String: Any])?["invalid_entries"] as? [[String: Any]] ?? []
    #expect(entries.compactMap { $0["location"] as? String } == ["line 2", "line 3"])
    #expect(output.stderr.contains("nothing was sent: line 2: 'https://bad.example/path' is not a domain name"))
    #expect(output.stderr.contains("(1 more unreadable entry after it)"))
    #expect(try simulator.requests().isEmpty)
  }

  @Test func aBrokenJSONArrayStopsBeforeAnyChange() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let output = try simulator.closte(["domain", "sync", "--format=json"], input: #"["a.example", "b.example""#)
    #expect(output.status == 2)
    #expect(output.stdout.contains(#""code":"invalid_desired_list""#))
    #expect(try Self.changes(simulator).isEmpty)
  }

  @Test func streamPrintsEachResultAsAJSONLineThenTheSummary() throws {
    let simulator = try SimulatorProcess([], seed: ["keep.example"])
    defer { simulator.stop() }
    let output = try simulator.closte(["domain", "sync", "--stream"], input: "keep.example\na.example\nb.example\n")
    #expect(output.status == 0, "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n").map { Self.json(String($0)) }
    #expect(lines.count == 4)
    #expect(lines.first?["action"] as? String == "kept")
    #expect(Set(lines.dropFirst().prefix(2).compactMap { $0["domain"] as? String }) == ["a.example", "b.example"])
    #expect(Self.summary(lines.last ?? [:])["added"] == 2)
    let csv = try simulator.closte(["domain", "sync", "--stream", "--format=csv"], input: "a.example\n")
    #expect(csv.status == 2)
  }

  @Test func positionalDomainsAndRPCArgsAreTheDesiredList() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let argv = try simulator.closte(["domain", "sync", "a.example", "b.example", "--format=json"])
    #expect(argv.status == 0, "\(argv.stderr)")
    #expect(Self.summary(Self.json(argv.stdout))["added"] == 2)
    let list = try simulator.writeFile("list.json", #"["a.example", "c.example"]"#)
    let requests = [
      #"{"id": 1, "command": "domain sync", "args": ["a.example", "b.example", "d.example"], "assoc_args": {"dry-run": true}}"#,
      #"{"id": 2, "command": "domain sync", "assoc_args": {"from": "\#(list)"}}"#,
      #"{"id": 3, "command": "domain sync"}"#,
    ]
    let rpc = try simulator.closte(["rpc"], input: requests.joined(separator: "\n"))
    let answers = rpc.stdout.split(separator: "\n").map { Self.json(String($0)) }
    #expect(answers.count == 3)
    #expect(
      Self.actions(answers.first?["data"] as? [String: Any] ?? [:]) == [
        "a.example:keep", "b.example:keep", "d.example:add",
      ])
    #expect(
      Self.actions(answers.dropFirst().first?["data"] as? [String: Any] ?? [:]) == [
        "a.example:kept", "c.example:added", "b.example:ignored",
      ])
    let third = answers.last?["error"] as? [String: Any] ?? [:]
    #expect(third["code"] as? String == "invalid_arguments")
    #expect(try simulator.domains() == ["a.example", "b.example", "c.example"])
  }

  @Test func aRateLimitSlowsTheBatchInsteadOfRetryingBlindly() throws {
    let simulator = try SimulatorProcess(["--rate-limit=20", "--latency=10"])
    defer { simulator.stop() }
    let domains = (1...80).map { "site-\($0).example" }
    let output = try simulator.closte(
      ["domain", "sync", "--format=json", "--debug"], input: domains.joined(separator: "\n"))
    #expect(output.status == 0, "\(output.stderr)")
    #expect(Self.summary(Self.json(output.stdout))["added"] == 80)
    #expect(try simulator.domains().count == 80)
    // Requests answered 429 stay few: the batch paced itself near the limit instead of each
    // request retrying on its own (16 in parallel without pacing would meet hundreds).
    let byStatus = try simulator.stats()["by_status"]
    #expect(byStatus?["200"]?.intValue == 81)
    #expect((byStatus?["429"]?.intValue ?? 0) >= 1)
    #expect((byStatus?["429"]?.intValue ?? 0) <= 30)
    #expect(output.stderr.contains("answered 429"))
  }

  @Test func domainAddWithManyDomainsRunsInParallel() throws {
    let simulator = try SimulatorProcess(["--latency=100"])
    defer { simulator.stop() }
    let domains = (1...24).map { "many-\($0).example" }
    let output = try simulator.closte(["domain", "add"] + domains + ["--format=json", "--concurrency=8"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try simulator.domains().count == 24)
    let stats = try simulator.stats()
    #expect((stats["max_in_flight"]?.intValue ?? 0) > 1)
    #expect((stats["max_in_flight"]?.intValue ?? 0) <= 8)
    // Rows still come in the order given.
    let rows = (try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8))) as? [[String: Any]] ?? []
    #expect(rows.compactMap { $0["domain"] as? String } == domains)
  }
}
