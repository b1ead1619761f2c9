import Values

/// Prefix operators and the operands of expressions: literals, strings, arrays, names (constants
/// and function calls), variables with their subscripts and assignments.
extension PHPEvaluator {
  /// Prefix operators, read as a loop however many there are (`!!!!x`, `- - -1`): each applies to
  /// what follows it with the operators that bind tighter than itself.
  package mutating func unary() throws -> PHPResult {
    var prefixes: [PHPTokenKind] = []
    while PHPEvaluator.prefixPower(stream.current.kind) != nil {
      prefixes.append(stream.current.kind)
      try stream.advance()
    }
    var operand = try incrementOrPrimary()
    for prefix in prefixes.reversed() {
      operand = try binaryTail(operand, minimum: PHPEvaluator.prefixPower(prefix) ?? Power.unary)
      operand = PHPEvaluator.applyPrefix(prefix, operand)
    }
    return operand
  }

  /// How tightly a prefix operator binds its operand, nil for a token that is not one.
  package static func prefixPower(_ kind: PHPTokenKind) -> Int? {
    switch kind {
    case .symbol(.not): return Power.not
    case .symbol(.minus), .symbol(.plus), .symbol(.tilde), .symbol(.at), .symbol(.ampersand), .cast: return Power.unary
    default: return nil
    }
  }

  package static func applyPrefix(_ kind: PHPTokenKind, _ operand: PHPResult) -> PHPResult {
    switch kind {
    case .symbol(.not): return operand.map { .value(.bool(!$0.truthy)) }
    case .symbol(.minus): return operand.map { PHPOperators.arithmetic(.multiply, $0, .int(-1)) }
    case .symbol(.plus): return operand.map { PHPOperators.arithmetic(.multiply, $0, .int(1)) }
    case .symbol(.tilde): return operand.map(PHPOperators.bitwiseNot)
    case .cast(let cast): return operand.map { PHPEvaluator.cast($0, to: cast) }
    default: return operand
    }
  }

  private mutating func incrementOrPrimary() throws -> PHPResult {
    guard stream.isSymbol(.increment) || stream.isSymbol(.decrement) else { return try primary() }
    try stream.advance()
    let operand = stream.current
    _ = try expression(minimum: Power.unary)
    if operand.kind == .variable {
      scope.assign(variableName(operand), .unresolved("is incremented"), line: operand.line, flow: flow)
    }
    return .unresolved("increments or decrements a variable")
  }

  package static func cast(_ value: PHPValue, to type: PHPCast) -> PHPResult {
    switch type {
    case .int: return value.integer
    case .float: return .value(.float(value.floating))
    case .string:
      if case .array = value { return .unresolved("converts an array to a string") }
      return .value(.string(value.phpString))
    case .bool: return .value(.bool(value.truthy))
    case .array:
      switch value {
      case .array: return .value(value)
      case .null: return .value(.array(PHPArray()))
      default: return .value(.array(PHPArray(entries: [PHPArray.Entry(key: .int(0), value: value)])))
      }
    case .object: return .unresolved("casts to an object")
    case .unset: return .unresolved("uses the removed (unset) cast")
    }
  }

