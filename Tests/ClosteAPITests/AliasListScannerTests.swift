import ClosteAPI
import Testing

@Suite struct AliasListScannerTests {
  static func names(_ text: String) -> [String]? { AliasListScanner.names(in: Array(text.utf8)) }

  @Test(
    arguments: [
      (
        #"{"success":true,"domains":[{"domain":"A.example.","wildcard":0,"ssl":"x"},"*.b.example"]}"#,
        ["a.example", "*.b.example"]
      ),
      (#" { "domains" : [ {"name": "c.example", "wildcard": 1} ] , "success" : 1 } "#, ["*.c.example"]),
      (#"{"success":true,"domains":[]}"#, []),
      (#"{"success":true,"domains":[{"id":3},"d.example"],"total":2}"#, ["d.example"]),
    ])
  func readsTheNamesOfASuccessfulList(text: String, expected: [String]) {
    #expect(Self.names(text) == expected)
  }

  @Test(
    arguments: [
      #"{"success":false,"error":"Invalid API key"}"#,
      #"{"success":true}"#,
      #"{"success":true,"domains":{"a":"a.example"}}"#,
      #"{"success":true,"domains":null}"#,
      #"{"domains":["a.example"]}"#,
      #"<html>maintenance</html>"#,
      #"{"success":true,"domains":["a.example"]} trailing"#,
    ])
  func leavesAnyOtherAnswerToTheWholeReading(text: String) {
    #expect(Self.names(text) == nil)
  }

  @Test func everyTruncationIsRefusedNeverACrash() {
    let bytes = Array(#"{"success":true,"domains":[{"domain":"a.example","wildcard":0},"b.example"]}"#.utf8)
    for length in 0..<bytes.count {
      #expect(AliasListScanner.names(in: Array(bytes.prefix(length))) == nil, "length \(length)")
    }
    #expect(AliasListScanner.names(in: bytes) == ["a.example", "b.example"])
  }
}
