/// A small deterministic random generator (SplitMix64) so random-input tests repeat exactly.
package struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  package init(seed: UInt64) { state = seed }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  /// A number below `bound`: the next value modulo `bound` (as the IDNA corpus's random names are drawn).
  package mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// `count` mutations of a valid input, each of one to eight edits (a byte PHP or JSON cares about,
  /// a byte removed, a random byte inserted, a run cut): the seeded fuzz tests' inputs.
  package mutating func mutations(of seed: [UInt8], count: Int) -> [[UInt8]] {
    let interesting = Array("()[]{}'\"\\$;<?php?>/**/#<<<EOT\n.,=!?:".utf8)
    return (0..<count).map { _ in
      var bytes = seed
      for _ in 0..<Int.random(in: 1...8, using: &self) {
        guard !bytes.isEmpty else { break }
        let position = Int.random(in: 0..<bytes.count, using: &self)
        switch Int.random(in: 0..<4, using: &self) {
        case 0: bytes[position] = interesting.randomElement(using: &self) ?? 0
        case 1: bytes.remove(at: position)
        case 2: bytes.insert(UInt8.random(in: 0...255, using: &self), at: position)
        default: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...64, using: &self)))
        }
      }
      return bytes
    }
  }
}
