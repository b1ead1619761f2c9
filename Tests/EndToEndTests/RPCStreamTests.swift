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
