import ClosteKit
import Foundation
import Testing

/// WordPress's proxy constants in wp-config.php route closte's calls as WordPress routes its own,
/// proven by a proxy on loopback whose log shows each request.
@Suite struct ProxyEndToEndTests {
  static let password = "proxy-pass-7731-canary"

  /// A WordPress root whose wp-config.php defines the given WP_PROXY_* constants.
  func site(_ constants: [String: String]) throws -> String {
    let folder = try temporaryFolder("closte-proxy")
    var php = "<?php\n"
    for (name, value) in constants.sorted(by: { $0.key < $1.key }) { php += "define( '\(name)', '\(value)' );\n" }
    php += "require_once ABSPATH . 'wp-settings.php';\n"
    try php.write(toFile: folder + "/wp-config.php", atomically: true, encoding: .utf8)
    return folder
  }

  func run(_ arguments: [String], site: String, simulator: SimulatorProcess) throws -> BinaryRunner.Output {
    try BinaryRunner.run(
      arguments + ["--path=\(site)"],
      environment: ["PATH": "/usr/bin:/bin", "CLOSTE_CLIENT_API_KEY": SimulatorProcess.key])
  }

  /// An http:// API through WP_PROXY_HOST is forwarded by the proxy (absolute-form), with the user
  /// name sent and the password never shown.
  @Test func plainHTTPIsForwardedThroughWordPressProxy() throws {
    let simulator = try SimulatorProcess(["--seed-count=2"])
    defer { simulator.stop() }
    let proxy = try LoopbackProxy(requireAuthentication: true)
    defer { proxy.stop() }
    let folder = try site([
      "WP_PROXY_HOST": "127.0.0.1", "WP_PROXY_PORT": "\(proxy.port)", "WP_PROXY_USERNAME": "deploy",
      "WP_PROXY_PASSWORD": Self.password,
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let output = try run(
      ["domain", "add", "new.example.test", "--format=json", "--debug", "--api-url=\(simulator.url)"], site: folder,
      simulator: simulator)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(
      proxy.log.filter { !$0.hasSuffix(" 407") } == [
        "GET http://127.0.0.1:\(simulator.port)/getdomains auth=deploy",
        "POST http://127.0.0.1:\(simulator.port)/adddomainalias auth=deploy",
      ])
    #expect(!output.stdout.contains(Self.password) && !output.stderr.contains(Self.password))
  }

  /// An https:// API goes through a CONNECT tunnel (here to a port that speaks no TLS, so the
  /// handshake then fails: the request was never sent in clear).
  @Test func httpsGoesThroughAConnectTunnel() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let proxy = try LoopbackProxy()
    defer { proxy.stop() }
    let folder = try site(["WP_PROXY_HOST": "127.0.0.1", "WP_PROXY_PORT": "\(proxy.port)"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let output = try run(
      [
        "domain", "list", "--format=json", "--retries=0", "--connect-timeout=1",
        "--api-url=https://127.0.0.1:\(simulator.port)",
      ], site: folder, simulator: simulator)
    #expect(output.status == 1)
    #expect(try json(output.stdout)["error"]?["code"] == "api_unreachable")
    #expect(proxy.log == ["CONNECT 127.0.0.1:\(simulator.port)"])
    #expect(try simulator.count("requests") == 0)
  }

  /// WP_PROXY_BYPASS_HOSTS with a wildcard (and localhost, always) go straight to the host.
  @Test(arguments: [("127.0.0.1", "127.0.*"), ("localhost", "other.example")])
  func bypassedHostsGoDirect(_ host: String, _ bypass: String) throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let proxy = try LoopbackProxy()
    defer { proxy.stop() }
    let folder = try site([
      "WP_PROXY_HOST": "127.0.0.1", "WP_PROXY_PORT": "\(proxy.port)", "WP_PROXY_BYPASS_HOSTS": "example.org, \(bypass)",
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let output = try run(
      ["domain", "list", "--format=json", "--api-url=http://\(host):\(simulator.port)"], site: folder,
      simulator: simulator)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(proxy.log.isEmpty)
    #expect(try simulator.count("requests") == 1)
  }

  @Test func doctorNamesTheProxyWithoutItsPassword() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let proxy = try LoopbackProxy()
    defer { proxy.stop() }
    let folder = try site([
      "WP_PROXY_HOST": "127.0.0.1", "WP_PROXY_PORT": "\(proxy.port)", "WP_PROXY_USERNAME": "deploy",
      "WP_PROXY_PASSWORD": Self.password,
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let output = try run(["doctor", "--format=json", "--api-url=\(simulator.url)"], site: folder, simulator: simulator)
    let items = try json(output.stdout).arrayValue ?? []
    let item = items.first { $0["check"] == "http-proxy" }
    #expect(
      item?["message"]?.stringValue
        == "Closte is reached through WordPress's proxy 127.0.0.1:\(proxy.port) (WP_PROXY_HOST, as user deploy).",
      "\(output.stdout)")
    #expect(!output.stdout.contains(Self.password) && !output.stderr.contains(Self.password))
  }
}
