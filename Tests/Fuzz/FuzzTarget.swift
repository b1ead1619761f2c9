// The libFuzzer entry point for closte's parsers of untrusted input, built by scripts/fuzz.sh with
// `swiftc -sanitize=fuzzer,address` together with ClosteKit's sources (not part of the package).
// The first byte of each input picks the parser; the rest is its input.
//
//   0: the wp-config.php reader (lexer, evaluator, statements) on the bytes as a file
//   1: the PHP lexer alone
//   2: JSONParser on the bytes
//   3: RPCStreamReader on the bytes, fed in chunks of a size the second byte picks

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  guard count > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: count - 1))
  switch data[0] % 4 {
  case 0:
    _ = try? WPConfigReader.read(source: bytes, path: "/nonexistent/fuzz/wp-config.php", environment: ["A": "1"])
  case 1:
    _ = try? PHPLexer.tokens(bytes)
  case 2:
    _ = try? JSONParser.parse(bytes)
  default:
    let chunk = bytes.isEmpty ? 1 : Int(bytes[0] % 64) + 1
    let reader = RPCStreamReader(source: BufferSource(bytes), chunkSize: chunk)
    var seen = 0
    while reader.next() != nil {
      seen += 1
      // Each call consumes input, so the stream ends after at most one item per byte, plus one.
      if seen > bytes.count + 1 { fatalError("RPCStreamReader does not make progress") }
    }
  }
  return 0
}
