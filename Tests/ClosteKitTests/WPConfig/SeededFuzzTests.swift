import Foundation
import Testing

@testable import ClosteKit
@testable import Diagnostics
@testable import Values
@testable import WPConfig

/// A seeded, bounded stand-in for scripts/fuzz.sh that runs with every test run: mutations of
/// valid inputs through the reader, the JSON parser and the rpc stream reader. It asserts nothing
/// but termination without a crash (and progress, for the stream reader).
@Suite struct SeededFuzzTests {
  static func mutations(of seed: [UInt8], count: Int, generator: inout SeededGenerator) -> [[UInt8]] {
    let interesting = Array("()[]{}'\"\\$;<?php?>/**/#<<<EOT\n.,=!?:".utf8)
    return (0..<count).map { _ in
      var bytes = seed
      for _ in 0..<Int.random(in: 1...8, using: &generator) {
        guard !bytes.isEmpty else { break }
        let position = Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: bytes[position] = interesting.randomElement(using: &generator) ?? 0
        case 1: bytes.remove(at: position)
        case 2: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
        default: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...64, using: &generator)))
        }
      }
      return bytes
    }
  }

  @Test func mutatedConfigs() throws {
    var generator = SeededGenerator(seed: 20_261_125)
    let folder = PHPConfigOracle.fixtures.appendingPathComponent("differential")
    for name in ["basic.php", "strings.php", "numbers.php", "logic.php", "arrays.php", "conditionals.php"] {
      let seed = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
      for input in SeededFuzzTests.mutations(of: seed, count: 150, generator: &generator) {
        _ = try? WPConfigReader.read(source: input, path: "/nonexistent/wp-config.php", environment: [:])
      }
    }
  }

  @Test func mutatedJSONAndRPCStreams() {
    var generator = SeededGenerator(seed: 42)
    let seed =
      Array(
        #"{"id":1,"command":"config get","args":["DB_NAME"],"assoc_args":{"format":"json","n":-1.5e3}}"#.utf8)
      + [0x0A] + Array("not json\n{\n \"id\": \"\\u00e9\\ud83d\\ude00\", \"command\": [true, false, null]\n}\n".utf8)
    for input in SeededFuzzTests.mutations(of: seed, count: 1000, generator: &generator) {
      _ = try? JSONParser.parse(input)
      let reader = RPCStreamReader(source: BufferSource(input), chunkSize: Int.random(in: 1...16, using: &generator))
      var items = 0
      while reader.next() != nil {
        items += 1
        if items > input.count + 1 {
          Issue.record("RPCStreamReader made no progress on \(input)")
          break
        }
      }
    }
  }
}