  package mutating func primary() throws -> PHPResult {
    let token = stream.current
    switch token.kind {
    case .integer:
      try stream.advance()
      return .value(PHPEvaluator.integerLiteral(Array(stream.source[token.start..<token.end])))
    case .float:
      try stream.advance()
      let digits = stream.source[token.start..<token.end].filter { $0 != UInt8(ascii: "_") }
      return .value(.float(Double(String(decoding: digits, as: UTF8.self)) ?? 0))
    case .singleQuoted:
      try stream.advance()
      let body = stream.source[(token.start + 1)..<(token.end - 1)]
      return try postfix(.value(.string(PHPBytes.string(PHPStringDecoder.singleQuoted(body)))))
    case .doubleQuoted:
      try stream.advance()
      return try postfix(
        interpolate(stream.source[(token.start + 1)..<(token.end - 1)], heredocIndent: nil, line: token.line))
    case .heredoc(let indent):
      try stream.advance()
      return try postfix(interpolate(stream.source[token.start..<token.end], heredocIndent: indent, line: token.line))
    case .nowdoc(let indent):
      try stream.advance()
      let body = PHPStringDecoder.removeIndent(stream.source[token.start..<token.end], indent)
      return .value(.string(PHPBytes.string(body)))
    case .backtick:
      try stream.advance()
      return .unresolved("runs a shell command")
    case .variable:
      return try variableExpression()
    case .name:
      return try nameExpression()
    case .symbol(.openParen):
      // Nested parentheses are counted, not recursed into: 10,000 of them around a value are a loop.
      var opened = 0
      while stream.isSymbol(.openParen) {
        opened += 1
        try stream.advance()
      }
      var inner = try expression()
      for level in 1...opened {
        try stream.expect(.closeParen)
        if level < opened { inner = try binaryTail(postfix(inner), minimum: 0) }
      }
      return try postfix(inner)
    case .symbol(.openBracket):
      try stream.advance()
      return try postfix(arrayLiteral(closing: .closeBracket))
    case .symbol(.attributeStart):
      try stream.skipGroup()
      return try unary()
    default:
      throw stream.unexpected()
    }
  }

  // MARK: Literals

  /// `42`, `0x1F`, `0755`, `0o755`, `0b101`, `1_000`; too large for an int: a float, as in PHP.
  package static func integerLiteral(_ raw: [UInt8]) -> PHPValue {
    let digits = raw.filter { $0 != UInt8(ascii: "_") }
    var radix = 10
    var body = digits[...]
    if digits.count > 1, digits[0] == UInt8(ascii: "0") {
      switch PHPLexer.lowercased(digits[1]) {
      case UInt8(ascii: "x"): radix = 16; body = digits[2...]
      case UInt8(ascii: "o"): radix = 8; body = digits[2...]
      case UInt8(ascii: "b"): radix = 2; body = digits[2...]
      default: radix = 8; body = digits[1...]
      }
    }
    let text = String(decoding: body, as: UTF8.self)
    if let value = Int(text, radix: radix) { return .int(value) }
    if radix == 10 { return .float(Double(text) ?? .infinity) }
    if radix == 8, body.contains(where: { $0 > UInt8(ascii: "7") }) {
      // PHP refuses "0789" at compile time; closte reads the valid prefix as PHP 7 did.
      let valid = body.prefix { $0 >= 0x30 && $0 <= 0x37 }
      return .int(Int(String(decoding: valid, as: UTF8.self), radix: 8) ?? 0)
    }
    var value = 0.0
    for byte in body {
      let digit = PHPLexer.isDigit(byte) ? Int(byte - 0x30) : Int(PHPLexer.lowercased(byte) - 0x61 + 10)
      value = value * Double(radix) + Double(digit)
    }
    return .float(value)
  }

  /// A double-quoted string or heredoc with its `$variable` parts filled in.
  package mutating func interpolate(_ body: ArraySlice<UInt8>, heredocIndent: Int?, line: Int) throws -> PHPResult {
    let segments: [PHPStringDecoder.Segment]
    do {
      if let heredocIndent {
        let text = PHPStringDecoder.removeIndent(body, heredocIndent)
        segments = try PHPStringDecoder.doubleQuoted(text[...], inHeredoc: true)
      } else {
        segments = try PHPStringDecoder.doubleQuoted(body)
      }
    } catch let error as PHPSyntaxError {
      throw PHPSyntaxError(line: line, error.message, isFatal: error.isFatal)
    }
    var bytes: [UInt8] = []
    for segment in segments {
      switch segment {
      case .bytes(let literal): bytes += literal
      case .variable(let name):
        scope.mention(name)
        switch scope.variable(name) {
        case .value(let value)?:
          if case .array = value { return .unresolved("converts an array to a string") }
          bytes += Array(value.phpString.utf8)
          if bytes.count > PHPLimits.maximumValueBytes { return PHPLimits.tooLarge }
        case .unresolved(let reason)?: return .unresolved(reason)
        case nil: return .unresolved("uses the undefined variable $\(name)")
        }
      case .unsupported(let text): return .unresolved("interpolates \(text) in a string")
      }
    }
    return .value(.string(PHPBytes.string(bytes)))
  }

