import Values

/// PHP 8's numeric strings: optional leading white space, a sign, digits with an optional
/// fraction and exponent, optional trailing white space. `"12"` is an int, `"1.5"` and `"1e3"`
/// floats; `"12abc"` is only a leading-numeric string (a warning in arithmetic, 12 in a cast).
package enum PHPNumericString {
  package struct Parsed {
    package var value: PHPValue
    /// The whole string is numeric (not just a prefix).
    package var isWhole: Bool

    package init(value: PHPValue, isWhole: Bool) {
      self.value = value
      self.isWhole = isWhole
    }
  }

  package static func isWhiteSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
  }

  package static func parse(_ text: String) -> Parsed? {
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count, isWhiteSpace(bytes[index]) { index += 1 }
    let numberStart = index
    if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
    let digitsStart = index
    while index < bytes.count, PHPLexer.isDigit(bytes[index]) { index += 1 }
    var integerDigits = index - digitsStart
    var isFloat = false
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      let fractionStart = index + 1
      var cursor = fractionStart
      while cursor < bytes.count, PHPLexer.isDigit(bytes[cursor]) { cursor += 1 }
      if integerDigits > 0 || cursor > fractionStart {
        isFloat = true
        integerDigits += cursor - fractionStart
        index = cursor
      }
    }
    guard integerDigits > 0 else { return nil }
    if index < bytes.count, PHPLexer.lowercased(bytes[index]) == UInt8(ascii: "e") {
      var cursor = index + 1
      if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
      let exponentStart = cursor
      while cursor < bytes.count, PHPLexer.isDigit(bytes[cursor]) { cursor += 1 }
      if cursor > exponentStart {
        isFloat = true
        index = cursor
      }
    }
    let numberEnd = index
    while index < bytes.count, isWhiteSpace(bytes[index]) { index += 1 }
    let literal = String(decoding: bytes[numberStart..<numberEnd], as: UTF8.self)
    let value: PHPValue
    if !isFloat, let integer = Int(literal) {
      value = .int(integer)
    } else {
      value = .float(Double(literal) ?? 0)
    }
    return Parsed(value: value, isWhole: index == bytes.count)
  }
}
