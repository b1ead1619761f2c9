import ClosteKit
import Foundation
import Testing
import Values

/// `closte ssl check` against a port that accepts the connection and never speaks TLS: the
/// handshake is bounded by --connect-timeout, not by the whole --timeout.
@Suite struct SSLCheckSilentPeerTests {
  /// Before: the handshake waited for the whole --timeout (30 s here) and said so.
  @Test func aPortThatNeverSpeaksTLSTimesOutWithinTheConnectTimeout() throws {
    let listener = try SilentListener()
    defer { listener.stop() }
    let output = try BinaryRunner.run([
      "ssl", "check", "shop.example.test", "--connect-to=127.0.0.1", "--port=\(listener.port)",
      "--connect-timeout=1", "--timeout=30", "--format=json",
    ])
    #expect(output.status == 1)
    let report = try #require(try JSONParser.parse(output.stdout).objectValue)
    #expect(report["reason"] == "timeout")
    #expect(report["message"]?.stringValue?.contains("finished no TLS handshake within 1 s") == true)
  }

  @Test(arguments: ["--connect-timeout=0", "--connect-timeout=soon", "--connect-timeout"])
  func anUnusableConnectTimeoutExitsWith2(option: String) throws {
    let output = try BinaryRunner.run(["ssl", "check", "shop.example.test", option])
    #expect(output.status == 2)
  }
}
