import ClosteKit
import Foundation
import Testing

/// `closte completion bash`, loaded into a real bash and driven as bash drives a completion function
/// (COMP_LINE and COMP_POINT set, `_closte` called, COMPREPLY read back).
@Suite struct BashCompletionEndToEndTests {
  /// Completes `line` with the script of the built binary; the replies, one per line.
  static func complete(_ line: String, wordBreaks: String? = nil) throws -> [String] {
    let script = try BinaryRunner.run(["completion", "bash"]).stdout
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("closte-completion-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("closte.bash")
    try Data(script.utf8).write(to: file)
    var driver = "source \"$1\" && complete -p closte >/dev/null || exit 3\n"
    if wordBreaks != nil { driver += "COMP_WORDBREAKS=\"$3\"\n" }
    driver += "COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}; _closte; printf '%s\\n' \"${COMPREPLY[@]}\"\n"
    let output = try BinaryRunner.run(
      ["-c", driver, "bash", file.path, line, wordBreaks ?? ""], executable: "/bin/bash")
    #expect(output.status == 0, "\(output.stderr)")
    return output.stdout.split(separator: "\n").map(String.init)
  }

  @Test(arguments: [
    ("closte comp", ["completion"]),
    ("closte completion b", ["bash"]),
    ("closte --quiet completion ", ["bash"]),
    ("closte help completion ", ["bash"]),
    ("closte version --form", ["--format="]),
    ("closte version --format=j", ["json"]),
  ])
  func completes(line: String, expected: [String]) throws {
    #expect(try Self.complete(line) == expected)
  }

  @Test func offersEveryTopLevelWord() throws {
    let words = Set(try Self.complete("closte "))
    let groups = Set(CommandTable.standard.groups)
    #expect(words == groups)
  }

  /// Every command group of the table, as it is when this runs: its subcommands complete.
  @Test func completesTheSubcommandsOfEveryGroup() throws {
    for group in CommandTable.standard.groups {
      let children = CommandTable.standard.commands.map(\.name).filter { $0.hasPrefix(group + " ") }
      guard !children.isEmpty else { continue }
      let expected = children.map { String($0.dropFirst(group.count + 1).split(separator: " ")[0]) }
      #expect(try Self.complete("closte \(group) ") == NSOrderedSet(array: expected).array as? [String])
    }
  }

  @Test func keepsTheOptionNameWhenEqualsDoesNotBreakWords() throws {
    #expect(try Self.complete("closte version --format=y", wordBreaks: " ") == ["--format=yaml"])
  }

  @Test func completesFoldersForAFolderOption() throws {
    let replies = try Self.complete("closte version --path=/us")
    #expect(replies.contains("/usr"))
  }
}
