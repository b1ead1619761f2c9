import Foundation

@testable import PHPReader
@testable import Values

/// Runs real PHP (php-cli) on a wp-config.php through `Fixtures/oracle.php` and returns the
/// constants and variables PHP itself ends up with: the ground truth of the differential tests.
enum PHPConfigOracle {
  struct Definitions {
    var constants: [(name: String, value: PHPValue?)]
    var variables: [(name: String, value: PHPValue?)]
  }

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// The fixed environment both PHP and the reader see, so getenv() cases are deterministic.
  static let environment: [String: String] = [
    "CLOSTE_TEST_HOST": "db.internal", "CLOSTE_TEST_PORT": "3307", "CLOSTE_TEST_DEBUG": "yes",
    "CLOSTE_TEST_ENV": "production", "PATH": "/usr/local/bin:/usr/bin:/bin",
  ]

  static var phpPath: String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      let candidate = "\(folder)/php"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The context both sides read a fixture in: WP-CLI's, with the WordPress root as the fixture's
  /// folder, and `url` as WP-CLI's `--url`.
  static func context(for file: String, url: String? = nil) -> PHPRunContext {
    PHPRunContext(environment: environment, url: url, abspath: PHPPaths.dirname(file, levels: 1) + "/")
  }

  /// Runs `file` in real PHP as WP-CLI would read it (`php -n`, with Debian's `variables_order`).
  static func run(_ file: String, url: String? = nil) throws -> Definitions {
    guard let php = phpPath else { throw Failure(description: "php is not installed (scripts/install-deps.sh)") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: php)
    process.arguments =
      [
        "-n", "-d", "display_errors=stderr", "-d", "variables_order=GPCS",
        fixtures.appendingPathComponent("oracle.php").path, file,
      ]
      + [context(for: file).abspath ?? "/"] + (url.map { [$0] } ?? [])
    process.environment = environment
    process.currentDirectoryURL = URL(fileURLWithPath: file).deletingLastPathComponent()
    let output = Pipe()
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent("closte-oracle-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errors) }
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard let json = try? JSONParser.parse([UInt8](data)) else {
      let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
      throw Failure(description: "php did not run \(file) to the end: \(stderr.suffix(500))")
    }
    return Definitions(constants: try pairs(json["constants"]), variables: try pairs(json["variables"]))
  }

  /// `php -l file`: its exit status and what it printed.
  static func lint(_ file: String) throws -> (status: Int32, output: String) {
    guard let php = phpPath else { throw Failure(description: "php is not installed (scripts/install-deps.sh)") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: php)
    process.arguments = ["-n", "-l", file]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  private static func pairs(_ json: JSONValue?) throws -> [(name: String, value: PHPValue?)] {
    guard let list = json?.arrayValue else { throw Failure(description: "oracle output has no list") }
    return list.compactMap { pair in
      guard let parts = pair.arrayValue, parts.count == 2, let name = parts[0].stringValue else { return nil }
      return (name, value(parts[1]))
    }
  }

  /// Undoes oracle.php's tagging; nil for what has no PHPValue (objects, resources).
  static func value(_ tagged: JSONValue) -> PHPValue? {
    guard let parts = tagged.arrayValue, let tag = parts.first?.stringValue else { return nil }
    switch tag {
    case "null": return .null
    case "bool": return parts[1].boolValue.map(PHPValue.bool)
    case "int": return parts[1].intValue.map(PHPValue.int)
    case "float":
      switch parts[1].stringValue {
      case "NAN": return .float(.nan)
      case "INF": return .float(.infinity)
      case "-INF": return .float(-.infinity)
      case let text?: return Double(text).map(PHPValue.float)
      case nil: return nil
      }
    case "string": return parts[1].stringValue.map { .string(String(decoding: hexBytes($0), as: UTF8.self)) }
    case "array":
      var entries: [PHPArray.Entry] = []
      for entry in parts[1].arrayValue ?? [] {
        guard let pair = entry.arrayValue, pair.count == 2, let key = pair[0].arrayValue, key.count == 2,
          let element = value(pair[1])
        else { return nil }
        let arrayKey: PHPArrayKey
        if key[0].stringValue == "int", let number = key[1].intValue {
          arrayKey = .int(number)
        } else {
          arrayKey = .string(String(decoding: hexBytes(key[1].stringValue ?? ""), as: UTF8.self))
        }
        entries.append(PHPArray.Entry(key: arrayKey, value: element))
      }
      return .array(PHPArray(entries: entries))
    default: return nil
    }
  }

  private static func hexBytes(_ hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var iterator = hex.utf8.makeIterator()
    while let high = iterator.next(), let low = iterator.next() {
      bytes.append(UInt8(hexDigit(high) << 4 | hexDigit(low)))
    }
    return bytes
  }

  private static func hexDigit(_ byte: UInt8) -> Int {
    byte <= 0x39 ? Int(byte - 0x30) : Int(byte | 0x20) - 0x61 + 10
  }
}

/// Equality as PHP's `===` sees it for what the tests compare: floats bit for bit (NaN equals NaN).
func samePHPValue(_ lhs: PHPValue, _ rhs: PHPValue) -> Bool {
  switch (lhs, rhs) {
  case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
  case (.array(let a), .array(let b)):
    return a.entries.count == b.entries.count
      && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && samePHPValue($0.value, $1.value) }
  default: return lhs == rhs
  }
}
