import ClosteKit
import Foundation
import Testing

@Suite struct RPCStreamTests {
  @Test func answersEachRequestInOrderAndSurvivesGarbage() throws {
    let input = """
      {"id":1,"command":"version"}
      this is not json
      {
        "id": "two",
        "command": "nope"
      }
      {"id":3}
      """
    let output = try BinaryRunner.run(["rpc"], input: input)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[0].hasPrefix(#"{"id":1,"ok":true,"data":{"version":"#))
    #expect(lines[1].contains(#""code":"invalid_request""#))
    #expect(lines[2].hasPrefix(#"{"id":"two","ok":false,"error":{"code":"unknown_command""#))
    #expect(lines[3].hasPrefix(#"{"id":3,"ok":false,"error":{"code":"invalid_request""#))
    #expect(output.status == 1)
  }
}

@Suite struct RPCStreamEdgeTests {
  /// Before, `1e999` came back as a different number.
  @Test func theIDComesBackExactlyAsSent() throws {
    let output = try BinaryRunner.run(
      ["rpc"], input: #"{"id":1e999,"command":"version"}"# + "\n" + #"{"id":12345678901234567890,"command":"nope"}"#)
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines.first?.hasPrefix(#"{"id":1e999,"ok":true,"#) == true)
    #expect(lines.last?.hasPrefix(#"{"id":12345678901234567890,"ok":false,"#) == true)
  }

  /// Before, the answer was a Swift debug dump of the error value.
  @Test func aRequestThatIsNotAnObjectGetsAMessage() throws {
    let output = try BinaryRunner.run(["rpc"], input: "[1,2]\n")
    #expect(output.stdout.contains(#""message":"A request must be a JSON object, not an array.""#))
    #expect(!output.stdout.contains("ClosteError("))
    #expect(output.status == 1)
  }

  /// A reader that closes standard output: closte stops and exits with a failure, in rpc and argv.
  @Test(arguments: [["rpc"], ["help"]])
  func aClosedStandardOutputEndsWithAFailure(arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: BinaryRunner.closte)
    process.arguments = arguments
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try output.fileHandleForReading.close()
    try process.run()
    let request = Data((String(repeating: #"{"id":1,"command":"version"}"# + "\n", count: 200)).utf8)
    try? input.fileHandleForWriting.write(contentsOf: request)
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 1)
  }
}
