/// WP-CLI's `csv` format: `Utils\write_csv`, which is PHP's `fputcsv` with `,`, `"` and `\`.
package enum CSVFormat {
  package static func render(header: [String], rows: [[String]]) -> String {
    var out = line(header)
    for row in rows { out += line(row) }
    return out
  }

  package static func line(_ fields: [String]) -> String {
    fields.map { field(guarded($0)) }.joined(separator: ",") + "\n"
  }

  /// WP-CLI's `Utils\escape_csv_value`, which `write_csv` applies to every cell and header: a value
  /// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front, so a
  /// spreadsheet does not read it as a formula.
  package static func guarded(_ text: String) -> String {
    guard let first = text.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return text }
    return "'" + text
  }

  /// A field is enclosed in quotes when it holds a comma, a quote, a backslash, a line break, a tab
  /// or a space. Inside, a quote is doubled unless a backslash came just before it (PHP's escape
  /// character, which fputcsv writes as it is).
  package static func field(_ text: String) -> String {
    let bytes = Array(text.utf8)
    let needsQuotes = bytes.contains { [0x2C, 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x20].contains($0) }
    guard needsQuotes else { return text }
    var out: [UInt8] = [0x22]
    var escaped = false
    for byte in bytes {
      if byte == 0x5C {
        escaped = true
      } else if !escaped && byte == 0x22 {
        out.append(0x22)
      } else {
        escaped = false
      }
      out.append(byte)
    }
    out.append(0x22)
    return String(decoding: out, as: UTF8.self)
  }
}
