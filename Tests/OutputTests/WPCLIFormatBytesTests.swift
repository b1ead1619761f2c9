import Testing

@testable import Diagnostics
@testable import Output
@testable import Values

/// The bytes WP-CLI 2.12 writes for awkward values, in every command's output (format_items):
/// formula guards in CSV, CRLF in YAML, blank lines in the boxed table, strings that are not UTF-8.
@Suite struct WPCLIFormatBytesTests {
  static func rows(_ values: [JSONValue]) -> [JSONObject] { values.compactMap(\.objectValue) }

  /// `Utils\escape_csv_value` on every cell and header: `=`, `+`, `-`, `@`, TAB and CR starters get a `'`.
  @Test func csvGuardsFormulaStarters() throws {
    let rows = Self.rows([
      ["v": "=SUM(A1)"], ["v": "+1"], ["v": "-42"], ["v": .int(-7)], ["v": "@cmd"], ["v": "\tz"], ["v": "a=b"],
    ])
    let output = try FormatItems.render(rows: rows, fields: ["v"], format: "csv", boxed: false)
    #expect(output == "v\n'=SUM(A1)\n'+1\n'-42\n'-7\n'@cmd\n\"'\tz\"\na=b\n")
  }

  /// Spyc splits a block on "\n" and trims each line: no "\r" in the output.
  @Test func yamlWritesACRLFValueAsABlockWithoutCarriageReturns() {
    #expect(YAMLFormat.dump(.string("line one\r\nline two")) == "---\n- |\n  line one\n  line two\n")
  }

  /// php-cli-tools keeps only the pieces of a multi-line value that take up columns.
  @Test func boxedTableLeavesOutEmptyLines() throws {
    let rows = Self.rows([["v": "\nafter"], ["v": "a\n\nb"]])
    let output = try FormatItems.render(rows: rows, fields: ["v"], format: "table", boxed: true)
    // The column is as wide as the longest whole value ("\nafter", six characters), as php-cli-tools measures it.
    #expect(output == "+--------+\n| v      |\n+--------+\n| after  |\n| a      |\n| b      |\n+--------+\n")
  }

  @Test func bytesThatAreNotUTF8SurviveTheRoundTrip() {
    let bytes: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0xC3, 0xA9, 0xF4, 0x90, 0x80, 0x80, 0xED, 0xA0, 0x80]
    let text = PHPBytes.string(bytes)
    #expect(PHPBytes.bytes(text) == bytes)
    #expect(!PHPBytes.isValidUTF8(text))
    #expect(PHPBytes.isValidUTF8(PHPBytes.string(Array("Café 日本".utf8))))
    #expect(DisplayWidth.of(PHPBytes.string([0x43, 0x61, 0x66, 0xE9])) == 4)
  }

  /// json_encode: a list shows such a string as null (WP-CLI's lists); a whole value fails (`false`).
  @Test func jsonGivesNullForAStringThatIsNotUTF8() throws {
    let latin1 = JSONValue.string(PHPBytes.string([0x43, 0x61, 0x66, 0xE9]))
    let output = try FormatItems.render(rows: Self.rows([["v": latin1]]), fields: ["v"], format: "json", boxed: false)
    #expect(output == #"[{"v":null}]"#)
    #expect(JSONWriter.encodeWhole(.array([latin1])) == nil)
    #expect(ConfigValueText.get(.string(PHPBytes.string([0xE9])), format: "json") == "\n")
  }

  @Test func outputWritesTheOriginalBytes() {
    let sink = BufferSink()
    sink.write("x" + PHPBytes.string([0xE9, 0xF4]) + "y")
    #expect(sink.bytes == [0x78, 0xE9, 0xF4, 0x79])
  }
}
