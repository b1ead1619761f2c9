import Foundation
import Testing

@testable import ClosteKit
@testable import Diagnostics
@testable import Values

/// `--reveal` through rpc (as the WP-CLI bridge forwards `wp closte config get --reveal`): the answer
/// shows exactly the secrets asked for; every other secret stays masked, in that answer and all others.
@Suite struct RPCRevealTests {
  static let config = """
    <?php
    define( 'DB_NAME', 'env-api-key/999' );
    define( 'DB_PASSWORD', 'db-pass/+=word' );
    define( 'AUTH_KEY', 'auth-key-value-123' );
    """

  func serve(_ requests: [String]) async throws -> (answers: [JSONValue], stderr: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reveal-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try RPCRevealTests.config.write(toFile: folder + "/wp-config.php", atomically: true, encoding: .utf8)
    let stdout = BufferSink()
    let stderr = BufferSink()
    let runtime = Runtime(
      environment: ["CLOSTE_CLIENT_API_KEY": "env-api-key/999"], currentDirectory: folder, stdout: stdout,
      stderr: stderr, stdin: BufferSource(requests.joined(separator: "\n")))
    _ = await RPCServer.serve(runtime: runtime)
    let answers = try stdout.text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    return (answers, stderr.text)
  }

  @Test func aRevealAnswerShowsOnlyWhatWasAskedFor() async throws {
    let (answers, stderr) = try await serve([
      #"{"id":1,"command":"config get","args":["DB_PASSWORD"],"assoc_args":{"reveal":true}}"#,
      #"{"id":2,"command":"config get","args":["DB_PASSWORD"]}"#,
      #"{"id":3,"command":"config list","assoc_args":{"reveal":true,"debug":true}}"#,
      #"{"id":4,"command":"config get","args":["db-pass/+=word"],"assoc_args":{"reveal":true}}"#,
      #"{"id":5,"command":"config get","args":["DB_NAME"],"assoc_args":{"reveal":true}}"#,
    ])
    #expect(answers.count == 5)
    #expect(answers[0]["data"]?["value"] == "db-pass/+=word")
    #expect(answers[0]["render"]?["text"] == "db-pass/+=word\n")
    #expect(answers[1]["error"]?["code"] == "secret_value")
    let rows = answers[2]["data"]?.arrayValue ?? []
    func value(_ name: String) -> JSONValue? { rows.first { $0["name"] == .string(name) }?["value"] }
    #expect(value("DB_PASSWORD") == "db-pass/+=word")
    #expect(value("AUTH_KEY") == "auth-key-value-123")
    // DB_NAME is no secret, but its value is the API key: not revealed by asking for the config's secrets.
    #expect(value("DB_NAME") == .string(SecretRedactor.mask))
    // A failure reveals nothing, even when it was asked to reveal.
    #expect(answers[3]["error"]?["code"] == "not_defined")
    #expect(!JSONWriter.encode(answers[3]).contains("db-pass"))
    #expect(answers[4]["data"]?["value"] == .string(SecretRedactor.mask))
    #expect(!stderr.contains("db-pass") && !stderr.contains("env-api-key"))
  }
}
