import Foundation
import Testing

@testable import ClosteAPI

@Suite struct SHA256Tests {
  /// FIPS 180-4's examples (and the NIST "one million a" vector).
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
  ])
  func knownDigest(message: String, digest: String) {
    #expect(SHA256.hex(Array(message.utf8)) == digest)
  }

  /// Every length around the padding's edges (55, 56, 63, 64, 119, 120 bytes...), on bytes of every
  /// value, against the digests Python's hashlib wrote to `Fixtures/sha256-lengths.txt`.
  @Test func agreesWithHashlibOnEveryLengthUpTo300() throws {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/sha256-lengths.txt")
    let lines = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
    #expect(lines.count == 301)
    for line in lines {
      let fields = line.split(separator: " ")
      let length = try #require(Int(fields[0]))
      let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
      #expect(SHA256.hex(message) == String(fields[1]), "length \(length)")
    }
  }

  /// The lock's file name is what closte computed with OpenSSL's SHA-256 before, so an older and a
  /// newer closte running side by side during an upgrade still take the same lock.
  @Test func lockNameIsStableAcrossVersions() {
    let name = ChangeLock.name(configPath: "/var/www/wp-config.php", apiURL: "https://a", apiKey: "secret-key")
    #expect(name == "closte-a08ede6a48874a0a8d547720617cacf1.lock")
  }
}
