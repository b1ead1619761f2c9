import Testing

@testable import ClosteKit

/// Feeds input in small chunks, as a pipe does.
final class ChunkedSource: InputSource, @unchecked Sendable {
  private var chunks: [[UInt8]]
  init(_ text: String, chunkSize: Int) {
    let bytes = Array(text.utf8)
    chunks = stride(from: 0, to: bytes.count, by: chunkSize).map { Array(bytes[$0..<min($0 + chunkSize, bytes.count)]) }
  }
  func read(maximum: Int) -> [UInt8] { chunks.isEmpty ? [] : chunks.removeFirst() }
}

@Suite struct RPCStreamReaderTests {
  func items(_ text: String, chunkSize: Int) -> [RPCStreamReader.Item] {
    let reader = RPCStreamReader(source: ChunkedSource(text, chunkSize: chunkSize))
    var items: [RPCStreamReader.Item] = []
    while let item = reader.next() { items.append(item) }
    return items
  }

  @Test(arguments: [1, 2, 7, 4096])
  func readsLinesAndPrettyPrintedValuesWhateverTheChunking(chunkSize: Int) {
    let text = "{\"id\":1}\n{\n  \"id\": 2,\n  \"a\": [1,\n 2]\n}{\"id\":3}\r\n\n"
    #expect(
      items(text, chunkSize: chunkSize) == [
        .value(["id": 1]), .value(["id": 2, "a": [1, 2]]), .value(["id": 3]),
      ])
  }

  @Test(arguments: [1, 3, 4096])
  func skipsAnInvalidLineAndGoesOn(chunkSize: Int) {
    let result = items("{\"id\":1}\nnot json at all\n{\"id\":2}\n", chunkSize: chunkSize)
    #expect(result.count == 3)
    #expect(result.first == .value(["id": 1]))
    if case .invalid = result[1] {} else { Issue.record("expected an invalid item") }
    #expect(result.last == .value(["id": 2]))
  }

  @Test func reportsAValueCutOffByTheEndOfInput() {
    let result = items("{\"id\":1}\n{\"id\":", chunkSize: 4)
    #expect(result.count == 2)
    if case .invalid(let reason) = result[1] {
      #expect(reason.contains("ended"))
    } else {
      Issue.record("expected invalid")
    }
  }

  @Test func emptyInputHasNoRequests() {
    #expect(items("", chunkSize: 10).isEmpty)
    #expect(items(" \n\n\t", chunkSize: 10).isEmpty)
  }
}
