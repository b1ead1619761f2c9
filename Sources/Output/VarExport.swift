import Values

/// PHP's `var_export($value, true)`, which `wp config get` uses for arrays.
public enum VarExport {
  public static func export(_ value: PHPValue) -> String {
    var out = ""
    write(value, indent: "", into: &out)
    return out
  }

  private static func write(_ value: PHPValue, indent: String, into out: inout String) {
    switch value {
    case .null: out += "NULL"
    case .bool(let flag): out += flag ? "true" : "false"
    case .int(let number): out += number == Int.min ? "-9223372036854775807-1" : String(number)
    case .float(let number): out += PHPFloatFormat.varExport(number)
    case .string(let text): out += quoted(text)
    case .array(let array):
      out += "array (\n"
      for entry in array.entries {
        out += indent + "  "
        switch entry.key {
        case .int(let number): out += String(number)
        case .string(let text): out += quoted(text)
        }
        out += " => "
        if case .array = entry.value {
          out += "\n" + indent + "  "
          write(entry.value, indent: indent + "  ", into: &out)
        } else {
          write(entry.value, indent: indent + "  ", into: &out)
        }
        out += ",\n"
      }
      out += indent + ")"
    }
  }

  /// A single-quoted PHP string: `\` and `'` escaped, a NUL byte spliced in as `' . "\0" . '`.
  package static func quoted(_ text: String) -> String {
    let escaped = text.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'")
    return "'" + escaped.replacingAll("\0", with: "' . \"\\0\" . '") + "'"
  }
}