  /// The elements of `[...]` or `array(...)` up to `closing`.
  package mutating func arrayLiteral(closing: PHPSymbol) throws -> PHPResult {
    depth += 1
    defer { depth -= 1 }
    guard depth <= PHPEvaluator.maximumDepth else {
      throw PHPSyntaxError(line: stream.current.line, "array nested deeper than \(PHPEvaluator.maximumDepth) levels")
    }
    var builder = PHPArrayBuilder()
    var failure: PHPResult?
    while !stream.isSymbol(closing) {
      if stream.isSymbol(.ellipsis) {
        try stream.advance()
        let spread = try expression()
        if case .value(.array(let array)) = spread {
          for entry in array.entries {
            if case .int = entry.key { builder.append(entry.value) } else { builder.set(entry.key, entry.value) }
          }
        } else if failure == nil {
          failure = spread.value == nil ? spread : .unresolved("spreads a value that is not an array")
        }
      } else {
        if stream.isSymbol(.ampersand) { try stream.advance() }
        let first = try expression()
        if stream.isSymbol(.doubleArrow) {
          try stream.advance()
          if stream.isSymbol(.ampersand) { try stream.advance() }
          let value = try expression()
          switch (first, value) {
          case (.value(let keyValue), .value(let element)):
            if let key = PHPArrayKey.from(keyValue) {
              builder.set(key, element)
            } else if failure == nil {
              failure = .unresolved("uses a \(keyValue.typeName) as an array key")
            }
          default:
            if failure == nil { failure = first.value == nil ? first : value }
          }
        } else {
          switch first {
          case .value(let element): builder.append(element)
          case .unresolved: if failure == nil { failure = first }
          }
        }
      }
      if stream.isSymbol(.comma) {
        try stream.advance()
      } else {
        break
      }
    }
    try stream.expect(closing)
    return failure ?? PHPLimits.bounded(.value(.array(builder.array)))
  }

  // MARK: Subscripts

  /// `[key]` and `{key}` after a value: array lookups; `->`, `::` and calls are not evaluated.
  package mutating func postfix(_ base: PHPResult) throws -> PHPResult {
    var result = base
    while true {
      if stream.isSymbol(.openBracket) {
        try stream.advance()
        let key = try expression()
        try stream.expect(.closeBracket)
        result = PHPResult.both(result, key) { PHPEvaluator.element($0, $1, quiet: false) }
      } else if stream.isSymbol(.arrow) || stream.isSymbol(.nullsafeArrow) || stream.isSymbol(.doubleColon) {
        try stream.advance()
        if stream.current.kind == .name || stream.current.kind == .variable {
          try stream.advance()
        } else if stream.isSymbol(.openBrace) {
          try stream.skipGroup()
        }
        result = .unresolved("reads an object or class member")
      } else if stream.isSymbol(.openParen) {
        try stream.skipGroup()
        result = .unresolved("calls a value as a function")
      } else {
        return result
      }
    }
  }

  package static func element(_ container: PHPValue, _ keyValue: PHPValue, quiet: Bool) -> PHPResult {
    switch container {
    case .array(let array):
      guard let key = PHPArrayKey.from(keyValue) else {
        return .unresolved("uses a \(keyValue.typeName) as an array key")
      }
      return .value(array.value(for: key) ?? .null)
    case .null:
      return .value(.null)
    case .string(let text):
      guard case .int(let index) = keyValue else { return .unresolved("reads a string offset") }
      let bytes = Array(text.utf8)
      let position = index < 0 ? bytes.count + index : index
      guard position >= 0, position < bytes.count else { return .unresolved("reads a string offset out of range") }
      return .value(.string(PHPBytes.string([bytes[position]])))
    default:
      return .value(.null)
    }
  }
}
