import Foundation
import Testing

@testable import ClosteKit
@testable import Diagnostics
@testable import Values

/// `closte domain aliases`: the alias rule as a network's wp-config.php (Fixtures/domain-aliases/)
/// configures it, for the bridge's autosync and `domain sync --network`.
@Suite struct DomainAliasesCommandTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/domain-aliases").standardizedFileURL

  static func run(_ config: String, _ args: [String], _ options: [(String, JSONValue)] = []) async -> Dispatcher.Outcome
  {
    let runtime = Runtime(
      environment: [:], currentDirectory: "/", stdout: BufferSink(), stderr: BufferSink(), stdin: BufferSource(""))
    let invocation = Invocation(
      command: "domain aliases", args: args, assocArgs: JSONObject(options),
      config: folder.appendingPathComponent(config).path)
    return await Dispatcher(table: .standard).execute(invocation, runtime: runtime, isRPC: true)
  }

  static func domains(_ outcome: Dispatcher.Outcome) -> [String] {
    guard case .result(let result) = outcome, case .array(let rows) = result.data else { return [] }
    return rows.compactMap { row in
      if case .object(let object) = row, case .string(let domain)? = object["domain"] { return domain }
      return nil
    }
  }

  @Test func theWildcardCoversTheSitesSubdomainsAndTheConstantAsksForTwins() async {
    let outcome = await Self.run(
      "subdomain-main-only.php", ["blog.network.test", "Shop.Example.com", "example.co.uk", "network.test"],
      [("network", true)])
    #expect(Self.domains(outcome) == ["*.network.test", "shop.example.com", "example.co.uk", "www.example.co.uk"])
  }

  @Test func theOptionWinsOverTheConstant() async {
    let outcome = await Self.run("subdomain-main-only.php", ["example.com"], [("www", "never")])
    #expect(Self.domains(outcome) == ["example.com"])
  }

  @Test func aSubfolderInstallHasNoWildcardAndNoTwinsByDefault() async {
    let outcome = await Self.run("subfolder.php", ["blog.network.test", "example.com"], [("network", true)])
    #expect(Self.domains(outcome) == ["blog.network.test", "example.com"])
  }

  @Test func aRecordThatIsNotADomainIsSkippedWithAWarning() async {
    let outcome = await Self.run("subfolder.php", ["not a domain", "example.com"])
    guard case .result(let result) = outcome else {
      Issue.record("expected a result")
      return
    }
    #expect(Self.domains(outcome) == ["example.com"])
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.contains("not a domain") == true)
  }

  @Test func aWWWConstantThatIsNoPolicyIsAUsageError() async {
    guard case .failure(let error) = await Self.run("www-not-a-policy.php", ["example.com"]) else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.code == .invalidArguments)
    #expect(error.exitStatus == .usage)
    #expect(error.message.contains("CLOSTE_WWW_SUBDOMAIN"))
  }

  @Test func withoutTheNetworksHostItRefuses() async {
    guard case .failure(let error) = await Self.run("no-host.php", ["example.com"]) else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.code == .networkHostUnknown)
    #expect(error.exitStatus == .usage)
  }

  @Test func unmappedAnswersWhatToRemove() async {
    let outcome = await Self.run(
      "subdomain-main-only.php", ["www.example.com"], [("unmapped", "Example.com"), ("www", "always")])
    #expect(Self.domains(outcome) == ["example.com"])
    guard case .failure(let error) = await Self.run("subfolder.php", [], [("unmapped", "a.test"), ("network", true)])
    else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.code == .invalidArguments)
  }
}
