import ClosteKit
import Diagnostics
import Foundation
import Testing

/// closte against a real `closte-simulator`, each test with its own on a free loopback port.
@Suite struct ClosteClientEndToEndTests {
  // MARK: check

  @Test func checkReadsTheList() throws {
    let simulator = try SimulatorProcess(["--seed-count=3"])
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)(["check", "--format=json"])
    #expect(output.status == 0, "\(output.stderr)")
    let data = try json(output.stdout)
    #expect(data["key"] == "accepted")
    #expect(data["method"] == "getdomains")
    #expect(data["aliases"] == 3)
    #expect(try simulator.requests().map { $0["path"] } == ["/getdomains"])
  }

  @Test func checkFallsBackToTheEmptyDomainTest() throws {
    let simulator = try SimulatorProcess(["--no-getdomains"])
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)(["check", "--format=json"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try json(output.stdout)["method"] == "adddomainalias")
    let sent = try simulator.requests()
    try #require(sent.map { $0["path"] } == ["/getdomains", "/adddomainalias"])
    #expect(sent[1]["domain"] == "")
    #expect(try simulator.domains().isEmpty)
  }

  @Test(arguments: [[String](), ["--no-getdomains"]])
  func checkRejectsAWrongKey(_ faults: [String]) throws {
    let simulator = try SimulatorProcess(faults)
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator, key: "wrong-key-123")(["check", "--format=json"])
    #expect(output.status == 1)
    #expect(try json(output.stdout)["error"]?["code"] == "api_unauthorized")
    #expect(output.stderr.contains("Hint: Check that CLOSTE_CLIENT_API_KEY"))
  }

  // MARK: domain add / remove / list

  @Test func addListRemoveAndIdempotence() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let run = ClosteRun(simulator: simulator)
    let added = try run(["domain", "add", "Example.com", "*.example.org", "bücher.de", "--format=json"])
    #expect(added.status == 0, "\(added.stderr)")
    #expect(
      try json(added.stdout)
        == [
          ["domain": "example.com", "wildcard": false, "action": "added"],
          ["domain": "*.example.org", "wildcard": true, "action": "added"],
          ["domain": "xn--bcher-kva.de", "wildcard": false, "action": "added"],
        ])
    let posts = try simulator.requests().filter { $0["path"] == "/adddomainalias" }
    // Sent in parallel (the batch path): compare as a set.
    #expect(
      Set(posts.map { "\($0["domain"]?.stringValue ?? "")=\($0["wildcard"]?.stringValue ?? "")" })
        == ["example.com=0", "*.example.org=1", "xn--bcher-kva.de=0"])
    #expect(posts.allSatisfy { $0["user_agent"] == .string("closte/\(ClosteVersion.current)") })

    let again = try run(["domain", "add", "example.com", "new.example.com", "--format=json"])
    #expect(again.status == 0)
    #expect(try json(again.stdout).arrayValue?.map { $0["action"] } == ["exists", "added"])

    let list = try run(["domain", "list", "--format=json"])
    #expect(list.status == 0)
    let rows = try json(list.stdout).arrayValue ?? []
    #expect(
      Set(rows.compactMap { $0["domain"]?.stringValue })
        == ["example.com", "*.example.org", "xn--bcher-kva.de", "new.example.com"])
    #expect(rows.first { $0["domain"] == "*.example.org" }?["wildcard"] == true)
    #expect(rows.first { $0["domain"] == "example.com" }?["ssl_status"] == "pending")

    let removed = try run(["domain", "remove", "example.com", "*.example.org", "gone.example.com", "--format=json"])
    #expect(removed.status == 0)
    #expect(try json(removed.stdout).arrayValue?.map { $0["action"] } == ["removed", "removed", "absent"])
    #expect(try simulator.domains() == ["new.example.com", "xn--bcher-kva.de"])
    let deletes = try simulator.requests().filter { $0["path"] == "/deletedomainalias" }
    #expect(deletes.compactMap { $0["wildcard"]?.stringValue }.sorted() == ["0", "1"])
  }

  @Test func listAcceptsStringEntries() throws {
    let simulator = try SimulatorProcess(["--entry-shape=string"])
    defer { simulator.stop() }
    try simulator.seed(["a.example.com", "*.b.example.com"])
    let output = try ClosteRun(simulator: simulator)(["domain", "list", "--format=csv"])
    #expect(output.status == 0)
    #expect(output.stdout.contains("a.example.com"))
    let second = try ClosteRun(simulator: simulator)(["domain", "add", "*.b.example.com", "--format=json"])
    #expect(try json(second.stdout).arrayValue?.first?["action"] == "exists")
  }

  @Test(arguments: [
    (["--www=always"], ["shop.example.com", "www.shop.example.com", "example.co.uk", "www.example.co.uk"]),
    (["--www=main_only"], ["shop.example.com", "example.co.uk", "www.example.co.uk"]),
    (["--www=never"], ["shop.example.com", "example.co.uk"]),
    ([String](), ["shop.example.com", "example.co.uk"]),
  ])
  func wwwTwins(_ options: [String], _ expected: [String]) throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)(
      ["domain", "add", "shop.example.com", "example.co.uk", "*.example.net"] + options)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try simulator.domains().sorted() == (expected + ["*.example.net"]).sorted())
  }

  @Test func wwwDefaultComesFromTheRequestSettings() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let request = """
      {"id":1,"command":"domain add","args":["example.com","blog.example.com"],"settings":{"auto_create_www_subdomain":"main_only"}}
      {"id":2,"command":"domain add","args":["other.com"],"assoc_args":{"www":"never"},"settings":{"auto_create_www_subdomain":"always"}}
      """
    let output = try ClosteRun(simulator: simulator)(["rpc"], input: request)
    #expect(output.status == 0, "\(output.stdout)")
    #expect(
      try simulator.domains().sorted() == ["blog.example.com", "example.com", "other.com", "www.example.com"])
    let first = try json(String(output.stdout.split(separator: "\n")[0]))
    #expect(first["ok"] == true)
    #expect(first["data"]?.arrayValue?.count == 3)
  }

  @Test func aFailedDomainDoesNotStopTheOthers() throws {
    let simulator = try SimulatorProcess(["--refuse=bad.example.com"])
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)(
      ["domain", "add", "a.example.com", "bad.example.com", "c.example.com", "--format=json"])
    #expect(output.status == 1)
    let rows = try json(output.stdout).arrayValue ?? []
    #expect(rows.map { $0["action"] } == ["added", "failed", "added"])
    #expect(rows[1]["code"] == "api_refused")
    #expect(rows[1]["error"]?.stringValue?.contains("Domain is blocked: bad.example.com") == true)
    #expect(output.stderr.contains("1 of 3 domains failed"))
    #expect(try simulator.domains() == ["a.example.com", "c.example.com"])
  }

  @Test(arguments: [
    "https://example.com", "example.com/x", "example.com:8080", "exa mple.com", "a..b", "-a.com", "foo.*.com",
    "tab\there.com",
  ])
  func invalidDomainsNeverReachClose(_ domain: String) throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    for command in [["domain", "add"], ["domain", "remove"]] {
      let output = try ClosteRun(simulator: simulator)(command + ["ok.example.com", domain, "--format=json"])
      #expect(output.status == 2)
      #expect(try json(output.stdout)["error"]?["code"] == "invalid_domain")
    }
    #expect(try simulator.count("requests") == 0)
  }

  // MARK: retries, faults and timeouts

  @Test func retriesAfterServerErrors() throws {
    let simulator = try SimulatorProcess(["--fail-first=2"])
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)(["domain", "list", "--format=json"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try simulator.count("requests") == 3)
    #expect(try simulator.stats()["by_status"]?["500"] == 2)
  }

  @Test func retriesAfterRateLimitHonouringRetryAfter() throws {
    let simulator = try SimulatorProcess(["--limit-first=2", "--retry-after=0"])
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)(["domain", "add", "a.example.com", "--format=json"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try simulator.count("requests") == 4)
    #expect(try simulator.stats()["by_status"]?["429"] == 2)
  }

  @Test(arguments: [
    (["--fail-first=10"], "api_server_error"), (["--limit-first=10", "--retry-after=0"], "api_rate_limited"),
    (["--drop-first=10"], "api_unreachable"), (["--malformed-first=1"], "api_bad_response"),
  ])
  func givesUpWithTheRightCode(_ faults: [String], _ code: String) throws {
    let simulator = try SimulatorProcess(faults)
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)(["domain", "list", "--retries=1", "--format=json"])
    #expect(output.status == 1)
    #expect(try json(output.stdout)["error"]?["code"] == .string(code))
    // A malformed answer is not retried; the others are, once.
    #expect(try simulator.count("requests") == (code == "api_bad_response" ? 1 : 2))
  }

  @Test func malformedAnswerShowsItsFirstBytes() throws {
    let simulator = try SimulatorProcess(["--malformed-first=1"])
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)(["domain", "list"])
    #expect(output.status == 1)
    #expect(output.stderr.contains("<html><body>Closte is under maintenance"))
  }

  @Test func checkFallsBackWhenTheListIsMalformed() throws {
    let simulator = try SimulatorProcess(["--malformed-first=1"])
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)(["check", "--format=json"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try json(output.stdout)["method"] == "adddomainalias")
  }

  @Test func droppedConnectionIsRetried() throws {
    let simulator = try SimulatorProcess(["--drop-first=1"])
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)(["domain", "add", "a.example.com"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try simulator.count("dropped") == 1)
    #expect(try simulator.domains() == ["a.example.com"])
  }

  @Test func anAddWhoseAnswerWasLostStillEndsAdded() throws {
    // Closte applies the add, then the answer is a 500: the retry is refused as a duplicate.
    let simulator = try SimulatorProcess(["--fail-first=1", "--fail-after-apply", "--fault-path=/adddomainalias"])
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)(["domain", "add", "a.example.com", "--format=json"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try json(output.stdout).arrayValue?.first?["action"] == "added")
    let sent = try simulator.requests()
    #expect(sent.map { $0["path"] } == ["/getdomains", "/adddomainalias", "/adddomainalias", "/getdomains"])
    #expect(sent[1]["outcome"] == "fault: 500 after added")
    #expect(sent[2]["outcome"] == "refused: exists")
    #expect(try simulator.domains() == ["a.example.com"])
  }

  @Test func aRemoveWhoseAnswerWasLostStillEndsRemoved() throws {
    let simulator = try SimulatorProcess(["--fail-first=1", "--fail-after-apply", "--fault-path=/deletedomainalias"])
    defer { simulator.stop() }
    try simulator.seed(["a.example.com"])
    let output = try ClosteRun(simulator: simulator)(["domain", "remove", "a.example.com", "--format=json"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try json(output.stdout).arrayValue?.first?["action"] == "removed")
    #expect(try simulator.domains().isEmpty)
  }

  @Test func timeoutBoundsAHangingCall() throws {
    let simulator = try SimulatorProcess(["--hang=/getdomains"])
    defer { simulator.stop() }
    let started = Date()
    let output = try ClosteRun(simulator: simulator)(["domain", "list", "--timeout=1", "--format=json"])
    let elapsed = Date().timeIntervalSince(started)
    #expect(output.status == 1)
    #expect(try json(output.stdout)["error"]?["code"] == "api_timeout")
    // The bound itself, with room for a slow machine: not a speed test.
    #expect(elapsed < 20)
    // Under load the call may time out before the request even arrives; it never gets an answer.
    #expect(try simulator.stats()["by_status"]?["200"] == nil)
  }

  @Test func unreachableWhenNothingListens() throws {
    let simulator = try SimulatorProcess()
    let port = simulator.port
    simulator.stop()
    let output = try BinaryRunner.run(
      ["check", "--retries=1", "--format=json", "--api-url=http://127.0.0.1:\(port)"],
      environment: ["CLOSTE_CLIENT_API_KEY": SimulatorProcess.key], currentDirectory: try temporaryFolder())
    #expect(output.status == 1)
    #expect(try json(output.stdout)["error"]?["code"] == "api_unreachable")
  }

  @Test func plainHTTPToANonLoopbackHostIsRefusedBeforeAnyTraffic() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    // 192.0.2.1 is TEST-NET-1: a connection attempt would hang until the timeout, not fail fast.
    for command in [["check"], ["domain", "list"], ["domain", "add", "a.example.com"]] {
      let output = try ClosteRun(simulator: simulator)(
        command + ["--api-url=http://192.0.2.1:\(simulator.port)", "--timeout=30", "--format=json"])
      #expect(output.status == 2)
      #expect(try json(output.stdout)["error"]?["code"] == "api_url_insecure")
    }
    let viaEnvironment = try ClosteRun(
      simulator: simulator, extraEnvironment: ["CLOSTE_API_URL": "http://app.closte.com/api/client"])(
        ["check", "--format=json"])
    #expect(try json(viaEnvironment.stdout)["error"]?["code"] == "api_url_insecure")
    #expect(try simulator.count("requests") == 0)
  }

  @Test func redirectsAreNeverFollowed() throws {
    let elsewhere = try SimulatorProcess()
    defer { elsewhere.stop() }
    let simulator = try SimulatorProcess(["--redirect-to=\(elsewhere.url)"])
    defer { simulator.stop() }
    for command in [["domain", "list"], ["domain", "remove", "a.example.com"]] {
      let output = try ClosteRun(simulator: simulator)(command + ["--format=json"])
      #expect(output.status == 1)
      #expect(try json(output.stdout)["error"]?["code"] == "api_bad_response")
    }
    #expect(try simulator.count("requests") == 2)
    #expect(try elsewhere.count("requests") == 0)
  }

  // MARK: the key

  @Test func missingAndEmptyKeys() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let missing = try ClosteRun(simulator: simulator, key: nil)(["check", "--format=json"])
    #expect(missing.status == 1)
    #expect(try json(missing.stdout)["error"]?["code"] == "api_key_missing")
    #expect(missing.stderr.contains("define( 'CLOSTE_CLIENT_API_KEY'"))
    let empty = try ClosteRun(simulator: simulator, key: "")(["domain", "list", "--format=json"])
    #expect(empty.status == 1)
    #expect(try json(empty.stdout)["error"]?["code"] == "api_key_empty")
    #expect(try simulator.count("requests") == 0)
  }

  @Test func theCanaryKeyAppearsNowhere() throws {
    let canary = "CANARY-k3y-\(UUID().uuidString.prefix(8))"
    let simulator = try SimulatorProcess(["--fail-first=1", "--malformed-first=0"], key: canary)
    defer { simulator.stop() }
    let logs = try temporaryFolder("closte-logs")
    defer { try? FileManager.default.removeItem(atPath: logs) }
    let run = ClosteRun(simulator: simulator, key: canary)
    var everything = ""
    let commands: [[String]] = [
      ["check"], ["domain", "add", "a.example.com", "*.b.example.com", "--www=always"], ["domain", "list"],
      ["domain", "remove", "a.example.com", "nope.example.com"], ["domain", "add", "bad domain"],
      ["domain", "list", "--format=json"], ["check", "--format=yaml"],
    ]
    for command in commands {
      let output = try run(command + ["--debug", "--log-dir=\(logs)"])
      everything += output.stdout + output.stderr
    }
    _ = try simulator.fetch("POST", "/_simulator/faults?malformed_first=1")
    let malformed = try run(["domain", "list", "--debug", "--log-dir=\(logs)"])
    everything += malformed.stdout + malformed.stderr
    let rpc = try run(
      ["rpc", "--debug"],
      input: #"{"id":1,"command":"domain add","args":["c.example.com"],"assoc_args":{"debug":true}}"#)
    everything += rpc.stdout + rpc.stderr
    let wrongKey = try ClosteRun(simulator: simulator, key: canary + "x")(["check", "--debug"])
    everything += wrongKey.stdout + wrongKey.stderr
    for file in try FileManager.default.contentsOfDirectory(atPath: logs) {
      everything += try String(contentsOfFile: logs + "/" + file, encoding: .utf8)
    }
    #expect(everything.contains("Debug: GET"))
    #expect(everything.contains("Added domain alias a.example.com"))
    #expect(!everything.contains(canary))
    #expect(!everything.contains("apikey="))
  }

  // MARK: wp-config.php

  @Test func keyFromWPConfigAndLogsBesideIt() throws {
    let simulator = try SimulatorProcess([], key: "demo-closte-key")
    defer { simulator.stop() }
    let root = try temporaryFolder("closte-wp")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "../../examples/wp-config.php"
    ).standardized.path
    try FileManager.default.copyItem(atPath: example, toPath: root + "/wp-config.php")
    try FileManager.default.createDirectory(
      atPath: root + "/wp-content/uploads/wu-logs", withIntermediateDirectories: true)
    let run = ClosteRun(simulator: simulator, key: nil)
    let output = try run(["domain", "add", "a.example.com", "--format=json"], directory: root)
    #expect(output.status == 0, "\(output.stderr)")
    let viaPath = try run(["check", "--path=\(root)", "--format=json"])
    #expect(viaPath.status == 0, "\(viaPath.stderr)")
    #expect(try json(viaPath.stdout)["source"] == "wp-config.php")
    let logs = try FileManager.default.contentsOfDirectory(atPath: root + "/wp-content/uploads/wu-logs").sorted()
    #expect(logs == ["domain-a.example.com.log", "integration-closte.log"])
  }

  @Test func wpConfigWithoutTheKey() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let root = try temporaryFolder("closte-wp")
    defer { try? FileManager.default.removeItem(atPath: root) }
    try "<?php\ndefine( 'DB_NAME', 'x' );\n".write(toFile: root + "/wp-config.php", atomically: true, encoding: .utf8)
    let output = try ClosteRun(simulator: simulator, key: nil)(["check", "--format=json"], directory: root)
    #expect(output.status == 1)
    #expect(try json(output.stdout)["error"]?["code"] == "api_key_missing")
    #expect(output.stderr.contains("does not define CLOSTE_CLIENT_API_KEY"))
    try "<?php\ndefine( 'CLOSTE_CLIENT_API_KEY', '' );\n".write(
      toFile: root + "/wp-config.php", atomically: true, encoding: .utf8)
    let empty = try ClosteRun(simulator: simulator, key: nil)(["check", "--format=json"], directory: root)
    #expect(try json(empty.stdout)["error"]?["code"] == "api_key_empty")
    #expect(try simulator.count("requests") == 0)
  }

  // MARK: logs

  @Test func logsGoToWuLogsBesideTheConfig() throws {
    let simulator = try SimulatorProcess(["--refuse=bad.example.com"])
    defer { simulator.stop() }
    let logs = try temporaryFolder("closte-logs")
    defer { try? FileManager.default.removeItem(atPath: logs) }
    let run = ClosteRun(simulator: simulator)
    _ = try run(["domain", "add", "a.example.com", "bad.example.com", "*.w.example.com", "--log-dir=\(logs)"])
    _ = try run(["check", "--log-dir=\(logs)"])
    let files = try FileManager.default.contentsOfDirectory(atPath: logs).sorted()
    #expect(
      files == [
        "domain-a.example.com.log", "domain-bad.example.com.log", "domain-wildcard.w.example.com.log",
        "integration-closte.log",
      ])
    let integration = try String(contentsOfFile: logs + "/integration-closte.log", encoding: .utf8)
      .split(separator: "\n")
    let line = #/\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] \[(INFO|ERROR)\] .+/#
    #expect(integration.count == 4)
    #expect(integration.allSatisfy { $0.wholeMatch(of: line) != nil })
    #expect(integration.contains { $0.contains("[ERROR] Could not add domain alias bad.example.com") })
    #expect(integration[3].contains("Connection test passed"))
  }
}
