import ClosteKit
import Foundation
import Testing

/// Files as a hostile or broken host gives them (issue 11, §4): a deleted working directory, a
/// disk that fills up in the middle of a log line.
@Suite struct FileSafetyEndToEndTests {
  /// Runs closte through bash after `setup` (shell commands), with `$1` the closte binary.
  static func shell(_ setup: String, _ arguments: [String], environment: [String: String] = [:]) throws
    -> BinaryRunner.Output
  {
    try BinaryRunner.run(
      ["-c", setup + " && exec \"$1\" \"${@:2}\"", "bash", BinaryRunner.closte] + arguments, executable: "/bin/bash",
      environment: ["PATH": "/usr/bin:/bin"].merging(environment) { $1 })
  }

  @Test func aDeletedWorkingDirectoryIsAnErrorNotTheRootFolder() throws {
    let folder = try temporaryFolder("closte-gone")
    let gone = folder + "/cwd"
    try FileManager.default.createDirectory(atPath: gone, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for options in [["--config=wp-config.php"], ["--path=site"], []] {
      let output = try Self.shell(
        "cd '\(gone)' && rmdir '\(gone)'", ["domain", "list", "--format=json"] + options)
      #expect(output.status == 2, "\(options): \(output.stderr)")
      #expect(output.stdout.contains(#""code":"working_directory_missing""#), "\(options): \(output.stdout)")
      #expect(!output.stderr.contains("/wp-config.php"))
      try FileManager.default.createDirectory(atPath: gone, withIntermediateDirectories: true)
      // `config get` answers as `wp config get` does: exit 1 and no JSON on standard output, and
      // still never a wp-config.php found from the root folder.
      let config = try Self.shell("cd '\(gone)' && rmdir '\(gone)'", ["config", "get", "DB_NAME"] + options)
      #expect(config.status == 1, "\(options): \(config.stderr)")
      #expect(config.stdout.isEmpty)
      #expect(!config.stderr.contains("/wp-config.php"))
      try FileManager.default.createDirectory(atPath: gone, withIntermediateDirectories: true)
    }
  }

  @Test func aLogLineThatDoesNotFitIsTakenBackWhole() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let logs = simulator.folder.appendingPathComponent("logs").path
    try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
    // 1,000 bytes of earlier lines; `ulimit -f 1` lets the file grow to 1,024 bytes: the next line
    // fits only in part, as on a disk that is full.
    let earlier = String(repeating: "[2026-01-01 00:00:00] [INFO] an earlier line\n", count: 15)
    let filler = earlier + String(repeating: "x", count: 1000 - earlier.utf8.count - 1) + "\n"
    let integration = logs + "/integration-closte.log"
    try Data(filler.utf8).write(to: URL(fileURLWithPath: integration))
    let output = try Self.shell(
      "ulimit -f 1", ["domain", "add", "a.example", "--log-dir=\(logs)"], environment: simulator.environment)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try simulator.domains() == ["a.example"])
    // No partial line: the file is as it was.
    #expect(try String(contentsOfFile: integration, encoding: .utf8) == filler)
    // The domain's own log had room: its line is whole.
    let domain = try String(contentsOfFile: logs + "/domain-a.example.log", encoding: .utf8)
    #expect(domain.hasSuffix("[INFO] Added domain alias a.example on Closte.\n"))
  }
}
