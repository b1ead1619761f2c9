import Foundation
import TestSupport
import Testing

@testable import Diagnostics
@testable import WPConfig

/// Input a reader meets in the wild or from an attacker: each gets a clear error or a correct
/// result, never a crash, a hang or a stack overflow.
@Suite struct WPConfigBadInputTests {
  static func readSource(_ bytes: [UInt8]) throws -> WPConfig {
    try WPConfigReader.read(source: bytes, path: "/nonexistent/wp-config.php", environment: [:])
  }

  static func code(_ body: () throws -> Void) -> ErrorCode? {
    do {
      try body()
      return nil
    } catch let error as ClosteError {
      return error.code
    } catch {
      return .internalError
    }
  }

  @Test func missingFile() throws {
    let folder = try TemporaryFolder()
    #expect(
      WPConfigBadInputTests.code { _ = try WPConfigReader.read(path: folder.path + "/nope.php", environment: [:]) }
        == .configNotFound)
  }

  @Test func directory() throws {
    let folder = try TemporaryFolder()
    #expect(
      WPConfigBadInputTests.code { _ = try WPConfigReader.read(path: folder.path, environment: [:]) }
        == .configUnreadable)
  }

  @Test func unreadableFile() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("wp-config.php", "<?php define('A', 1);")
    chmod(file, 0)
    defer { chmod(file, 0o644) }
    // root reads anything: there the file is simply read.
    if geteuid() == 0 {
      #expect(try WPConfigReader.read(path: file, environment: [:]).constant("A")?.value == .int(1))
    } else {
      #expect(
        WPConfigBadInputTests.code { _ = try WPConfigReader.read(path: file, environment: [:]) } == .configUnreadable)
    }
  }

  @Test func specialFile() {
    #expect(
      WPConfigBadInputTests.code { _ = try WPConfigReader.read(path: "/dev/null", environment: [:]) }
        == .configUnreadable)
  }

  @Test(arguments: ["", "<?php", "<?php\n", "just html, no php", "<?php ?>", "\u{FEFF}", "<?php ;;;;", "<?php }"])
  func emptyOrNothingDefined(source: String) throws {
    #expect(try WPConfigBadInputTests.readSource(Array(source.utf8)).items.isEmpty)
  }

  @Test(arguments: [
    ("<?php define('A', 'never closed);", 1), ("<?php\n$a = \"never closed;", 2),
    ("<?php\ndefine('A', <<<EOT\nbody\n", 2),
    ("<?php if (true) {\ndefine('A', 1);\n", 3), ("<?php if (true):\n", 2),
  ])
  func unterminated(source: String, line: Int) {
    do {
      _ = try WPConfigBadInputTests.readSource(Array(source.utf8))
      Issue.record("expected config_parse_error")
    } catch let error as ClosteError {
      #expect(error.code == .configParseError)
      #expect(error.details?["line"] == .int(line))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  /// PHP 8 refuses the whole file (it was read up to the comment before).
  @Test func unterminatedCommentRefusesTheFile() throws {
    #expect(
      WPConfigBadInputTests.code {
        _ = try WPConfigBadInputTests.readSource(Array("<?php define('A', 1); /* define('B', 2);".utf8))
      } == .configParseError)
  }

  @Test func binaryGarbage() throws {
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<50 {
      let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
      _ = try? WPConfigBadInputTests.readSource(garbage)
      _ = try? WPConfigBadInputTests.readSource(Array("<?php ".utf8) + garbage)
    }
  }

  @Test func tenThousandNestedParentheses() throws {
    let depth = 10_000
    let source =
      "<?php define('DEEP', " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
      + ");\ndefine('AFTER', 2);"
    let config = try WPConfigBadInputTests.readSource(Array(source.utf8))
    #expect(config.constant("DEEP")?.value == .int(1))
    #expect(config.constant("AFTER")?.value == .int(2))
    let unclosed = "<?php define('A', 1);\ndefine('OPEN', " + String(repeating: "(", count: depth) + "1"
    #expect(
      WPConfigBadInputTests.code { _ = try WPConfigBadInputTests.readSource(Array(unclosed.utf8)) } == .configParseError
    )
  }

  @Test func tenThousandNestedArraysAndBlocks() throws {
    let arrays = "<?php $a = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + ";"
    #expect(try WPConfigBadInputTests.readSource(Array(arrays.utf8)).items.isEmpty)
    let blocks = "<?php " + String(repeating: "{", count: 10_000) + String(repeating: "}", count: 10_000)
    #expect(
      WPConfigBadInputTests.code { _ = try WPConfigBadInputTests.readSource(Array(blocks.utf8)) } == .configParseError)
    let ifs = "<?php " + String(repeating: "if (1) ", count: 10_000) + "define('A', 1);"
    #expect(
      WPConfigBadInputTests.code { _ = try WPConfigBadInputTests.readSource(Array(ifs.utf8)) } == .configParseError)
    let ternaries = "<?php define('T', " + String(repeating: "null ?? ", count: 10_000) + "1);"
    #expect(try WPConfigBadInputTests.readSource(Array(ternaries.utf8)).constant("T")?.resolved == false)
    let negations = "<?php define('N', " + String(repeating: "!", count: 10_000) + "1);"
    #expect(try WPConfigBadInputTests.readSource(Array(negations.utf8)).constant("N")?.value == .bool(true))
  }

  @Test func hundredThousandConcatenations() throws {
    let count = 100_000
    var source = "<?php define('LONG', 'x'"
    source.reserveCapacity(count * 7)
    for _ in 0..<count { source += " . 'x'" }
    source += ");"
    let config = try WPConfigBadInputTests.readSource(Array(source.utf8))
    #expect(config.constant("LONG")?.value == .string(String(repeating: "x", count: count + 1)))
  }

  /// A 30 MB file (what a generated or vendored config could be) is read whole: a block of a
  /// thousand definitions repeated, so later copies are redefinitions PHP ignores.
  @Test func thirtyMegabytes() throws {
    var block = ""
    let filler = String(repeating: "lorem ipsum dolor sit amet ", count: 8)
    for index in 0..<1000 {
      block += "/* \(filler)\n * define('COMMENTED_\(index)', 1); \(filler) */\n"
      block +=
        "define('NAME_\(index)', '\(filler)' . \"\\t\" . (\(index) * 60));\n$var_\(index) = [\(index), 'k' => true];\n"
    }
    let blockBytes = Array(block.utf8)
    var source = Array("<?php\n".utf8)
    source.reserveCapacity(31 * 1024 * 1024)
    while source.count < 30 * 1024 * 1024 { source += blockBytes }
    let config = try WPConfigBadInputTests.readSource(source)
    #expect(config.items.count == 2000)
    #expect(config.constant("NAME_999")?.value == .string(filler + "\t59940"))
    #expect(config.constant("NAME_999")?.line == 4 * 999 + 4)
  }

  /// Every prefix of a valid config reads to a result or a `config_parse_error`, never a crash.
  @Test func everyTruncation() throws {
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures/differential")
    for name in ["basic.php", "strings.php", "conditionals.php"] {
      let bytes = [UInt8](try Data(contentsOf: golden.appendingPathComponent(name)))
      for length in 0...bytes.count {
        let code = WPConfigBadInputTests.code { _ = try WPConfigBadInputTests.readSource(Array(bytes[0..<length])) }
        #expect(code == nil || code == .configParseError, "\(name) cut at \(length): \(code?.rawValue ?? "")")
      }
    }
  }
}
