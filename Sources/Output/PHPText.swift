import Values

/// PHP's own rules for turning a value into text, which WP-CLI's formats rely on without saying so.
public enum PHPText {
  /// `(string) $value` for a scalar: `true` → `1`, `false` and `null` → empty, a float with 14
  /// significant digits. Arrays and objects are JSON-encoded, as WP-CLI does for table and CSV cells.
  public static func string(_ value: JSONValue) -> String {
    switch value {
    case .null: return ""
    case .bool(let flag): return flag ? "1" : ""
    case .int(let number): return String(number)
    case .double(let number): return PHPFloatFormat.string(number)
    case .string(let text): return text
    case .array, .object: return JSONWriter.encode(value)
    }
  }

  /// PHP's truthiness (`if ($value)`): false for `false`, `null`, `0`, `0.0`, `""`, `"0"` and `[]`.
  public static func isTruthy(_ value: JSONValue) -> Bool {
    switch value {
    case .null: return false
    case .bool(let flag): return flag
    case .int(let number): return number != 0
    case .double(let number): return number != 0
    case .string(let text): return text != "" && text != "0"
    case .array(let elements): return !elements.isEmpty
    case .object(let object): return !object.isEmpty
    }
  }

  /// PHP 8's `is_numeric` for a string: optional surrounding whitespace, a sign, decimal digits with
  /// an optional point and exponent. No hex, no bare point, nothing else.
  public static func isNumeric(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    var index = 0
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
    var digits = 0
    while index < bytes.count, isDigit(bytes[index]) {
      index += 1
      digits += 1
    }
    if index < bytes.count, bytes[index] == 0x2E {
      index += 1
      while index < bytes.count, isDigit(bytes[index]) {
        index += 1
        digits += 1
      }
    }
    guard digits > 0 else { return false }
    if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
      var probe = index + 1
      if probe < bytes.count, bytes[probe] == 0x2B || bytes[probe] == 0x2D { probe += 1 }
      let start = probe
      while probe < bytes.count, isDigit(bytes[probe]) { probe += 1 }
      guard probe > start else { return false }
      index = probe
    }
    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    return index == bytes.count
  }

  /// PHP's `trim()` character set: space, tab, newline, carriage return, NUL and vertical tab.
  public static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\0" || scalar == "\u{0B}"
  }

  /// PHP's `trim()`.
  public static func trim(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var start = 0
    var end = scalars.count
    while start < end, isTrimmable(scalars[start]) { start += 1 }
    while end > start, isTrimmable(scalars[end - 1]) { end -= 1 }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars[start..<end])
    return String(result)
  }

  /// PHP's `rtrim()`.
  public static func rtrim(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var end = scalars.count
    while end > 0, isTrimmable(scalars[end - 1]) { end -= 1 }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars[0..<end])
    return String(result)
  }
}
