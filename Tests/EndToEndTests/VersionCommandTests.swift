import ClosteKit
import Diagnostics
import Testing
import Values

@Suite struct VersionCommandTests {
  @Test func jsonHasEveryField() throws {
    let output = try BinaryRunner.run(["version", "--format=json"])
    #expect(output.status == 0)
    let object = try #require(try JSONParser.parse(output.stdout).objectValue)
    #expect(object.keys == ["version", "commit", "build_date", "swift", "openssl", "platform", "protocol"])
    for key in object.keys where key != "protocol" {
      guard case .string(let value) = object[key] else {
        Issue.record("\(key) is not a string")
        continue
      }
      #expect(!value.isEmpty, "\(key)")
    }
    #expect(object["version"] == .string(ClosteVersion.current))
    #expect(object["protocol"] == .int(ClosteVersion.protocolVersion))
  }

  @Test func textStartsWithTheVersion() throws {
    let output = try BinaryRunner.run(["version"])
    #expect(output.status == 0)
    #expect(output.stdout.hasPrefix("closte \(ClosteVersion.current)\n"))
    #expect(output.stdout.contains("\nopenssl:     OpenSSL "))
  }

  @Test func rpcAnswersWithTheSameFields() throws {
    let output = try BinaryRunner.run(["rpc"], input: #"{"id":1,"command":"version"}"# + "\n")
    let response = try #require(try JSONParser.parse(output.stdout).objectValue)
    #expect(response["ok"] == .bool(true))
    #expect(response["data"]?.objectValue?["protocol"] == .int(ClosteVersion.protocolVersion))
  }
}
