/// Writes JSON as PHP's `json_encode` does with its default flags, which is what WP-CLI prints:
/// one line, `/` escaped as `\/`, every non-ASCII character as `\uXXXX` (lower-case hex, UTF-16
/// surrogate pairs above U+FFFF). The output is therefore pure ASCII and safe on any terminal.
public enum JSONWriter {
  public static func encode(_ value: JSONValue) -> String {
    var out = ""
    write(value, into: &out)
    return out
  }

  public static func write(_ value: JSONValue, into out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .int(let number): out += String(number)
    case .double(let number): out += formatDouble(number)
    case .string(let text):
      // json_encode cannot encode a string that is not UTF-8; WP-CLI's lists show it as null.
      if PHPBytes.isValidUTF8(text) { writeString(text, into: &out) } else { out += "null" }
    case .array(let elements):
      out += "["
      for (position, element) in elements.enumerated() {
        if position > 0 { out += "," }
        write(element, into: &out)
      }
      out += "]"
    case .object(let object):
      out += "{"
      var first = true
      for (key, member) in object {
        if !first { out += "," }
        first = false
        writeString(key, into: &out)
        out += ":"
        write(member, into: &out)
      }
      out += "}"
    }
  }

  /// `json_encode` without partial output: nil (PHP's `false`) when any string in the value is not UTF-8.
  public static func encodeWhole(_ value: JSONValue) -> String? {
    containsInvalidUTF8(value) ? nil : encode(value)
  }

  private static func containsInvalidUTF8(_ value: JSONValue) -> Bool {
    switch value {
    case .string(let text): return !PHPBytes.isValidUTF8(text)
    case .array(let elements): return elements.contains(where: containsInvalidUTF8)
    case .object(let object): return object.contains { !PHPBytes.isValidUTF8($0.key) || containsInvalidUTF8($0.value) }
    default: return false
    }
  }

  /// A float as `json_encode` writes it with PHP's default `serialize_precision = -1`: the shortest
  /// text that reads back as the same double, a whole number without `.0` (`2`), and PHP's exponent
  /// spelling (`1.0e+25`).
  public static func formatDouble(_ number: Double) -> String {
    PHPFloatFormat.json(number)
  }

  public static func writeString(_ text: String, into out: inout String) {
    out += "\""
    for unit in text.utf16 {
      switch unit {
      case 0x22: out += "\\\""
      case 0x5C: out += "\\\\"
      case 0x2F: out += "\\/"
      case 0x08: out += "\\b"
      case 0x0C: out += "\\f"
      case 0x0A: out += "\\n"
      case 0x0D: out += "\\r"
      case 0x09: out += "\\t"
      case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
      default: out += "\\u" + Hex.text(unit, digits: 4, uppercase: false)
      }
    }
    out += "\""
  }
}
