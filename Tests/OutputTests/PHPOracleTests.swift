import Foundation
import Testing

@testable import Output
@testable import Values

/// Differential tests: PHP itself (the `php` command) writes the same values, and closte must agree
/// byte for byte: floats in json_encode / var_export / string form, fputcsv fields, is_numeric.
@Suite(.enabled(if: PHPOracle.path != nil, "needs the php command (php-cli)"))
struct PHPOracleTests {
  static let floats: [Double] = [
    0.1 + 0.2, 1e15, 1e14, 1e16, 1e17, 2.0, 1.5, -0.0, 0.0, 1e-5, 0.0001, 0.00012, 123456789012345.0, 1.0 / 3,
    -2.5e-10, 5e-324, 1.7976931348623157e308, 100.0, 0.5, 9007199254740993.0, -1234.5678, 1e21, 12345678901234567.0,
  ]

  static let csvFields = [
    "plain", "a b", "a,b", "q\"q", "back\\slash", "\\\"x", "a\\\"b", "tab\there", "new\nline", "cr\rx", "",
    "Bücher ✓ 日本語", "\"", "\\", "x\\\\\"y", "*.example.com",
  ]

  static let numericCandidates = [
    "42", " 42", "42 ", "4 2", "1e5", "1e", ".5", "5.", ".", "-", "+3", "0x1A", "", " ", "1_000", "\n7\n", "1.5e-3",
    "abc", "12abc", "-0", "1E+2", "\t3", "3\u{0B}",
  ]

  @Test func floatsAreWrittenAsPHPWritesThem() throws {
    let bits = Self.floats.map { String(format: "%016llx", $0.bitPattern) }
    let script = """
      foreach (json_decode(stream_get_contents(STDIN)) as $hex) {
        $f = unpack('E', hex2bin($hex))[1];
        echo json_encode([json_encode($f), var_export($f, true), (string) $f]), "\\n";
      }
      """
    let lines = try PHPOracle.run(script, input: JSONWriter.encode(.array(bits.map(JSONValue.string))))
    #expect(lines.count == Self.floats.count)
    for (number, line) in zip(Self.floats, lines) {
      let expected = try JSONParser.parse(line).arrayValue?.compactMap(\.stringValue) ?? []
      let actual = [PHPFloatFormat.json(number), PHPFloatFormat.varExport(number), PHPFloatFormat.string(number)]
      #expect(actual == expected, "\(number)")
    }
  }

  @Test func csvFieldsAreQuotedAsFputcsvDoes() throws {
    let script = """
      $out = fopen('php://output', 'w');
      foreach (json_decode(stream_get_contents(STDIN)) as $field) { fputcsv($out, [$field], ',', '"', '\\\\'); }
      """
    let expected = try PHPOracle.output(script, input: JSONWriter.encode(.array(Self.csvFields.map(JSONValue.string))))
    #expect(Self.csvFields.map { CSVFormat.line([$0]) }.joined() == expected)
  }

  @Test func isNumericAgreesWithPHP() throws {
    let script = """
      foreach (json_decode(stream_get_contents(STDIN)) as $text) { echo is_numeric($text) ? "1" : "0"; }
      """
    let expected = try PHPOracle.output(
      script, input: JSONWriter.encode(.array(Self.numericCandidates.map(JSONValue.string))))
    #expect(Self.numericCandidates.map { PHPText.isNumeric($0) ? "1" : "0" }.joined() == expected)
  }

  @Test func varExportAgreesWithPHP() throws {
    let value: JSONValue = [
      "a": 1, "b": [2, 3.5, "it's \\ ok"], "c": [:], "d": nil, "e": true, "n": ["x": ["y": false]],
    ]
    let script = "var_export(json_decode(stream_get_contents(STDIN), true));"
    let expected = try PHPOracle.output(script, input: JSONWriter.encode(value))
    #expect(VarExport.export(PHPOracle.phpValue(value)) == expected)
  }
}

/// Runs the `php` command on a script, with a time limit.
enum PHPOracle {
  static let path: String? = ["/usr/bin/php", "/usr/local/bin/php"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  static func output(_ script: String, input: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path ?? "php")
    process.arguments = ["-n", "-r", script]
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    let deadline = Date().addingTimeInterval(30)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning { process.terminate() }
    return String(decoding: data, as: UTF8.self)
  }

  static func run(_ script: String, input: String) throws -> [String] {
    try output(script, input: input).split(separator: "\n").map(String.init)
  }

  /// A JSON value as PHP's `json_decode($text, true)` holds it.
  static func phpValue(_ value: JSONValue) -> PHPValue {
    switch value {
    case .null: return .null
    case .bool(let flag): return .bool(flag)
    case .int(let number): return .int(number)
    case .double(let number): return .float(number)
    case .string(let text): return .string(text)
    case .array(let elements):
      return .array(
        PHPArray(entries: elements.enumerated().map { .init(key: .int($0.offset), value: phpValue($0.element)) }))
    case .object(let object):
      return .array(PHPArray(entries: object.map { .init(key: .string($0.key), value: phpValue($0.value)) }))
    }
  }
}
