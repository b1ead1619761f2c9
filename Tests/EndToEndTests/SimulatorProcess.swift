import ClosteKit
import Foundation
import Values

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A `closte-simulator` started by one test on a free loopback port, stopped by `stop()` (or when
/// released), with a temporary folder of its own (for a seed, a site's wp-config.php, lists) removed
/// with it. Its control API gives the counters and the request log that prove what closte sent.
final class SimulatorProcess: @unchecked Sendable {
  static let key = "sim-key-0042-canary"

  let process = Process()
  let port: Int
  let key: String
  let folder: URL

  /// Starts it with `arguments` (faults), accepting `key`, holding the aliases of `seed` at first.
  init(_ arguments: [String] = [], key: String = SimulatorProcess.key, seed: [String] = []) throws {
    self.key = key
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("closte-sim-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var extra: [String] = []
    if !seed.isEmpty {
      let file = folder.appendingPathComponent("seed.txt")
      try Data(seed.joined(separator: "\n").utf8).write(to: file)
      extra.append("--seed=\(file.path)")
    }
    process.executableURL = URL(fileURLWithPath: BinaryRunner.simulator)
    process.arguments = ["--port=0", "--key=\(key)", "--quiet"] + extra + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The first line of standard output is the port; wait for it at most 10 seconds.
    let box = LineBox()
    let reader = pipe.fileHandleForReading
    DispatchQueue.global().async {
      var bytes: [UInt8] = []
      while !bytes.contains(10) {
        let chunk = reader.availableData
        if chunk.isEmpty { break }
        bytes += chunk
      }
      box.set(String(decoding: bytes, as: UTF8.self))
    }
    guard box.wait(seconds: 10), let line = box.value?.split(separator: "\n").first, let port = Int(line) else {
      process.terminate()
      try? FileManager.default.removeItem(at: folder)
      throw SimulatorFailure("the simulator did not print its port")
    }
    self.port = port
  }

  deinit { stop() }

  var url: String { "http://127.0.0.1:\(port)" }

  /// SIGTERM, then SIGKILL after 5 seconds: a test never waits on a simulator for ever. Its folder goes too.
  func stop() {
    defer { try? FileManager.default.removeItem(at: folder) }
    guard process.isRunning else { return }
    process.terminate()
    let deadline = Date().addingTimeInterval(5)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  func stats() throws -> JSONValue { try JSONParser.parse(try fetch("GET", "/_simulator/stats")) }
  func requests() throws -> [JSONValue] {
    try JSONParser.parse(try fetch("GET", "/_simulator/requests")).arrayValue ?? []
  }
  /// The simulator's aliases, sorted: adds run in parallel, so the order they landed in means nothing.
  func domains() throws -> [String] {
    try fetch("GET", "/_simulator/domains").split(separator: "\n").map(String.init).sorted()
  }
  func seed(_ names: [String]) throws { _ = try fetch("POST", "/_simulator/seed", body: names.joined(separator: "\n")) }
  func count(_ name: String) throws -> Int { try stats()[name]?.intValue ?? -1 }
  /// Changes faults while it runs (`latency=50&refuse=a.example`).
  func setFaults(_ query: String) throws { _ = try fetch("POST", "/_simulator/faults?" + query) }

  /// The environment a closte run against this simulator needs: its key and URL.
  var environment: [String: String] {
    ["CLOSTE_CLIENT_API_KEY": key, "CLOSTE_API_URL": url, "PATH": "/usr/bin:/bin", "HOME": folder.path]
  }

  /// Runs closte with this simulator's URL and key, in its folder (or `currentDirectory`).
  func closte(_ arguments: [String], input: String = "", currentDirectory: String? = nil) throws -> BinaryRunner.Output
  {
    try BinaryRunner.run(
      arguments, input: input, environment: environment, currentDirectory: currentDirectory ?? folder.path)
  }

  /// A wp-config.php for a network on `networkDomain`, in `site/` of this simulator's folder; returns that folder.
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

  /// A file in this simulator's folder; returns its path.
  func writeFile(_ name: String, _ text: String) throws -> String {
    let file = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return file.path
  }

  /// One control request, bounded to 10 seconds.
  func fetch(_ method: String, _ path: String, body: String = "") throws -> String {
    guard let target = URL(string: url + path) else { throw SimulatorFailure("bad path") }
    var request = URLRequest(url: target, timeoutInterval: 10)
    request.httpMethod = method
    if method == "POST" { request.httpBody = Data(body.utf8) }
    let box = LineBox()
    URLSession.shared.dataTask(with: request) { data, _, _ in
      box.set(data.map { String(decoding: $0, as: UTF8.self) })
    }.resume()
    guard box.wait(seconds: 10), let text = box.value else { throw SimulatorFailure("no answer from \(path)") }
    return text
  }
}

struct SimulatorFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

final class LineBox: @unchecked Sendable {
  private let semaphore = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var stored: String?

  func set(_ value: String?) {
    lock.lock()
    stored = value
    lock.unlock()
    semaphore.signal()
  }

  func wait(seconds: Double) -> Bool { semaphore.wait(timeout: .now() + seconds) == .success }

  var value: String? {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }
}

/// Runs closte against a simulator, with the key in the environment and a temporary working folder
/// that holds no wp-config.php.
struct ClosteRun {
  let simulator: SimulatorProcess
  var key: String? = SimulatorProcess.key
  var extraEnvironment: [String: String] = [:]

  func callAsFunction(_ arguments: [String], input: String = "", directory: String? = nil) throws -> BinaryRunner.Output
  {
    var environment = ["PATH": "/usr/bin:/bin", "CLOSTE_API_URL": simulator.url]
    if let key { environment["CLOSTE_CLIENT_API_KEY"] = key }
    for (name, value) in extraEnvironment { environment[name] = value }
    let folder = try directory ?? temporaryFolder("closte-cwd")
    defer { if directory == nil { try? FileManager.default.removeItem(atPath: folder) } }
    return try BinaryRunner.run(arguments, input: input, environment: environment, currentDirectory: folder)
  }
}

func temporaryFolder(_ name: String = "closte-e2e") throws -> String {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }
