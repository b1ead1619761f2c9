import Testing

@testable import ClosteKit
@testable import Diagnostics

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

/// The reader is linear in its input and bounded in memory, whatever the chunking, and keeps an id's
/// text as sent.
@Suite struct RPCStreamReaderBoundsTests {
  func read(_ text: String, chunkSize: Int, limit: Int = RPCStreamReader.defaultMaximumRequestBytes) -> (
    items: [RPCStreamReader.Item], reader: RPCStreamReader
  ) {
    let reader = RPCStreamReader(
      source: ChunkedSource(text, chunkSize: chunkSize), chunkSize: chunkSize, maximumRequestBytes: limit)
    var items: [RPCStreamReader.Item] = []
    while let item = reader.next() { items.append(item) }
    return (items, reader)
  }

  /// Before, a value that arrived in n chunks was parsed from its start n times (2 MB: 1.8 s; 16 MB:
  /// minutes).
  @Test(arguments: [false, true])
  func aLargeRequestIsParsedAFewTimesNotOncePerChunk(prettyPrinted: Bool) {
    let filler = String(repeating: "x", count: 1000)
    let separator = prettyPrinted ? ",\n  " : ","
    let members = (0..<1000).map { "\"k\($0)\": \"\(filler)\"" }.joined(separator: separator)
    let text = "{\"id\":1,\(members)}\n{\"id\":2}\n"
    let (items, reader) = read(text, chunkSize: 4096)
    #expect(items.count == 2)
    #expect(items.last == .value(["id": 2]))
    #expect(reader.bytesParsed <= 3 * text.utf8.count)
  }

  @Test func aRequestOverTheLimitIsRefusedAndTheStreamGoesOn() {
    let big = "{\"id\":1,\"pad\":\"" + String(repeating: "y", count: 50_000) + "\"}"
    let text = "{\"id\":0}\n" + big + "\n{\"id\":2}\n"
    let reader = RPCStreamReader(
      source: ChunkedSource(text, chunkSize: 512), chunkSize: 512, maximumRequestBytes: 4096)
    var items: [RPCStreamReader.Item] = []
    var held = 0
    while let item = reader.next() {
      items.append(item)
      held = max(held, reader.bytesHeld)
    }
    #expect(items.count == 3)
    #expect(items.first == .value(["id": 0]))
    if case .invalid(let reason) = items[1] {
      #expect(reason.contains("larger than 4096 bytes"))
    } else {
      Issue.record("expected the large request to be refused")
    }
    #expect(items.last == .value(["id": 2]))
    #expect(held <= 4096 + 2 * 512)
  }

  @Test func aLineOfGarbageWithoutEndIsNotHeld() {
    let text = String(repeating: "garbage ", count: 20_000) + "\n{\"id\":2}\n"
    let reader = RPCStreamReader(
      source: ChunkedSource(text, chunkSize: 1024), chunkSize: 1024, maximumRequestBytes: 4096)
    var held = 0
    var last: RPCStreamReader.Item?
    while let item = reader.next() {
      held = max(held, reader.bytesHeld)
      last = item
    }
    #expect(last == .value(["id": 2]))
    #expect(held <= 4096 + 2 * 1024)
  }

  @Test(arguments: [
    ("{\"id\":1e999,\"command\":\"version\"}", "1e999"),
    ("{\"id\":12345678901234567890}", "12345678901234567890"),
    ("{\"id\": 1.50 , \"id\": 2.50}", "2.50"),
    ("{\"id\":7}", nil),
    ("{\"id\":\"7\"}", nil),
  ])
  func keepsTheTextOfANumericIDThatWouldNotSurvive(text: String, raw: String?) {
    let (items, _) = read(text + "\n", chunkSize: 3)
    guard case .value(_, let rawID)? = items.first else {
      Issue.record("expected a value")
      return
    }
    #expect(rawID == raw)
  }

  @Test func theAnswerEchoesTheIDAsSent() {
    let line = RPCResponse.line(["id": .double(.infinity), "ok": true], rawID: "1e999")
    #expect(line == #"{"id":1e999,"ok":true}"#)
  }
}
