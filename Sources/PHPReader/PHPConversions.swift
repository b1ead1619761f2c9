import Values

#if canImport(Glibc)
  import Glibc
#endif

/// PHP 8's type juggling for the values a `wp-config.php` computes with.
extension PHPValue {
  /// `(bool)`: false for null, false, 0, 0.0, "", "0" and the empty array.
  public var truthy: Bool {
    switch self {
    case .null: return false
    case .bool(let flag): return flag
    case .int(let number): return number != 0
    case .float(let number): return number != 0
    case .string(let text): return !(text.isEmpty || text == "0")
    case .array(let array): return !array.entries.isEmpty
    }
  }

  /// `(string)`, as `echo` and `.` give it (floats with PHP's `precision` of 14).
  public var phpString: String {
    switch self {
    case .null: return ""
    case .bool(let flag): return flag ? "1" : ""
    case .int(let number): return String(number)
    case .float(let number): return PHPValue.floatString(number, precision: 14)
    case .string(let text): return text
    case .array: return "Array"
    }
  }

  /// A number for arithmetic, or why PHP 8 would throw a TypeError.
  package var number: PHPResult {
    switch self {
    case .null: return .value(.int(0))
    case .bool(let flag): return .value(.int(flag ? 1 : 0))
    case .int, .float: return .value(self)
    case .string(let text):
      guard let parsed = PHPNumericString.parse(text) else {
        return .unresolved("uses the non-numeric string '\(text.prefix(40))' as a number")
      }
      return .value(parsed.value)
    case .array: return .unresolved("uses an array as a number")
    }
  }

  /// `(int)`, or why the value has none PHP would agree on.
  package var integer: PHPResult {
    switch self {
    case .null: return .value(.int(0))
    case .bool(let flag): return .value(.int(flag ? 1 : 0))
    case .int: return .value(self)
    case .float(let number): return PHPValue.integer(fromFloat: number)
    case .string(let text):
      guard let parsed = PHPNumericString.parse(text) else { return .value(.int(0)) }
      return parsed.value.integer
    case .array(let array): return .value(.int(array.entries.isEmpty ? 0 : 1))
    }
  }

  package static func integer(fromFloat number: Double) -> PHPResult {
    if number.isNaN || number.isInfinite { return .value(.int(0)) }
    guard number >= -9.223_372_036_854_775_808e18, number < 9.223_372_036_854_775_808e18 else {
      return .unresolved("converts the out-of-range float \(floatString(number, precision: 17)) to an integer")
    }
    return .value(.int(Int(number)))
  }

  /// `(float)`.
  package var floating: Double {
    switch self {
    case .null: return 0
    case .bool(let flag): return flag ? 1 : 0
    case .int(let number): return Double(number)
    case .float(let number): return number
    case .string(let text):
      guard let parsed = PHPNumericString.parse(text) else { return 0 }
      return parsed.value.floating
    case .array(let array): return array.entries.isEmpty ? 0 : 1
    }
  }

  /// A float as PHP prints it with `precision` significant digits (zend_gcvt): `0.1`, `1.0E+25`,
  /// `1.5E-5`, `-0`, `INF`, `NAN`.
  public static func floatString(_ number: Double, precision: Int) -> String {
    if number.isNaN { return "NAN" }
    if number.isInfinite { return number < 0 ? "-INF" : "INF" }
    if number == 0 { return number.sign == .minus ? "-0" : "0" }
    let formatted = CFormat.exponential(abs(number), digits: precision - 1)
    guard let eIndex = formatted.firstIndex(of: "e"), let exponent = Int(formatted[formatted.index(after: eIndex)...])
    else { return formatted }
    var digits = formatted[..<eIndex].filter { $0 != "." }
    while digits.count > 1, digits.last == "0" { digits.removeLast() }
    let decimalPoint = exponent + 1
    let sign = number < 0 ? "-" : ""
    if decimalPoint < -3 || decimalPoint > precision {
      let first = digits.prefix(1)
      let rest = digits.dropFirst()
      let exponentText = exponent < 0 ? "-\(-exponent)" : "+\(exponent)"
      return "\(sign)\(first).\(rest.isEmpty ? "0" : String(rest))E\(exponentText)"
    }
    if decimalPoint <= 0 {
      return sign + "0." + String(repeating: "0", count: -decimalPoint) + digits
    }
    if digits.count <= decimalPoint {
      return sign + digits + String(repeating: "0", count: decimalPoint - digits.count)
    }
    let split = digits.index(digits.startIndex, offsetBy: decimalPoint)
    return sign + digits[..<split] + "." + digits[split...]
  }
}

