import Testing

@testable import Diagnostics
@testable import Output
@testable import Values

/// The rules behind format_items that the golden files do not reach: WP-CLI's source, case by case.
@Suite struct FormatItemsRulesTests {
  static func rows(_ values: [JSONValue]) -> [JSONObject] { values.compactMap(\.objectValue) }

  @Test func boxedTablePadsByDisplayWidth() throws {
    let rows = Self.rows([["v": "日本語"], ["v": "e\u{301}"], ["v": "😀"]])
    let output = try FormatItems.render(rows: rows, fields: ["v"], format: "table", boxed: true)
    #expect(output == "+--------+\n| v      |\n+--------+\n| 日本語 |\n| e\u{301}      |\n| 😀     |\n+--------+\n")
  }

  @Test func boxedTableFitsTheTerminalAsPHPCLIToolsDoes() {
    // 80 columns leave 70 for three columns; the two wider than the average (23) share what the
    // narrow one leaves over (13 → 6 each), and the last of them takes the remainder.
    #expect(TableFormat.constrained([30, 60, 10], terminalColumns: 80) == [29, 31, 10])
    #expect(TableFormat.constrained([10, 10], terminalColumns: 80) == [10, 10])
    // Every column wider than the average: php-cli-tools leaves the widths alone.
    #expect(TableFormat.constrained([50, 50], terminalColumns: 80) == [50, 50])
  }

  @Test func boxedTableWrapsACellWiderThanItsColumn() throws {
    let rows = Self.rows([["k": "a", "v": .string(String(repeating: "x", count: 12))]])
    let output = try FormatItems.render(
      rows: rows, fields: ["k", "v"], format: "table", boxed: true, terminalColumns: 16)
    // 16 columns leave 9 for the cells: the narrow column keeps 1, the wide one gets the other 8.
    #expect(
      output
        == "+---+----------+\n| k | v        |\n+---+----------+\n| a | xxxxxxxx |\n|   | xxxx     |\n+---+----------+\n"
    )
  }

  @Test func pipedTableKeepsTheLastColumnsExtraLinesAndTrims() throws {
    let rows = Self.rows([["a": "x\ny", "b": "1\n2"]])
    #expect(
      try FormatItems.render(rows: rows, fields: ["a", "b"], format: "table", boxed: false) == "a\tb\nx\t1\n\t2\n")
  }

  @Test func unknownFormatOrFieldIsRefusedWithWPCLIsWords() {
    let rows = Self.rows([["a": 1]])
    #expect(throws: ClosteError.invalidArguments("Invalid format: xml")) {
      try FormatItems.render(rows: rows, fields: ["a"], format: "xml", boxed: false)
    }
    #expect(throws: ClosteError.invalidArguments("Invalid field: nope.")) {
      try FormatItems.render(rows: rows, fields: ["nope"], format: "csv", boxed: false)
    }
    #expect(throws: ClosteError.invalidArguments("Invalid format: count")) {
      try FormatItems.renderItem(rows[0], fields: ["a"], format: "count", boxed: false)
    }
  }

  @Test func aFieldOnlySomeRowsHaveIsEmptyInTheOthers() throws {
    let rows = Self.rows([["a": 1, "b": 2], ["a": 3]])
    #expect(try FormatItems.render(rows: rows, fields: ["a", "b"], format: "csv", boxed: false) == "a,b\n1,2\n3,\n")
  }

  @Test func oneItemIsAFieldValueTable() throws {
    let item = Self.rows([["domain": "example.com", "wildcard": false, "tries": 2, "names": ["a", "b"]]])[0]
    let fields = ["domain", "wildcard", "tries", "names"]
    #expect(
      try FormatItems.renderItem(item, fields: fields, format: "table", boxed: false)
        == "Field\tValue\ndomain\texample.com\nwildcard\tfalse\ntries\t2\nnames\t[\"a\",\"b\"]\n")
    #expect(
      try FormatItems.renderItem(item, fields: ["tries", "domain"], format: "json", boxed: false)
        == "{\"domain\":\"example.com\",\"tries\":2}\n")
    #expect(
      try FormatItems.renderItem(item, fields: ["domain"], format: "yaml", boxed: false)
        == "---\ndomain: example.com\n\n")
  }

  @Test(
    arguments: [
      (JSONValue.string("42"), "\"42\""), ("yes", "'yes'"), ("No", "'No'"), ("~", "'~'"), (" lead", "' lead'"),
      ("it's", "\"it's\""), ("a: b", "'a: b'"), ("!tag", "'!tag'"), ("end:", "'end:'"), ("", "\"\""),
      ("a\n\"b\"\n", "|\n    a\n    b\n    "), (.double(0.1 + 0.2), "'0.3'"), (.double(2.0), "2"), (.int(-3), "-3"),
    ] as [(JSONValue, String)])
  func yamlQuotesScalarsAsSpyc(value: JSONValue, expected: String) {
    #expect(YAMLFormat.scalarText(value, indent: 2) == expected)
  }

  @Test func yamlNestsMapsListsAndEmptyArrays() {
    let value: JSONValue = [["a:b": [], "list": [1, ["x": nil]], "map": ["0": "zero", "1": "one"]]]
    #expect(
      YAMLFormat.dump(value)
        == "---\n- \n  \"a:b\": [ ]\n  list:\n    - 1\n    - \n      x: null\n  map:\n    - zero\n    - one\n")
  }

  @Test func csvQuotesOnlyWhatFputcsvQuotes() {
    #expect(CSVFormat.line(["a", "b c", "d,e", "f\"g", "h\\\"i", ""]) == "a,\"b c\",\"d,e\",\"f\"\"g\",\"h\\\"i\",\n")
  }
}
