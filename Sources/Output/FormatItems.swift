import Diagnostics
import Values

/// WP-CLI's `WP_CLI\Utils\format_items` and `Formatter::display_item`, byte for byte: the formats
/// `table`, `json`, `csv`, `yaml`, `count` and `ids`, with `--fields` choosing and ordering columns.
public enum FormatItems {
  public static let formats = ["table", "json", "csv", "yaml", "count", "ids"]

  /// A list of items. `boxed` asks for the bordered table (a terminal, or `SHELL_PIPE=0`);
  /// `terminalColumns` is how wide that table may be before cells are wrapped.
  public static func render(
    rows: [JSONObject], fields: [String], format: String, boxed: Bool, terminalColumns: Int = 80
  ) throws -> String {
    guard formats.contains(format) else { throw ClosteError.invalidFormat(format) }
    try checkFields(fields, in: rows)
    switch format {
    case "count":
      return String(rows.count)
    case "ids":
      // WP-CLI commands hand `ids` a list of ids; here the ids are the `id` field, else the first one.
      let key = fields.first { $0.lowercased() == "id" } ?? fields.first ?? "id"
      return rows.map { PHPText.string($0[key] ?? .null) }.joined(separator: " ")
    case "json":
      return JSONWriter.encode(.array(rows.map { .object(pick($0, fields)) }))
    case "yaml":
      return YAMLFormat.dump(.array(rows.map { .object(pick($0, fields)) }))
    case "csv":
      return CSVFormat.render(header: fields, rows: cells(rows, fields))
    default:
      if boxed {
        return TableFormat.boxed(header: fields, rows: cells(rows, fields), terminalColumns: terminalColumns)
      }
      return TableFormat.piped(header: fields, rows: cells(rows, fields))
    }
  }

  /// One record: a `Field`/`Value` table (or CSV) with non-string values JSON-encoded, or the object
  /// itself in json/yaml (followed by a newline, as `WP_CLI::print_value` writes it). The record
  /// keeps its own member order; `fields` only chooses.
  public static func renderItem(
    _ object: JSONObject, fields: [String], format: String, boxed: Bool, terminalColumns: Int = 80
  ) throws -> String {
    guard ["table", "csv", "json", "yaml"].contains(format) else { throw ClosteError.invalidFormat(format) }
    try checkFields(fields, in: [object])
    let chosen = JSONObject(object.filter { fields.contains($0.key) }.map { ($0.key, $0.value) })
    switch format {
    case "json":
      return JSONWriter.encode(.object(chosen)) + "\n"
    case "yaml":
      return YAMLFormat.dump(.object(chosen)) + "\n"
    default:
      let rows = chosen.map { member -> [String] in
        if case .string(let text) = member.value { return [member.key, text] }
        return [member.key, JSONWriter.encode(member.value)]
      }
      if format == "csv" { return CSVFormat.render(header: ["Field", "Value"], rows: rows) }
      if boxed { return TableFormat.boxed(header: ["Field", "Value"], rows: rows, terminalColumns: terminalColumns) }
      return TableFormat.piped(header: ["Field", "Value"], rows: rows)
    }
  }

  /// WP-CLI refuses a field the items do not have (`Invalid field: x.`). A field that only some items
  /// have is shown empty (null) in the others.
  private static func checkFields(_ fields: [String], in rows: [JSONObject]) throws {
    guard !rows.isEmpty else { return }
    if let unknown = fields.first(where: { field in rows.allSatisfy { $0[field] == nil } }) {
      throw ClosteError.invalidField(unknown)
    }
  }

  /// `Utils\pick_fields`: the fields in the order asked, null where an item has none.
  package static func pick(_ row: JSONObject, _ fields: [String]) -> JSONObject {
    JSONObject(fields.map { ($0, row[$0] ?? .null) })
  }

  /// The text of each cell in table and CSV: arrays and objects JSON-encoded, scalars as PHP casts them.
  package static func cells(_ rows: [JSONObject], _ fields: [String]) -> [[String]] {
    rows.map { row in fields.map { PHPText.string(row[$0] ?? .null) } }
  }
}

extension ClosteError {
  /// `--format` names no format this output has (WP-CLI: `Invalid format: x`).
  public static func invalidFormat(_ format: String) -> ClosteError {
    .invalidArguments("Invalid format: \(format)", hint: nil)
  }

  /// `--fields` names a field the items do not have (WP-CLI: `Invalid field: x.`).
  public static func invalidField(_ field: String) -> ClosteError {
    .invalidArguments("Invalid field: \(field).", hint: nil)
  }
}
