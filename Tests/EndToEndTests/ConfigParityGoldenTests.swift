import Foundation
import Testing

/// Every case of WP-CLI 2.12.0's own `wp config` bytes (config-command v2.3.8) that closte must match,
/// run through the built binary in the same layouts: exit status, standard output and standard error
/// byte for byte. The cases, their command lines and layouts are in
/// Tests/OutputTests/Fixtures/wp-cli-config-parity/ (README.md, INDEX.tsv, cases/).
@Suite struct ConfigParityGoldenTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../OutputTests/Fixtures/wp-cli-config-parity").standardizedFileURL

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var directory: String
    var environment: [String: String]
    var arguments: [String]
    var testDescription: String { name }
  }

  /// INDEX.tsv: name, working directory below the root, command line (`[VAR=value ]wp config ...`).
  static let cases: [Case] = {
    guard let index = try? String(contentsOf: fixtures.appendingPathComponent("INDEX.tsv"), encoding: .utf8) else {
      return []
    }
    return index.split(separator: "\n").compactMap { line in
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard columns.count == 3 else { return nil }
      var words = columns[2].split(separator: " ").map(String.init)
      var environment: [String: String] = [:]
      while let first = words.first, first.contains("="), !first.hasPrefix("-") {
        let pair = first.split(separator: "=", maxSplits: 1).map(String.init)
        environment[pair[0]] = pair.count > 1 ? pair[1] : ""
        words.removeFirst()
      }
      guard words.first == "wp" else { return nil }
      return Case(
        name: columns[0], directory: columns[1], environment: environment, arguments: Array(words.dropFirst()))
    }
  }()

  /// Cases whose expected bytes also need the reader's side of issue 14 (a `$_leading_underscore_var`
  /// listed, `WP_PROXY_BYPASS_HOSTS` not taken for a secret). Empty this set once that work is in.
  /// The layouts of the README: each `<dir>/wordpress/` a WordPress root (wp-load.php, wp-settings.php,
  /// wp-includes/version.php) with its wp-config.php.
  final class Root {
    let path: String

    init() throws {
      let folder = "/tmp/cp" + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8)).lowercased()
      let manager = FileManager.default
      try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
      path = (try? manager.destinationOfSymbolicLink(atPath: folder)) ?? folder
      let cases = ConfigParityGoldenTests.fixtures.appendingPathComponent("cases")
      for layout in ["formats", "bom", "noopen", "missing", "symlink"] {
        let root = "\(path)/\(layout)/wordpress"
        try manager.createDirectory(atPath: root + "/wp-includes", withIntermediateDirectories: true)
        for file in ["wp-load.php", "wp-settings.php", "wp-includes/version.php"] {
          _ = manager.createFile(atPath: "\(root)/\(file)", contents: Data("<?php\n".utf8))
        }
        if ["formats", "bom", "noopen"].contains(layout) {
          try manager.copyItem(
            atPath: cases.appendingPathComponent("\(layout).wp-config.php").path, toPath: root + "/wp-config.php")
        }
      }
      try manager.createDirectory(atPath: path + "/symlink/real", withIntermediateDirectories: true)
      try manager.copyItem(
        atPath: cases.appendingPathComponent("formats.wp-config.php").path,
        toPath: path + "/symlink/real/wp-config.php")
      try manager.createSymbolicLink(
        atPath: path + "/symlink/wordpress/wp-config.php", withDestinationPath: path + "/symlink/real/wp-config.php")
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A golden file's bytes with `<root>` replaced by this root.
    func expected(_ name: String) throws -> [UInt8] {
      let bytes = [UInt8](try Data(contentsOf: ConfigParityGoldenTests.fixtures.appendingPathComponent(name)))
      let marker = Array("<root>".utf8)
      var out: [UInt8] = []
      var index = 0
      while index < bytes.count {
        if bytes[index...].starts(with: marker) {
          out += Array(path.utf8)
          index += marker.count
        } else {
          out.append(bytes[index])
          index += 1
        }
      }
      return out
    }
  }

  @Test func everyCaseOfTheIndexIsRead() {
    #expect(Self.cases.count == 22)
  }

  @Test(arguments: cases) func matchesWPCLI(_ testCase: Case) throws {
    let root = try Root()
    var environment = ["PATH": "/usr/bin:/bin", "HOME": root.path, "LANG": "C.UTF-8"]
    environment.merge(testCase.environment) { $1 }
    let output = try BinaryRunner.run(
      testCase.arguments, environment: environment, currentDirectory: root.path + "/" + testCase.directory)
    let expectedStatus = String(decoding: try root.expected(testCase.name + ".exit"), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let expectedStdout = try root.expected(testCase.name + ".stdout")
    let expectedStderr = try root.expected(testCase.name + ".stderr")
    let check = {
      #expect(String(output.status) == expectedStatus, "exit status")
      #expect(output.stdoutBytes == expectedStdout, "stdout: \(output.stdout)")
      #expect(output.stderrBytes == expectedStderr, "stderr: \(output.stderr)")
    }
    check()
  }
}
