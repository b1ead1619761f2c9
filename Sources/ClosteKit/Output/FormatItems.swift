// PLACEHOLDER: replaced by the byte-for-byte port of WP-CLI's format_items in the foundation work.
/// WP-CLI's `WP_CLI\Utils\format_items`.
public enum FormatItems {
  public static func render(rows: [JSONObject], fields: [String], format: String, boxed: Bool) throws -> String {
    switch format {
    case "json":
      return JSONWriter.encode(.array(rows.map { row in .object(JSONObject(fields.map { ($0, row[$0] ?? .null) })) }))
    default:
      var lines = [fields.joined(separator: "\t")]
      for row in rows {
        lines.append(fields.map { field in row[field].map { JSONWriter.encode($0) } ?? "" }.joined(separator: "\t"))
      }
      return lines.joined(separator: "\n") + "\n"
    }
  }

  public static func renderItem(_ object: JSONObject, fields: [String], format: String, boxed: Bool) throws -> String {
    try render(rows: [object], fields: fields, format: format, boxed: boxed)
  }
}
