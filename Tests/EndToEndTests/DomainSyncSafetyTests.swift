import ClosteKit
import Foundation
import Testing

/// `domain sync --prune` never removes what it should not (issue 11, §1): each case below removed
/// live aliases before.
@Suite struct DomainSyncSafetyTests {
  static let live = ["network.example", "a.example", "b.example", "c.example", "xn--caf-dma.example"]

  /// A simulator holding `live`, and a site whose DOMAIN_CURRENT_SITE is network.example.
  static func start(_ arguments: [String] = [], seed: [String] = live) throws -> (SimulatorProcess, String) {
    let simulator = try SimulatorProcess(arguments, seed: seed)
    return (simulator, try simulator.writeConfig(networkDomain: "network.example"))
  }

  static func refusedBeforeAnyRequest(
    _ output: BinaryRunner.Output, _ simulator: SimulatorProcess, code: String, line: String? = nil
  ) throws {
    #expect(output.status == 2, "\(output.stderr)")
    #expect(output.stdout.contains(#""code":"\#(code)""#), "\(output.stdout)")
    if let line { #expect(output.stderr.contains(line), "\(output.stderr)") }
    #expect(try simulator.requests().isEmpty)
    #expect(try simulator.domains() == live.sorted())
  }

  @Test func aJSONLinesListCutInsideAnEntryRemovesNothing() throws {
    let (simulator, site) = try Self.start()
    defer { simulator.stop() }
    let cut = "{\"domain\": \"network.example\"}\n{\"domain\": \"a.example\"}\n{\"domain\": \"b.exa"
    let output = try simulator.closte(["domain", "sync", "--prune", "--format=json", "--path=\(site)"], input: cut)
    try Self.refusedBeforeAnyRequest(output, simulator, code: "invalid_desired_list", line: "line 3: ")
  }

  @Test func aByteOrderMarkInTheMiddleRemovesNothing() throws {
    let (simulator, site) = try Self.start()
    defer { simulator.stop() }
    let list = "network.example\na.example\n\u{FEFF}b.example\nc.example\nxn--caf-dma.example\n"
    let output = try simulator.closte(["domain", "sync", "--prune", "--format=json", "--path=\(site)"], input: list)
    try Self.refusedBeforeAnyRequest(output, simulator, code: "invalid_desired_list", line: "line 3: ")
    #expect(output.stderr.contains("byte order mark"))
  }

  @Test func aLatin1FileRemovesNothing() throws {
    let (simulator, site) = try Self.start()
    defer { simulator.stop() }
    let file = simulator.folder.appendingPathComponent("latin1.txt")
    let bytes = Array("network.example\na.example\nb.example\nc.example\ncaf".utf8) + [0xE9] + Array(".example\n".utf8)
    try Data(bytes).write(to: file)
    let output = try simulator.closte(
      ["domain", "sync", "--prune", "--format=json", "--path=\(site)", "--from=\(file.path)"])
    try Self.refusedBeforeAnyRequest(output, simulator, code: "invalid_desired_list", line: "line 5: ")
    #expect(output.stderr.contains("not UTF-8"))
  }

  @Test func anInvalidNameRefusesTheWholeList() throws {
    let (simulator, site) = try Self.start()
    defer { simulator.stop() }
    let list = "network.example\na.example\nnot a domain\nd.example\n"
    for extra in [[], ["--dry-run"]] {
      let output = try simulator.closte(
        ["domain", "sync", "--prune", "--format=json", "--path=\(site)"] + extra, input: list)
      try Self.refusedBeforeAnyRequest(output, simulator, code: "invalid_desired_list", line: "line 3: ")
    }
  }

  @Test func aListOfOnlyTheNetworkDomainRemovesNothingUnlessAllowed() throws {
    let (simulator, site) = try Self.start()
    defer { simulator.stop() }
    let base = ["domain", "sync", "--prune", "--path=\(site)"]
    let output = try simulator.closte(base + ["--format=json"], input: "network.example\n")
    #expect(output.status == 2, "\(output.stderr)")
    #expect(output.stdout.contains(#""code":"sync_would_remove_all""#))
    #expect(try simulator.domains() == Self.live.sorted())
    #expect(try simulator.requests().map { $0["path"]?.stringValue } == ["/getdomains"])

    // The dry run says which guard would stop it, in every format, and exits as applying would.
    let json = try simulator.closte(base + ["--dry-run", "--format=json"], input: "network.example\n")
    #expect(json.status == 2)
    let answer = DomainSyncTests.json(json.stdout)
    #expect((answer["guard"] as? [String: Any])?["code"] as? String == "sync_would_remove_all")
    #expect(DomainSyncTests.summary(answer)["remove"] == 4)
    let table = try simulator.closte(base + ["--dry-run"], input: "network.example\n")
    #expect(table.status == 2)
    #expect(table.stdout.contains("a.example\t\tremove"))
    #expect(table.stderr.contains("Applying it would be refused (sync_would_remove_all)"))
    let stream = try simulator.closte(base + ["--dry-run", "--stream"], input: "network.example\n")
    let last = DomainSyncTests.json(String(stream.stdout.split(separator: "\n").last ?? ""))
    #expect((last["guard"] as? [String: Any])?["code"] as? String == "sync_would_remove_all")
    #expect(try simulator.domains() == Self.live.sorted())

    let allowed = try simulator.closte(base + ["--allow-remove-all", "--format=json"], input: "network.example\n")
    #expect(allowed.status == 0, "\(allowed.stderr)")
    #expect(try simulator.domains() == ["network.example"])
  }

  @Test func removingMoreThanMaxRemovalsIsRefused() throws {
    let extras = (1...12).map { "old-\($0).example" }
    let (simulator, site) = try Self.start(seed: ["network.example", "keep.example"] + extras)
    defer { simulator.stop() }
    let base = ["domain", "sync", "--prune", "--format=json", "--path=\(site)"]
    // 12 removals of 14 aliases: more than the default (10, or 10 % when that is more).
    let refused = try simulator.closte(base, input: "keep.example\n")
    #expect(refused.status == 2, "\(refused.stderr)")
    #expect(refused.stdout.contains(#""code":"sync_too_many_removals""#))
    #expect(try simulator.domains().count == 14)
    let tooFew = try simulator.closte(base + ["--max-removals=11"], input: "keep.example\n")
    #expect(tooFew.stdout.contains(#""code":"sync_too_many_removals""#))
    let percent = try simulator.closte(base + ["--max-removals=50%"], input: "keep.example\n")
    #expect(percent.stdout.contains(#""code":"sync_too_many_removals""#))
    let bad = try simulator.closte(base + ["--max-removals=lots"], input: "keep.example\n")
    #expect(bad.stdout.contains(#""code":"invalid_arguments""#))
    #expect(try simulator.domains().count == 14)
    #expect(try simulator.requests().allSatisfy { $0["path"]?.stringValue == "/getdomains" })

    let applied = try simulator.closte(base + ["--max-removals=90%"], input: "keep.example\n")
    #expect(applied.status == 0, "\(applied.stderr)")
    #expect(try simulator.domains() == ["keep.example", "network.example"])
  }

  @Test func aSuccessNamingAnotherDomainIsNotAdded() throws {
    let simulator = try SimulatorProcess(["--confirm-other-domain"])
    defer { simulator.stop() }
    let add = try simulator.closte(["domain", "add", "a.example", "--format=json"])
    #expect(add.status == 1, "\(add.stdout)")
    #expect(add.stdout.contains(#""action":"failed""#))
    #expect(add.stdout.contains(#""code":"api_unconfirmed""#))
    let sync = try simulator.closte(["domain", "sync", "--format=json"], input: "b.example\n")
    #expect(sync.status == 1)
    #expect(DomainSyncTests.actions(DomainSyncTests.json(sync.stdout)) == ["b.example:failed"])
    #expect(try simulator.domains().isEmpty)
  }
}
