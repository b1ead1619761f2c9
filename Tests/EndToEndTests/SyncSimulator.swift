import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A `closte-simulator` process of one test, on a free loopback port: started with the given
/// faults and seed, stopped by `stop()` (call it in a `defer`). Every wait is bounded.
final class SyncSimulator {
  let process = Process()
  let port: Int
  let key = "sync-test-key-\(UUID().uuidString.prefix(8))"
  let folder: URL

  init(_ arguments: [String] = [], seed: [String] = []) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("closte-sync-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var extra: [String] = []
    if !seed.isEmpty {
      let file = folder.appendingPathComponent("seed.txt")
      try Data(seed.joined(separator: "\n").utf8).write(to: file)
      extra.append("--seed=\(file.path)")
    }
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: BinaryRunner.simulator)
    process.arguments = ["--port=0", "--key=\(key)", "--quiet"] + extra + arguments
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The first line of its output is the port; wait for it at most 10 seconds.
    let reader = output.fileHandleForReading
    let found = PortBox()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      var text = ""
      while !text.contains("\n") {
        let chunk = reader.availableData
        if chunk.isEmpty { break }
        text += String(decoding: chunk, as: UTF8.self)
      }
      found.port = Int(text.split(separator: "\n").first.map(String.init) ?? "")
      done.signal()
    }
    guard done.wait(timeout: .now() + 10) == .success, let port = found.port else {
      kill(process.processIdentifier, SIGKILL)
      throw SyncSimulatorFailure("the simulator did not say its port")
    }
    self.port = port
  }

  /// Stops it with SIGKILL: a child started from a test thread inherits that thread's blocked
  /// signals, so SIGTERM may never arrive.
  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: folder)
  }

  /// The environment a closte run against this simulator needs: its key and URL.
  var environment: [String: String] {
    [
      "CLOSTE_CLIENT_API_KEY": key, "CLOSTE_API_URL": "http://127.0.0.1:\(port)", "PATH": "/usr/bin:/bin",
      "HOME": folder.path,
    ]
  }

  /// Runs closte with the simulator's URL and key.
  func closte(_ arguments: [String], input: String = "", currentDirectory: String? = nil) throws -> BinaryRunner.Output
  {
    try BinaryRunner.run(
      arguments, input: input, environment: environment, currentDirectory: currentDirectory ?? folder.path)
  }

  /// The aliases it holds, sorted.
  func domains() throws -> [String] {
    try control("GET", "/_simulator/domains").split(separator: "\n").map(String.init).sorted()
  }

  /// The request log, one JSON object per request.
  func requests() throws -> [[String: Any]] {
    let text = try control("GET", "/_simulator/requests")
    return (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]) ?? []
  }

  func stats() throws -> [String: Any] {
    (try JSONSerialization.jsonObject(with: Data(try control("GET", "/_simulator/stats").utf8)) as? [String: Any])
      ?? [:]
  }

  func setFaults(_ query: String) throws { _ = try control("POST", "/_simulator/faults?" + query) }

  /// A wp-config.php for a network on `networkDomain`, in this simulator's folder.
  func writeConfig(networkDomain: String) throws -> String {
    let site = folder.appendingPathComponent("site")
    try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
    let config = """
      <?php
      define( 'MULTISITE', true );
      define( 'SUBDOMAIN_INSTALL', false );
      define( 'DOMAIN_CURRENT_SITE', '\(networkDomain)' );
      $table_prefix = 'wp_';
      """
    try Data(config.utf8).write(to: site.appendingPathComponent("wp-config.php"))
    return site.path
  }

  func writeFile(_ name: String, _ text: String) throws -> String {
    let file = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return file.path
  }

  private func control(_ method: String, _ path: String) throws -> String {
    guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { throw SyncSimulatorFailure("bad URL") }
    var request = URLRequest(url: url, timeoutInterval: 10)
    request.httpMethod = method
    let box = ResponseBox()
    let done = DispatchSemaphore(value: 0)
    URLSession.shared.dataTask(with: request) { data, _, _ in
      box.data = data
      done.signal()
    }.resume()
    guard done.wait(timeout: .now() + 15) == .success, let data = box.data else {
      throw SyncSimulatorFailure("no answer to \(method) \(path)")
    }
    return String(decoding: data, as: UTF8.self)
  }
}

struct SyncSimulatorFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

private final class PortBox: @unchecked Sendable { var port: Int? }
private final class ResponseBox: @unchecked Sendable { var data: Data? }
