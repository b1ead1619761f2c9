import Foundation
import Testing

@testable import PHPReader
@testable import WPConfig

/// The reader's budget (issue 12): includes followed across the whole read, the size and depth
/// of a computed value. A spent budget makes the value unresolved with the reason; the read
/// always ends.
@Suite struct WPConfigBudgetTests {
  /// Each file includes the next one twice: 2^24 includes without a budget (it hung).
  @Test func fanOutIncludesEndAtTheBudget() throws {
    let folder = try TemporaryFolder()
    let levels = 24
    for level in 0..<levels {
      let next = "level\(level + 1).php"
      _ = try folder.write("level\(level).php", "<?php\ninclude __DIR__ . '/\(next)';\ninclude __DIR__ . '/\(next)';\n")
    }
    _ = try folder.write("level\(levels).php", "<?php\n$leaf = 1;\n")
    let main = try folder.write(
      "wp-config.php", "<?php\ndefine('BEFORE', 1);\ninclude __DIR__ . '/level0.php';\ndefine('AFTER', 2);\n")
    let config = try WPConfigReader.read(path: main, environment: [:])
    #expect(config.constantValue("AFTER") == .int(2))
    let followed = config.items.filter { $0.type == .includes && $0.resolved }
    #expect(followed.count == PHPLimits.maximumIncludes)
    let refused = config.items.first { $0.type == .includes && !$0.resolved }
    #expect(refused?.reason?.contains("already followed \(PHPLimits.maximumIncludes) includes") == true)
  }

  /// A string doubled 40 times aborted with "failed to allocate".
  @Test func aStringDoubledFortyTimesIsUnresolved() throws {
    let source =
      "<?php\n$s = 'x';\n" + String(repeating: "$s .= $s;\n", count: 40) + "define('S', $s);\n"
      + "$t = 'y';\n" + String(repeating: "$t = $t . $t;\n", count: 40) + "define('AFTER', strlen('ok'));\n"
    let config = try WPConfigReader.read(
      source: Array(source.utf8), path: "/nonexistent/wp-config.php", environment: [:])
    #expect(config.variable("s")?.resolved == false)
    #expect(config.variable("s")?.reason?.contains("larger than 64 MB") == true)
    #expect(config.constant("S")?.resolved == false)
    #expect(config.variable("t")?.resolved == false)
    #expect(config.constantValue("AFTER") == .int(2))
  }

  @Test func anArrayDoubledIsUnresolved() throws {
    let source =
      "<?php\n$a = ['abcdefgh'];\n" + String(repeating: "$a = [$a, $a];\n", count: 60)
      + "$b = [];\n" + String(repeating: "$b = [$b];\n", count: 1_000) + "define('AFTER', 1);\n"
    let config = try WPConfigReader.read(
      source: Array(source.utf8), path: "/nonexistent/wp-config.php", environment: [:])
    #expect(config.variable("a")?.reason?.contains("larger than 64 MB") == true)
    #expect(config.variable("b")?.reason?.contains("deeper than \(PHPLimits.maximumArrayDepth) levels") == true)
    #expect(config.constantValue("AFTER") == .int(1))
  }

  @Test func aValueJustUnderTheLimitIsKept() throws {
    let source =
      "<?php\n$s = 'xxxxxxxx';\n" + String(repeating: "$s .= $s;\n", count: 20) + "define('LEN', strlen($s));\n"
    let config = try WPConfigReader.read(
      source: Array(source.utf8), path: "/nonexistent/wp-config.php", environment: [:])
    #expect(config.constantValue("LEN") == .int(8 << 20))
  }
}
