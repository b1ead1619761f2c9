import Values

#if canImport(Glibc)
  import Glibc
#endif

/// PHP 8's binary and unary operators over resolved values: integer overflow to float, `/` giving
/// a float unless exact, numeric-string rules, loose and strict comparison. What PHP would answer
/// with an exception (division by zero, arithmetic on arrays) is unresolved, with the reason.
package enum PHPOperators {
  package static func arithmetic(_ symbol: PHPSymbol, _ lhs: PHPValue, _ rhs: PHPValue) -> PHPResult {
    if symbol == .plus, case .array(let left) = lhs, case .array(let right) = rhs {
      var builder = PHPArrayBuilder(left)
      for entry in right.entries where builder.get(entry.key) == nil { builder.set(entry.key, entry.value) }
      return .value(.array(builder.array))
    }
    return PHPResult.both(lhs.number, rhs.number) { left, right in
      switch symbol {
      case .plus: return numeric(left, right, { $0.addingReportingOverflow($1) }, +)
      case .minus: return numeric(left, right, { $0.subtractingReportingOverflow($1) }, -)
      case .multiply: return numeric(left, right, { $0.multipliedReportingOverflow(by: $1) }, *)
      case .divide: return divide(left, right)
      case .power: return power(left, right)
      default: return .unresolved("uses the operator \(symbol.rawValue)")
      }
    }
  }

  private static func numeric(
    _ lhs: PHPValue, _ rhs: PHPValue, _ integer: (Int, Int) -> (partialValue: Int, overflow: Bool),
    _ floating: (Double, Double) -> Double
  ) -> PHPResult {
    if case .int(let left) = lhs, case .int(let right) = rhs {
      let result = integer(left, right)
      if !result.overflow { return .value(.int(result.partialValue)) }
    }
    return .value(.float(floating(lhs.floating, rhs.floating)))
  }

  private static func divide(_ lhs: PHPValue, _ rhs: PHPValue) -> PHPResult {
    if rhs.floating == 0 { return .unresolved("divides by zero") }
    if case .int(let left) = lhs, case .int(let right) = rhs, !(left == Int.min && right == -1), left % right == 0 {
      return .value(.int(left / right))
    }
    return .value(.float(lhs.floating / rhs.floating))
  }

  private static func power(_ lhs: PHPValue, _ rhs: PHPValue) -> PHPResult {
    if case .int(let base) = lhs, case .int(let exponent) = rhs, exponent >= 0 {
      var result = 1
      var overflow = false
      var remaining = exponent
      var factor = base
      // Square-and-multiply; any overflow falls back to the float result as PHP does.
      while remaining > 0 && !overflow {
        if remaining & 1 == 1 {
          let product = result.multipliedReportingOverflow(by: factor)
          result = product.partialValue
          overflow = product.overflow
        }
        remaining >>= 1
        if remaining > 0 {
          let square = factor.multipliedReportingOverflow(by: factor)
          factor = square.partialValue
          overflow = overflow || square.overflow
        }
      }
      if !overflow { return .value(.int(result)) }
    }
    return .value(.float(pow(lhs.floating, rhs.floating)))
  }

  package static func integerOperator(_ symbol: PHPSymbol, _ lhs: PHPValue, _ rhs: PHPValue) -> PHPResult {
    if case .string = lhs, case .string = rhs, [.ampersand, .pipe, .caret].contains(symbol) {
      return .unresolved("applies \(symbol.rawValue) to two strings byte by byte")
    }
    return PHPResult.both(integerOperand(lhs), integerOperand(rhs)) { left, right in
      guard case .int(let a) = left, case .int(let b) = right else { return .unresolved("uses a non-integer") }
      switch symbol {
      case .ampersand: return .value(.int(a & b))
      case .pipe: return .value(.int(a | b))
      case .caret: return .value(.int(a ^ b))
      case .modulo:
        if b == 0 { return .unresolved("takes a modulo by zero") }
        return .value(.int(b == -1 ? 0 : a % b))
      case .shiftLeft:
        if b < 0 { return .unresolved("shifts by a negative number") }
        return .value(.int(b >= 64 ? 0 : a << b))
      case .shiftRight:
        if b < 0 { return .unresolved("shifts by a negative number") }
        return .value(.int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b))
      default: return .unresolved("uses the operator \(symbol.rawValue)")
      }
    }
  }

  /// Operands of `% & | ^ << >>`: numbers as integers (PHP 8 refuses arrays and non-numeric strings).
  private static func integerOperand(_ value: PHPValue) -> PHPResult {
    value.number.map { $0.integer }
  }

  package static func bitwiseNot(_ value: PHPValue) -> PHPResult {
    switch value {
    case .int(let number): return .value(.int(~number))
    case .float(let number): return PHPValue.integer(fromFloat: number).map { .value(.int(~($0.intValue ?? 0))) }
    case .string: return .unresolved("applies ~ to a string byte by byte")
    default: return .unresolved("applies ~ to a \(value.typeName)")
    }
  }

  // MARK: Comparison

  /// `<=>` with PHP 8's rules, or nil where closte does not compare (arrays with other types).
  package static func compare(_ lhs: PHPValue, _ rhs: PHPValue) -> Int? {
    switch (lhs, rhs) {
    case (.string(let left), .string(let right)):
      if let a = PHPNumericString.parse(left), a.isWhole, let b = PHPNumericString.parse(right), b.isWhole {
        return compareNumbers(a.value, b.value)
      }
      return order(Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8)), left == right)
    case (.bool, _), (_, .bool), (.null, .null):
      return compareNumbers(.int(lhs.truthy ? 1 : 0), .int(rhs.truthy ? 1 : 0))
    case (.null, .string(let text)): return text.isEmpty ? 0 : -1
    case (.string(let text), .null): return text.isEmpty ? 0 : 1
    case (.null, _): return compareNumbers(.int(0), .int(rhs.truthy ? 1 : 0))
    case (_, .null): return compareNumbers(.int(lhs.truthy ? 1 : 0), .int(0))
    case (.int, .int), (.int, .float), (.float, .int), (.float, .float):
      return compareNumbers(lhs, rhs)
    case (.int, .string(let text)), (.float, .string(let text)):
      if let parsed = PHPNumericString.parse(text), parsed.isWhole { return compareNumbers(lhs, parsed.value) }
      return compare(.string(lhs.phpString), rhs)
    case (.string(let text), .int), (.string(let text), .float):
      if let parsed = PHPNumericString.parse(text), parsed.isWhole { return compareNumbers(parsed.value, rhs) }
      return compare(lhs, .string(rhs.phpString))
    case (.array(let left), .array(let right)):
      if left.entries.count != right.entries.count { return left.entries.count < right.entries.count ? -1 : 1 }
      for entry in left.entries {
        guard let other = right.value(for: entry.key) else { return nil }
        guard let result = compare(entry.value, other) else { return nil }
        if result != 0 { return result }
      }
      return 0
    default:
      return nil
    }
  }

  private static func order(_ less: Bool, _ equal: Bool) -> Int { equal ? 0 : (less ? -1 : 1) }

  private static func compareNumbers(_ lhs: PHPValue, _ rhs: PHPValue) -> Int {
    if case .int(let a) = lhs, case .int(let b) = rhs { return order(a < b, a == b) }
    let a = lhs.floating
    let b = rhs.floating
    if a.isNaN || b.isNaN { return 1 }
    return order(a < b, a == b)
  }

  package static func identical(_ lhs: PHPValue, _ rhs: PHPValue) -> Bool {
    switch (lhs, rhs) {
    case (.float(let a), .float(let b)): return a == b
    case (.array(let a), .array(let b)):
      guard a.entries.count == b.entries.count else { return false }
      return zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && identical($0.value, $1.value) }
    default: return lhs == rhs
    }
  }

  package static func comparison(_ symbol: PHPSymbol, _ lhs: PHPValue, _ rhs: PHPValue) -> PHPResult {
    switch symbol {
    case .identical: return .value(.bool(identical(lhs, rhs)))
    case .notIdentical: return .value(.bool(!identical(lhs, rhs)))
    default: break
    }
    if case .float(let a) = lhs, a.isNaN { return .value(.bool(symbol == .notEqual || symbol == .notEqualAngle)) }
    if case .float(let b) = rhs, b.isNaN { return .value(.bool(symbol == .notEqual || symbol == .notEqualAngle)) }
    guard let order = compare(lhs, rhs) else {
      return .unresolved("compares a \(lhs.typeName) with a \(rhs.typeName)")
    }
    switch symbol {
    case .equal: return .value(.bool(order == 0))
    case .notEqual, .notEqualAngle: return .value(.bool(order != 0))
    case .less: return .value(.bool(order < 0))
    case .lessOrEqual: return .value(.bool(order <= 0))
    case .greater: return .value(.bool(order > 0))
    case .greaterOrEqual: return .value(.bool(order >= 0))
    case .spaceship: return .value(.int(order))
    default: return .unresolved("uses the operator \(symbol.rawValue)")
    }
  }
}

extension PHPValue {
  package var intValue: Int? {
    if case .int(let number) = self { return number }
    return nil
  }
}

extension PHPValue {
  /// Not an array: usable as an array key.
  package var isScalar: Bool {
    if case .array = self { return false }
    return true
  }
}
