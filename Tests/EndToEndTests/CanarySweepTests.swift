import ClosteKit
import Diagnostics
import Foundation
import Synchronization
import Testing
import Values

/// Every command of the command table, with `--debug` and every `--format`, through argv and through
/// rpc, against a simulator that echoes the key back in every spelling (`--echo-key`): neither the
/// key nor the database password may appear, in any spelling or in part, on standard output,
/// standard error or in the wu-logs files. A new command is swept without a change here.
@Suite(.serialized) struct CanarySweepTests {
  static let suffix = String(UUID().uuidString.prefix(6))
  /// With `/`, `+`, `=` and a line break.
  static let key = "Kc4/Yw+Qm=Jn\nPz8/Ht+Xv=Bd-\(suffix)"
  static let password = "Db7/Gh+Rt=Uv\nWq5-\(suffix)"
  static let salt = "Sa1/Lt+Ab=Cd-\(suffix)"

  static let wpConfig = """
    <?php
    define( 'DB_NAME', 'canary_db' );
    define( 'DB_PASSWORD', "Db7/Gh+Rt=Uv\\nWq5-\(suffix)" );
    define( 'AUTH_SALT', 'Sa1/Lt+Ab=Cd-\(suffix)' );
    define( 'DOMAIN_CURRENT_SITE', 'network.closte.test' );
    """

  /// A WordPress root with the canary config and a wu-logs folder.
  static func root() throws -> String {
    let root = try temporaryFolder("closte-canary")
    try wpConfig.write(toFile: root + "/wp-config.php", atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(
      atPath: root + "/wp-content/uploads/wu-logs", withIntermediateDirectories: true)
    return root
  }

  /// Positional arguments for a command, by the argument's name.
  static func arguments(_ spec: CommandSpec) -> [String] {
    spec.arguments.flatMap { argument -> [String] in
      switch argument.name {
      case "domain": return ["shop.closte.test"]
      case "name": return ["DB_PASSWORD"]
      case "filter": return ["DB_"]
      case "command": return ["domain", "add"]
      default: return ["x"]
      }
    }
  }

  /// No format, every global format and the command's own. With the `text` echo, where every call
  /// to Closte fails the same way, only the default and JSON (the error's two shapes).
  static func formats(_ spec: CommandSpec, echo: String) -> [String?] {
    guard echo == "json" else { return [nil, "json"] }
    let own = spec.options.first { $0.name == "format" }?.choices ?? []
    let global = GlobalOptions.all.first { $0.name == "format" }?.choices ?? []
    var all: [String?] = [nil]
    for format in global + own where !all.contains(format) { all.append(format) }
    return all
  }

  /// The options of one run, as name and value (nil for a flag).
  static func options(_ spec: CommandSpec, format: String?, network: LoopbackNetwork) -> [(String, String?)] {
    var options: [(String, String?)] = [
      ("debug", nil), ("retries", "0"), ("timeout", "5"), ("resolver", network.dns.resolver),
      ("port", String(network.server.port)), ("ca-file", network.pki.caFile),
    ]
    if let format { options.append(("format", format)) }
    if spec.options.contains(where: { $0.name == "max-tries" }) { options.append(("max-tries", "1")) }
    return options
  }

  @Test(arguments: ["json", "text"])
  func noSpellingOfASecretLeavesTheProcess(echo: String) throws {
    let simulator = try SimulatorProcess(["--echo-key=\(echo)"], key: CanarySweepTests.key)
    defer { simulator.stop() }
    let network = try LoopbackNetwork()
    defer { network.stop() }
    let root = try CanarySweepTests.root()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let environment = [
      "PATH": "/usr/bin:/bin", "CLOSTE_API_URL": simulator.url, "CLOSTE_CLIENT_API_KEY": CanarySweepTests.key,
    ]
    let commands = CommandTable.standard.commands.filter { $0.name != "rpc" }

    // argv: every command and format; the table both piped and boxed in a narrow terminal.
    var runs: [([String], [String: String])] = []
    for spec in commands {
      for format in CanarySweepTests.formats(spec, echo: echo) {
        let options = CanarySweepTests.options(spec, format: format, network: network).map { name, value in
          value.map { "--\(name)=\($0)" } ?? "--\(name)"
        }
        let argv = spec.name.split(separator: " ").map(String.init) + CanarySweepTests.arguments(spec) + options
        runs.append((argv, environment))
        if format == nil || format == "table" {
          runs.append((argv, environment.merging(["SHELL_PIPE": "0", "COLUMNS": "40"]) { $1 }))
        }
      }
    }
    let outputs = Outputs()
    DispatchQueue.concurrentPerform(iterations: runs.count) { index in
      let (argv, environment) = runs[index]
      let output = try? BinaryRunner.run(argv, environment: environment, currentDirectory: root)
      outputs.add(argv.joined(separator: " "), (output?.stdout ?? "") + (output?.stderr ?? ""))
    }

    // rpc: the same requests in one stream.
    var requests: [String] = []
    for spec in commands {
      for format in CanarySweepTests.formats(spec, echo: echo) {
        var assoc = JSONObject()
        for (name, value) in CanarySweepTests.options(spec, format: format, network: network) {
          assoc[name] = value.map { .string($0) } ?? .bool(true)
        }
        let request: JSONValue = [
          "id": .int(requests.count), "command": .string(spec.name),
          "args": .array(CanarySweepTests.arguments(spec).map { .string($0) }), "assoc_args": .object(assoc),
        ]
        requests.append(JSONWriter.encode(request))
      }
    }
    let rpc = try BinaryRunner.run(
      ["rpc", "--debug"], input: requests.joined(separator: "\n") + "\n", environment: environment,
      currentDirectory: root)
    outputs.add("rpc", rpc.stdout + rpc.stderr)
    #expect(rpc.stdout.split(separator: "\n").count == requests.count, "\(rpc.stderr)")

    let logs = root + "/wp-content/uploads/wu-logs"
    for file in try FileManager.default.contentsOfDirectory(atPath: logs) {
      outputs.add("wu-logs/" + file, try String(contentsOfFile: logs + "/" + file, encoding: .utf8))
    }

    let all = outputs.all
    #expect(all.contains { $0.text.contains("Debug: ") })
    // The echo reached closte and was masked (not merely never shown).
    #expect(all.contains { $0.text.contains(SecretRedactor.mask) })
    for secret in [CanarySweepTests.key, CanarySweepTests.password, CanarySweepTests.salt] {
      for (source, text) in all {
        let leaks = LeakCheck.pieces(of: secret, in: text)
        #expect(leaks.isEmpty, "\(source) shows \(leaks.prefix(3)) of a secret")
      }
    }
  }

  @Test func aURLPasswordIsASecret() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let password = "Ur1/Pw+Xy=Zz-\(CanarySweepTests.suffix)"
    let encoded = "Ur1%2FPw%2BXy%3DZz-\(CanarySweepTests.suffix)"
    let url = "http://user:\(encoded)@127.0.0.1:\(simulator.port)"
    let run = ClosteRun(simulator: simulator)
    var texts: [String] = []
    for format in ["json", "table"] {
      let argv = try run(["check", "--api-url=\(url)", "--debug", "--format=\(format)"])
      texts.append(argv.stdout + argv.stderr)
    }
    let fromEnvironment = try ClosteRun(simulator: simulator, extraEnvironment: ["CLOSTE_API_URL": url])(
      ["domain", "list", "--debug"])
    texts.append(fromEnvironment.stdout + fromEnvironment.stderr)
    let request: JSONValue = ["id": 1, "command": "check", "assoc_args": ["api-url": .string(url), "debug": true]]
    let rpc = try run(["rpc"], input: JSONWriter.encode(request) + "\n")
    texts.append(rpc.stdout + rpc.stderr)
    #expect(texts.allSatisfy { $0.contains("api_url_invalid") || $0.contains("carries credentials") })
    for text in texts {
      #expect(LeakCheck.pieces(of: password, in: text).isEmpty, "\(text)")
    }
  }
}

