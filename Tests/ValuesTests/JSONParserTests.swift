import Testing

@testable import Values

@Suite struct JSONParserTests {
  @Test(arguments: [
    ("null", JSONValue.null), ("true", .bool(true)), ("-12", .int(-12)), ("1.5e2", .double(150)),
    (#""a\u00e9\ud83d\ude00\/""#, .string("aé😀/")), ("[1,[2]]", .array([1, [2]])),
  ])
  func parsesValues(text: String, expected: JSONValue) throws {
    #expect(try JSONParser.parse(text) == expected)
  }

  @Test func keepsMemberOrder() throws {
    let value = try JSONParser.parse(#"{"b":1,"a":2,"c":3}"#)
    #expect(value.objectValue?.keys == ["b", "a", "c"])
  }

  @Test(arguments: ["{", "[1,", #""abc"#, "tru", "-"])
  func reportsIncompleteInput(text: String) {
    #expect(throws: JSONParser.Failure.incomplete) { try JSONParser.parse(text) }
  }

  @Test(arguments: ["{]", "[1 2]", "01", "\"\u{01}\"", #""\q""#, "nul!", #""\ud800x""#])
  func rejectsInvalidInput(text: String) {
    #expect {
      try JSONParser.parse(text)
    } throws: { error in
      if case .invalid = error as? JSONParser.Failure { return true }
      return false
    }
  }

  @Test func refusesDeepNesting() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
  }

  @Test func writesAsPHPJSONEncode() {
    let value: JSONValue = ["a/b": "Bücher ✓ 😀", "n": 1.5, "w": 2.0, "l": [true, nil]]
    #expect(
      JSONWriter.encode(value)
        == #"{"a\/b":"B\u00fccher \u2713 \ud83d\ude00","n":1.5,"w":2,"l":[true,null]}"#)
  }
}
