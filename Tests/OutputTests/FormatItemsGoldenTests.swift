import Foundation
import Output
import Testing
import Values

/// Every file WP-CLI 2.12.0 wrote for `format_items` (Fixtures/wp-cli-golden), reproduced byte for byte.
@Suite struct FormatItemsGoldenTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/wp-cli-golden")

  /// One golden file: which row set, format, fields and mode it was made with.
  struct Case: CustomTestStringConvertible, Sendable {
    var file: String
    var set: String
    var format: String
    var fields: [String]?
    var boxed: Bool
    var testDescription: String { file }
  }

  static let cases: [Case] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { name in
      let parts = name.dropLast(4).split(separator: ".").map(String.init)
      let fields = parts.contains("fields-action-domain") ? ["action", "domain"] : nil
      return Case(
        file: name, set: parts[0], format: parts[1], fields: fields, boxed: parts.last == "shellpipe0")
    }
  }()

  static func rowSets() throws -> JSONValue {
    try JSONParser.parse(
      String(decoding: try Data(contentsOf: folder.appendingPathComponent("rows.json")), as: UTF8.self))
  }

  @Test func everyGoldenFileIsCovered() {
    #expect(Self.cases.count == 33)
  }

  @Test(arguments: cases) func matchesWPCLI(_ golden: Case) throws {
    let sets = try Self.rowSets()
    let set = try #require(sets[golden.set])
    let rows = (set["rows"]?.arrayValue ?? []).compactMap(\.objectValue)
    let fields = golden.fields ?? (set["fields"]?.arrayValue ?? []).compactMap(\.stringValue)
    let expected = String(
      decoding: try Data(contentsOf: Self.folder.appendingPathComponent(golden.file)), as: UTF8.self)
    let output = try FormatItems.render(rows: rows, fields: fields, format: golden.format, boxed: golden.boxed)
    #expect(output == expected)
  }
}