extension PHPArrayKey {
  /// The key PHP stores for `value` used as an array key: `"8"` becomes 8, `true` 1, `null` "",
  /// a float its integer part.
  package static func from(_ value: PHPValue) -> PHPArrayKey? {
    switch value {
    case .null: return .string("")
    case .bool(let flag): return .int(flag ? 1 : 0)
    case .int(let number): return .int(number)
    case .float(let number):
      if case .value(.int(let integer)) = PHPValue.integer(fromFloat: number) { return .int(integer) }
      return nil
    case .string(let text): return canonicalInteger(text).map { .int($0) } ?? .string(text)
    case .array: return nil
    }
  }

  /// `"8"` and `"-3"` are integer keys; `"08"`, `"-0"`, `" 8"` and `"8.0"` stay strings.
  private static func canonicalInteger(_ text: String) -> Int? {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty, bytes.count <= 20 else { return nil }
    var index = 0
    if bytes[0] == UInt8(ascii: "-") { index = 1 }
    guard index < bytes.count, bytes[index...].allSatisfy(PHPLexer.isDigit) else { return nil }
    if bytes[index] == UInt8(ascii: "0") && (bytes.count - index > 1 || index == 1) { return nil }
    return Int(text)
  }
}

/// Builds a PHP array as a literal or assignments do: keys replace in place, `[]` appends at the
/// next integer key.
package struct PHPArrayBuilder {
  package private(set) var array: PHPArray
  /// Where each key is, once the array is big enough for a linear search to cost more.
  private var positions: [PHPArrayKey: Int]?
  private var nextIndex = 0
  private static let indexThreshold = 16

  package init(_ array: PHPArray = PHPArray()) {
    self.array = array
    for entry in array.entries {
      if case .int(let number) = entry.key, number >= nextIndex { nextIndex = number &+ 1 }
    }
    if array.entries.count > PHPArrayBuilder.indexThreshold { buildIndex() }
  }

  private mutating func buildIndex() {
    var index: [PHPArrayKey: Int] = [:]
    for (position, entry) in array.entries.enumerated() { index[entry.key] = position }
    positions = index
  }

  private func position(of key: PHPArrayKey) -> Int? {
    if let positions { return positions[key] }
    return array.entries.firstIndex { $0.key == key }
  }

  package mutating func set(_ key: PHPArrayKey, _ value: PHPValue) {
    if let position = position(of: key) {
      array.setValue(at: position, value)
      return
    }
    positions?[key] = array.entries.count
    array.append(PHPArray.Entry(key: key, value: value))
    if positions == nil, array.entries.count > PHPArrayBuilder.indexThreshold { buildIndex() }
    if case .int(let number) = key, number >= nextIndex { nextIndex = number == Int.max ? number : number + 1 }
  }

  package mutating func append(_ value: PHPValue) {
    set(.int(nextIndex), value)
  }

  package func get(_ key: PHPArrayKey) -> PHPValue? {
    position(of: key).map { array.entries[$0].value }
  }
}

extension PHPArray {
  package func value(for key: PHPArrayKey) -> PHPValue? {
    entries.first { $0.key == key }?.value
  }
}
