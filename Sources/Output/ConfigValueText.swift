import Values

/// How `wp config get` and `wp config list --format=dotenv` print values.
public enum ConfigValueText {
  public static let getFormats = ["var_export", "json", "yaml", "dotenv"]

  /// `WP_CLI::print_value`: `var_export` (and `dotenv`) print a scalar as PHP's `echo` does (`true` →
  /// `1`, `false` and `null` → empty, `2.0` → `2`) and an array as `var_export`; `json` and `yaml`
  /// encode. Always one trailing newline.
  public static func get(_ value: PHPValue, format: String) -> String {
    switch format {
    // `echo json_encode($value)`: a value json_encode refuses (a string that is not UTF-8) is `false`,
    // which echoes as nothing.
    case "json": return (JSONWriter.encodeWhole(value.json) ?? "") + "\n"
    case "yaml": return YAMLFormat.dump(value.json) + "\n"
    default:
      if case .array = value { return VarExport.export(value) + "\n" }
      return echo(value) + "\n"
    }
  }

  /// PHP's `echo $value` for a scalar.
  public static func echo(_ value: PHPValue) -> String {
    switch value {
    case .float(let number): return PHPFloatFormat.string(number)
    default: return PHPText.string(value.json)
    }
  }

  /// One `NAME=value` line of `wp config list --format=dotenv`: the name upper-cased, a numeric value
  /// bare, anything else in single quotes with `'` written as `\'`. (WP-CLI prints an array as
  /// `'Array'`; closte writes its JSON.)
  public static func dotenvLine(name: String, value: JSONValue) -> String {
    var text = PHPText.string(value).replacingAll("'", with: "\\'")
    if !PHPText.isNumeric(text) { text = "'" + text + "'" }
    return name.uppercased() + "=" + text + "\n"
  }
}
