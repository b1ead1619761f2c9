import Foundation
import TestSupport
import Testing

@testable import Diagnostics
@testable import Values
@testable import WPConfig

/// A seeded, bounded stand-in for scripts/fuzz.sh that runs with every test run: mutations of
/// valid wp-config.php files through the reader (ClosteKitTests' SeededRPCFuzzTests does the same for
/// the JSON parser and the rpc stream reader). It asserts nothing but termination without a crash.
@Suite struct SeededFuzzTests {
  @Test func mutatedConfigs() throws {
    var generator = SeededGenerator(seed: 20_261_125)
    let folder = PHPConfigOracle.fixtures.appendingPathComponent("differential")
    for name in ["basic.php", "strings.php", "numbers.php", "logic.php", "arrays.php", "conditionals.php"] {
      let seed = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
      for input in generator.mutations(of: seed, count: 150) {
        _ = try? WPConfigReader.read(source: input, path: "/nonexistent/wp-config.php", environment: [:])
      }
    }
  }
}