/// What each run printed, collected from many threads.
final class Outputs: Sendable {
  private let texts = Mutex<[(source: String, text: String)]>([])

  func add(_ source: String, _ text: String) { texts.withLock { $0.append((source, text)) } }

  var all: [(source: String, text: String)] { texts.withLock { $0 } }
}

/// The pieces of a secret found in a text: every 10-byte window of each of its spellings, written
/// here apart from closte's scrubber, compared without case.
enum LeakCheck {
  static func pieces(of secret: String, in text: String) -> [String] {
    let haystack = text.lowercased()
    var found: [String] = []
    for spelling in spellings(secret) {
      let bytes = Array(spelling.lowercased().utf8)
      let width = min(10, bytes.count)
      for start in 0...(bytes.count - width) {
        let piece = String(decoding: bytes[start..<(start + width)], as: UTF8.self)
        if haystack.contains(piece), !found.contains(piece) { found.append(piece) }
      }
    }
    return found
  }

  static func spellings(_ secret: String) -> [String] {
    let json = jsonEscaped(secret, slash: true)
    return [
      secret, secret.replacingOccurrences(of: "\n", with: " "), json, jsonEscaped(secret, slash: false),
      jsonEscaped(json, slash: true), percent(secret, space: "%20"), percent(secret, space: "+"),
    ]
  }

  static func jsonEscaped(_ text: String, slash: Bool) -> String {
    text.unicodeScalars.map { scalar -> String in
      switch scalar {
      case "\\": return "\\\\"
      case "\"": return "\\\""
      case "/": return slash ? "\\/" : "/"
      case "\n": return "\\n"
      default: return scalar.value < 0x20 ? "\\u00" + hex(UInt8(scalar.value)).lowercased() : String(scalar)
      }
    }.joined()
  }

  static func percent(_ text: String, space: String) -> String {
    text.utf8.map { byte -> String in
      if byte == 0x20 { return space }
      let plain = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
      return plain ? String(UnicodeScalar(byte)) : "%" + hex(byte)
    }.joined()
  }

  static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
  }
}
