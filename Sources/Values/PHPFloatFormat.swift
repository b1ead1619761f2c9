#if canImport(Glibc)
  import Glibc
#endif

/// How PHP 8 writes a float, in the three places closte must match byte for byte:
/// `json_encode` (shortest round-trip digits, `2.0` → `2`, `1.0e+25`), `var_export` (shortest digits,
/// `2.0` stays `2.0`, `1.0E+25`) and a string cast or `echo` (the `precision` setting's 14 significant
/// digits: `0.1 + 0.2` → `0.3`, `1e15` → `1.0E+15`).
public enum PHPFloatFormat {
  /// `json_encode($float)` with PHP's default `serialize_precision = -1`.
  public static func json(_ number: Double) -> String {
    guard number.isFinite else { return "0" }  // json_encode refuses INF/NAN; closte never produces them.
    return format(shortestDigits(number), threshold: 17, exponentMark: "e", keepsZeroFraction: false)
  }

  /// `var_export($float, true)`.
  public static func varExport(_ number: Double) -> String {
    if number.isNaN { return "NAN" }
    if number.isInfinite { return number < 0 ? "-INF" : "INF" }
    return format(shortestDigits(number), threshold: 17, exponentMark: "E", keepsZeroFraction: true)
  }

  /// `(string) $float`, as `echo` and string contexts (tables, CSV, YAML) write it.
  public static func string(_ number: Double) -> String {
    if number.isNaN { return "NAN" }
    if number.isInfinite { return number < 0 ? "-INF" : "INF" }
    return format(roundedDigits(number, significant: 14), threshold: 14, exponentMark: "E", keepsZeroFraction: false)
  }

  /// A float as decimal digits `0.d1d2d3... × 10^point`, the shape PHP's `zend_gcvt` works on.
  package struct Digits {
    package var negative: Bool
    package var digits: [Character]
    package var point: Int

    package init(negative: Bool, digits: [Character], point: Int) {
      self.negative = negative
      self.digits = digits
      self.point = point
    }
  }

  /// PHP's layout: exponential when the point is left of -3 or right of `threshold`, else fixed.
  package static func format(_ value: Digits, threshold: Int, exponentMark: String, keepsZeroFraction: Bool) -> String {
    let sign = value.negative ? "-" : ""
    if value.digits.isEmpty { return sign + (keepsZeroFraction ? "0.0" : "0") }
    let digits = value.digits
    if value.point < -3 || value.point > threshold {
      let rest = digits.count > 1 ? String(digits.dropFirst()) : "0"
      let exponent = value.point - 1
      return sign + String(digits[0]) + "." + rest + exponentMark + (exponent < 0 ? "-" : "+") + String(abs(exponent))
    }
    if value.point <= 0 {
      return sign + "0." + String(repeating: "0", count: -value.point) + String(digits)
    }
    if digits.count <= value.point {
      let whole = String(digits) + String(repeating: "0", count: value.point - digits.count)
      return sign + whole + (keepsZeroFraction ? ".0" : "")
    }
    return sign + String(digits.prefix(value.point)) + "." + String(digits.dropFirst(value.point))
  }

  /// The shortest digits that read back as the same double (Swift's `description` finds them too).
  package static func shortestDigits(_ number: Double) -> Digits {
    parse(number.description, negative: number.sign == .minus)
  }

  /// The digits rounded to `significant` places (glibc's printf rounds exactly, ties to even, as
  /// `zend_dtoa` does), trailing zeros dropped.
  package static func roundedDigits(_ number: Double, significant: Int) -> Digits {
    parse(CFormat.exponential(number, digits: significant - 1), negative: number.sign == .minus)
  }

  /// Reads `-1.2345e+17`, `0.0001` or `100.0` into digits and a decimal point position.
  private static func parse(_ text: String, negative: Bool) -> Digits {
    var body = Substring(text)
    if body.hasPrefix("-") { body = body.dropFirst() }
    var exponent = 0
    if let mark = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(body[body.index(after: mark)...]) ?? 0
      body = body[..<mark]
    }
    let integerPart = body.prefix { $0 != "." }
    let fraction = body.dropFirst(integerPart.count + (body.count > integerPart.count ? 1 : 0))
    var digits = Array(integerPart) + Array(fraction)
    var point = integerPart.count + exponent
    while let first = digits.first, first == "0" {
      digits.removeFirst()
      point -= 1
    }
    while let last = digits.last, last == "0" { digits.removeLast() }
    return Digits(negative: negative, digits: digits, point: point)
  }
}
