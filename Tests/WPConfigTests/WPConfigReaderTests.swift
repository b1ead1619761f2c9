import Foundation
import Testing

@testable import Diagnostics
@testable import WPConfig

/// A temporary folder for one test, removed when the test ends.
final class TemporaryFolder {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("closte-php-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  @discardableResult
  func write(_ name: String, _ contents: String) throws -> String {
    try write(name, Array(contents.utf8))
  }

  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = path + "/" + name
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }
}

@Suite struct WPConfigReaderTests {
  static func read(_ source: String, environment: [String: String] = [:]) throws -> WPConfig {
    try WPConfigReader.read(source: Array(source.utf8), path: "/nonexistent/wp-config.php", environment: environment)
  }

  /// The golden sample: items in the order PHP runs them, the include where it happens.
  @Test func listsItemsInFileOrderWithIncludes() throws {
    let folder = try TemporaryFolder()
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "../OutputTests/Fixtures/wp-cli-golden-config"
    ).standardizedFileURL
    let main = try folder.write(
      "wp-config.php", String(contentsOf: golden.appendingPathComponent("wp-config.php"), encoding: .utf8))
    try folder.write("extra.php", String(contentsOf: golden.appendingPathComponent("extra.php"), encoding: .utf8))
    let real = WPConfigFile.realPath(folder.path)
    let config = try WPConfigReader.read(path: main, environment: [:])
    #expect(
      config.items.map { "\($0.type.rawValue):\($0.name)" } == [
        "constant:DB_NAME", "constant:DB_USER", "constant:DB_PASSWORD", "constant:DB_HOST", "constant:WP_DEBUG",
        "constant:WP_CACHE", "constant:NULLED", "constant:INT_VAL", "constant:FLOAT_VAL", "constant:FLOAT_WHOLE",
        "constant:EMPTY_VAL", "constant:MULTI", "variable:table_prefix", "includes:extra.php", "constant:INCLUDED_C",
        "variable:custom_list", "constant:ABSPATH",
      ])
    #expect(config.path == main)
    #expect(config.constant("INCLUDED_C")?.file == real + "/extra.php")
    #expect(config.constant("INCLUDED_C")?.line == 1)
    #expect(config.items.first { $0.type == .includes }?.value == .string(real + "/extra.php"))
    #expect(config.constant("FLOAT_WHOLE")?.value == .float(2))
    #expect(config.constant("MULTI")?.value == .string("a\nb"))
    #expect(config.constant("ABSPATH")?.conditional == false)
    #expect(config.constant("ABSPATH")?.value == .string(real + "/"))
    #expect(config.items.allSatisfy { $0.resolved })
  }

  @Test func firstDefineWinsAndLastAssignmentWins() throws {
    let config = try WPConfigReaderTests.read(
      "<?php define('A', 1); define('A', 2); $v = 1; $v = 2; define('B', A . $v);")
    #expect(config.items.filter { $0.name == "A" }.count == 1)
    #expect(config.constant("A")?.value == .int(1))
    #expect(config.variable("v")?.value == .int(2))
    #expect(config.variable("v")?.line == 1)
    #expect(config.constant("B")?.value == .string("12"))
  }

  @Test func marksConditionalDefinitions() throws {
    let config = try WPConfigReaderTests.read(
      """
      <?php
      if (!defined('GUARDED')) { define('GUARDED', 1); }
      defined('OR_GUARDED') || define('OR_GUARDED', 1);
      if (getenv('X') === 'y') { define('BY_ENV', 1); } else { define('BY_ENV', 2); }
      if (is_multisite()) { define('UNKNOWN', 1); } else { define('UNKNOWN', 2); }
      define('AFTER', UNKNOWN);
      """, environment: ["X": "y"])
    #expect(config.constant("GUARDED")?.conditional == false)
    #expect(config.constant("OR_GUARDED")?.conditional == false)
    #expect(config.items.filter { $0.name == "BY_ENV" }.map(\.value) == [.int(1)])
    #expect(config.constant("BY_ENV")?.conditional == true)
    let unknown = config.items.filter { $0.name == "UNKNOWN" }
    #expect(unknown.count == 2)
    #expect(unknown.allSatisfy { $0.conditional })
    #expect(config.constant("AFTER")?.resolved == false)
  }

  @Test func skipsFunctionAndClassBodies() throws {
    let config = try WPConfigReaderTests.read(
      """
      <?php
      function f() { define('IN_F', 1); $x = 1; }
      abstract class C extends B implements I { public function m() { define('IN_M', 1); } }
      interface I {} trait T { function t() { define('IN_T', 1); } }
      enum E: string { case A = 'a'; }
      define('OUTSIDE', 1);
      """)
    #expect(config.items.map(\.name) == ["OUTSIDE"])
  }

  @Test func neverFollowsWPSettingsAndNotesMissingIncludes() throws {
    let config = try WPConfigReaderTests.read(
      """
      <?php
      define('ABSPATH', '/var/www/');
      require_once ABSPATH . 'wp-settings.php';
      include __DIR__ . '/missing.php';
      require_once some_path() . '/x.php';
      define('AFTER', 1);
      """)
    #expect(config.items.map(\.name) == ["ABSPATH", "missing.php", "(unresolved include)", "AFTER"])
    #expect(config.items[1].resolved == false)
    #expect(config.items[1].reason == "includes /nonexistent/missing.php, which does not exist")
    #expect(config.items[2].reason == "calls the function some_path()")
  }

  @Test func followsIncludeCyclesOnce() throws {
    let folder = try TemporaryFolder()
    let main = try folder.write("wp-config.php", "<?php define('MAIN', 1); include __DIR__ . '/a.php';")
    try folder.write("a.php", "<?php define('A', 1); include __DIR__ . '/b.php';")
    try folder.write("b.php", "<?php define('B', 1); include __DIR__ . '/a.php';")
    let config = try WPConfigReader.read(path: main, environment: [:])
    #expect(config.items.filter { $0.type == .constant }.map(\.name) == ["MAIN", "A", "B"])
    #expect(config.items.last?.resolved == false)
  }

  @Test func reportsParseErrorsWithFileAndLine() throws {
    let folder = try TemporaryFolder()
    let main = try folder.write("wp-config.php", "<?php\ninclude __DIR__ . '/bad.php';")
    let bad = try folder.write("bad.php", "<?php\n\ndefine('A', 'unterminated);\n")
    do {
      _ = try WPConfigReader.read(path: main, environment: [:])
      Issue.record("expected a parse error")
    } catch let error as ClosteError {
      #expect(error.code == .configParseError)
      #expect(error.details?["file"] == .string(WPConfigFile.realPath(bad)))
      #expect(error.details?["line"] == .int(3))
      #expect(error.message.hasSuffix("unterminated string on line 3."))
    }
  }

  @Test func readsBOMAndCRLF() throws {
    let source: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<?php\r\ndefine('A', 1);\r\n$b = __LINE__;\r\n".utf8)
    let config = try WPConfigReader.read(source: source, path: "/x/wp-config.php", environment: [:])
    #expect(config.constant("A")?.value == .int(1))
    #expect(config.variable("b")?.value == .int(3))
  }

  @Test func honoursReturnAndExit() throws {
    let config = try WPConfigReaderTests.read("<?php define('A', 1); return; define('B', 2);")
    #expect(config.items.map(\.name) == ["A"])
    let exited = try WPConfigReaderTests.read("<?php define('A', 1); if (foo()) { exit; } define('B', 2);")
    #expect(exited.constant("B")?.conditional == true)
  }
}

@Suite struct WPConfigExitTests {
  @Test(arguments: [
    ("<?php define('A', 1); defined('ABSPATH') || exit; define('B', 2);", false),
    ("<?php define('A', 1); defined('A') or die('x'); define('B', 2);", true),
    ("<?php define('A', 1); foo() or die(); define('B', 2);", nil),
  ])
  func exitInAnExpressionStopsTheRest(source: String, reachesB: Bool?) throws {
    let config = try WPConfigReaderTests.read(source)
    let b = config.constant("B")
    switch reachesB {
    case true?: #expect(b?.conditional == false)
    case false?: #expect(b == nil)
    case nil: #expect(b?.conditional == true)
    }
  }
}
