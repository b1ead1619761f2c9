import TestSupport
import Testing

@testable import ClosteKit
@testable import Diagnostics
@testable import Values

/// A seeded, bounded stand-in for scripts/fuzz.sh that runs with every test run: mutations of
/// valid input through the JSON parser and the rpc stream reader. It asserts nothing but
/// termination without a crash, and progress for the stream reader.
@Suite struct SeededRPCFuzzTests {
  @Test func mutatedJSONAndRPCStreams() {
    var generator = SeededGenerator(seed: 42)
    let seed =
      Array(
        #"{"id":1,"command":"config get","args":["DB_NAME"],"assoc_args":{"format":"json","n":-1.5e3}}"#.utf8)
      + [0x0A] + Array("not json\n{\n \"id\": \"\\u00e9\\ud83d\\ude00\", \"command\": [true, false, null]\n}\n".utf8)
    for input in generator.mutations(of: seed, count: 1000) {
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
