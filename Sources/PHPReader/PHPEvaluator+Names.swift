import Values

/// Variables (reads, subscripts, assignments, superglobals) and names (keywords, constants,
/// function calls) in expressions.
extension PHPEvaluator {
  package func variableName(_ token: PHPToken) -> String {
    String(decoding: stream.source[(token.start + 1)..<token.end], as: UTF8.self)
  }

  /// PHP's superglobals, which a file reads but never creates as its own variables.
  package static let superglobals: Set<String> = [
    "GLOBALS", "_SERVER", "_GET", "_POST", "_COOKIE", "_FILES", "_ENV", "_REQUEST", "_SESSION",
  ]

  private func assignmentOperator() -> PHPSymbol? {
    guard case .symbol(let symbol) = stream.current.kind else { return nil }
    switch symbol {
    case .assign, .plusAssign, .minusAssign, .multiplyAssign, .divideAssign, .concatAssign, .moduloAssign,
      .powerAssign, .coalesceAssign, .andAssign, .orAssign, .xorAssign, .shiftLeftAssign, .shiftRightAssign:
      return symbol
    default:
      return nil
    }
  }

  /// The binary operator a compound assignment applies (`.=` is `.`).
  private static func compoundBase(_ symbol: PHPSymbol) -> PHPSymbol? {
    switch symbol {
    case .plusAssign: return .plus
    case .minusAssign: return .minus
    case .multiplyAssign: return .multiply
    case .divideAssign: return .divide
    case .concatAssign: return .dot
    case .moduloAssign: return .modulo
    case .powerAssign: return .power
    case .andAssign: return .ampersand
    case .orAssign: return .pipe
    case .xorAssign: return .caret
    case .shiftLeftAssign: return .shiftLeft
    case .shiftRightAssign: return .shiftRight
    default: return nil
    }
  }

  package mutating func variableExpression() throws -> PHPResult {
    let token = stream.current
    let name = variableName(token)
    scope.mention(name)
    try stream.advance()
    var keys: [PHPResult?] = []
    while stream.isSymbol(.openBracket) {
      try stream.advance()
      if stream.isSymbol(.closeBracket) {
        keys.append(nil)
      } else {
        keys.append(try expression())
      }
      try stream.expect(.closeBracket)
    }
    if let symbol = assignmentOperator() {
      try stream.advance()
      if symbol == .assign, stream.isSymbol(.ampersand) { try stream.advance() }
      let isCoalesce = symbol == .coalesceAssign
      let current = isCoalesce || PHPEvaluator.compoundBase(symbol) != nil ? read(name, keys, quiet: true) : nil
      let currentIsSet = current?.value.map { $0 != .null }
      let right: PHPResult =
        isCoalesce
        ? try branch(taken: currentIsSet.map { !$0 }) { try $0.expression(minimum: Power.assignment) }
        : try expression(minimum: Power.assignment)
      var assigned = right
      if isCoalesce {
        guard let currentIsSet else { return current ?? right }
        if currentIsSet { return current ?? right }
      } else if let base = PHPEvaluator.compoundBase(symbol), let current {
        assigned = PHPResult.both(current, right) { PHPEvaluator.apply(base, $0, $1) }
      }
      store(name, keys, assigned, line: token.line)
      return assigned
    }
    if stream.isSymbol(.increment) || stream.isSymbol(.decrement) {
      try stream.advance()
      scope.assign(name, .unresolved("is incremented"), line: token.line, flow: flow)
      return .unresolved("increments or decrements a variable")
    }
    let quiet = quietUndefined || stream.isSymbol(.coalesce)
    return try postfix(read(name, keys, quiet: quiet))
  }

  /// The value of `$name[key]...`, from the program or, for superglobals, the environment.
  private func read(_ name: String, _ keys: [PHPResult?], quiet: Bool) -> PHPResult {
    if keys.contains(where: { $0 == nil }) { return .unresolved("reads with [] (only writes can)") }
    var remaining = keys.compactMap { $0 }
    var value: PHPResult
    switch name {
    case "GLOBALS":
      guard let first = remaining.first else { return .unresolved("reads the whole $GLOBALS array") }
      remaining.removeFirst()
      guard case .value(let keyValue) = first else { return first }
      return read(keyValue.phpString, remaining.map { $0 }, quiet: quiet)
    case _ where PHPEvaluator.superglobals.contains(name):
      guard let first = remaining.first else { return wholeSuperglobal(name) }
      remaining.removeFirst()
      guard case .value(let keyValue) = first else { return first }
      if case .array = keyValue { return .unresolved("uses an array as an array key") }
      let key = keyValue.phpString
      if let written = scope.superglobal(name, key: key) {
        value = written
      } else {
        // WP-CLI's CLI run: $_SERVER holds the environment (and what --url sets); the request
        // arrays are empty, $_ENV too (variables_order = GPCS), $_SESSION is not set.
        value = name == "_SERVER" ? scope.context.server(key) : .value(.null)
      }
    case "this":
      return .unresolved("reads $this")
    default:
      if let known = scope.variable(name) {
        value = known
      } else if quiet {
        value = .value(.null)
      } else {
        return .unresolved("uses the undefined variable $\(name)")
      }
    }
    for key in remaining {
      value = PHPResult.both(value, key) { container, keyValue in
        if quiet, case .array(let array) = container, let arrayKey = PHPArrayKey.from(keyValue),
          array.value(for: arrayKey) == nil
        {
          return .value(.null)
        }
        return PHPEvaluator.element(container, keyValue, quiet: quiet)
      }
    }
    return value
  }

  /// A superglobal read as a whole: the request arrays and `$_ENV` are empty in a CLI run.
  private func wholeSuperglobal(_ name: String) -> PHPResult {
    if name == "_SERVER" || name == "GLOBALS" { return .unresolved("reads the whole $\(name) array") }
    if let written = scope.superglobal(name, key: "") { return written }
    return name == "_SESSION" ? .value(.null) : .value(.array(PHPArray()))
  }

  /// Records `$name[keys...] = value`.
  private func store(_ name: String, _ keys: [PHPResult?], _ value: PHPResult, line: Int) {
    // WP-CLI reads the file inside a method: `$GLOBALS['x'] = ...` sets a global, not one of the
    // file's variables.
    if name == "this" || name == "GLOBALS" { return }
    if PHPEvaluator.superglobals.contains(name) {
      if keys.count == 1, case .value(let keyValue)? = keys[0], keyValue.isScalar {
        scope.assignSuperglobal(name, key: keyValue.phpString, value, flow: flow)
      } else {
        scope.assignSuperglobal(name, key: nil, value, flow: flow)
      }
      return
    }
    guard !keys.isEmpty else {
      scope.assign(name, value, line: line, flow: flow)
      return
    }
    guard keys.count <= 32 else {
      scope.assign(name, .unresolved("sets an element nested more than 32 levels deep"), line: line, flow: flow)
      return
    }
    let base = scope.variable(name) ?? .value(.null)
    let updated = PHPResult.both(base, value) { container, element in
      PHPEvaluator.setting(container, keys[...], element)
    }
    scope.assign(name, updated, line: line, flow: flow)
  }

  private static func setting(_ container: PHPValue, _ keys: ArraySlice<PHPResult?>, _ element: PHPValue) -> PHPResult {
    guard let first = keys.first else { return .value(element) }
    var builder: PHPArrayBuilder
    switch container {
    case .array(let array): builder = PHPArrayBuilder(array)
    case .null: builder = PHPArrayBuilder()
    default: return .unresolved("sets an element of a \(container.typeName)")
    }
    guard let keyResult = first else {
      let inner = setting(.null, keys.dropFirst(), element)
      guard case .value(let value) = inner else { return inner }
      builder.append(value)
      return .value(.array(builder.array))
    }
    guard case .value(let keyValue) = keyResult else { return keyResult }
    guard let key = PHPArrayKey.from(keyValue) else {
      return .unresolved("uses a \(keyValue.typeName) as an array key")
    }
    let inner = setting(builder.get(key) ?? .null, keys.dropFirst(), element)
    guard case .value(let value) = inner else { return inner }
    builder.set(key, value)
    return .value(.array(builder.array))
  }

  // MARK: Names

  package mutating func nameExpression() throws -> PHPResult {
    let token = stream.current
    let next = try stream.peek()
    let isCall = next.kind == .symbol(.openParen)
    guard let name = stream.keyword(token) else {
      try stream.advance()
      if isCall {
        let arguments = try callArguments()
        let function = stream.lowercasedName(token)
        return try postfix(call(function, qualified: stream.text(token), arguments: arguments, line: token.line))
      }
      if next.kind == .symbol(.doubleColon) { return try postfix(.unresolved("reads a class constant")) }
      return try postfix(constantValue(stream.text(token)))
    }
    switch name {
    case "true" where !isCall, "false" where !isCall, "null" where !isCall:
      try stream.advance()
      return .value(name == "null" ? .null : .bool(name == "true"))
    case "array" where isCall:
      try stream.advance()
      try stream.advance()
      return try postfix(arrayLiteral(closing: .closeParen))
    case "isset" where isCall, "empty" where isCall:
      try stream.advance()
      let saved = quietUndefined
      quietUndefined = true
      defer { quietUndefined = saved }
      let arguments = try callArguments()
      if name == "empty" {
        return (arguments.first ?? .value(.null)).map { .value(.bool(!$0.truthy)) }
      }
      var result = PHPResult.value(.bool(true))
      for argument in arguments {
        switch argument {
        case .value(.null): return .value(.bool(false))
        case .value: break
        case .unresolved: result = argument
        }
      }
      return result
    case "new":
      try stream.advance()
      if stream.isName("class") { try stream.advance() }
      if stream.current.kind == .name || stream.current.kind == .variable { try stream.advance() }
      if stream.isSymbol(.openParen) { try stream.skipGroup() }
      while stream.current.kind == .name { try stream.advance() }  // extends / implements lists
      if stream.isSymbol(.openBrace) { try stream.skipGroup() }
      return try postfix(.unresolved("creates an object"))
    case "function", "fn",
      "static" where next.kind == .name:
      try skipClosure()
      return .unresolved("defines a closure")
    case "match" where isCall:
      try stream.advance()
      try stream.skipGroup()
      try stream.skipGroup()
      return .unresolved("uses a match expression")
    case "include", "include_once", "require", "require_once":
      try stream.advance()
      _ = try expression(minimum: Power.assignment)
      return .unresolved("uses the value of an included file")
    case "exit", "die":
      try stream.advance()
      if stream.isSymbol(.openParen) { try stream.skipGroup() }
      scope.exit(flow: flow)
      return .unresolved("stops the script")
    case "print":
      try stream.advance()
      _ = try expression(minimum: Power.assignment)
      return .value(.int(1))
    case "clone", "throw", "yield":
      try stream.advance()
      _ = try expression(minimum: Power.assignment)
      return .unresolved("uses \(name)")
    case "list" where isCall:
      try stream.advance()
      try stream.skipGroup()
      return .unresolved("destructures a list")
    default:
      break
    }
    if let magic = magicConstant(name, line: token.line) {
      try stream.advance()
      return try postfix(magic)
    }
    try stream.advance()
    if isCall {
      let arguments = try callArguments()
      return try postfix(call(name, qualified: stream.text(token), arguments: arguments, line: token.line))
    }
    if next.kind == .symbol(.doubleColon) { return try postfix(.unresolved("reads a class constant")) }
    return try postfix(constantValue(stream.text(token)))
  }

  private func magicConstant(_ name: String, line: Int) -> PHPResult? {
    switch name {
    case "__dir__": return .value(.string(PHPPaths.dirname(scope.file, levels: 1)))
    case "__file__": return .value(.string(scope.file))
    case "__line__": return .value(.int(line))
    case "__namespace__": return .value(.string(scope.namespace))
    case "__class__", "__function__", "__method__", "__trait__": return .value(.string(""))
    default: return nil
    }
  }

  /// `function (...) use (...): type { ... }`, `fn (...) => expr`, `static function ...`.
  private mutating func skipClosure() throws {
    if stream.isName("static") { try stream.advance() }
    let isArrow = stream.isName("fn")
    try stream.advance()
    if stream.isSymbol(.ampersand) { try stream.advance() }
    try stream.skipGroup()
    if isArrow {
      while !stream.atEnd && !stream.isSymbol(.doubleArrow) && !stream.isSymbol(.semicolon) { try stream.advance() }
      if stream.isSymbol(.doubleArrow) {
        try stream.advance()
        _ = try branch(taken: false) { try $0.expression(minimum: Power.assignment) }
      }
      return
    }
    while !stream.atEnd && !stream.isSymbol(.openBrace) && !stream.isSymbol(.semicolon) {
      if stream.isSymbol(.openParen) { try stream.skipGroup() } else { try stream.advance() }
    }
    try stream.skipGroup()
  }

  /// The arguments of a call, after the name; the cursor ends after the `)`. An argument that
  /// cannot be read (unknown syntax, nesting too deep) is skipped and unresolved.
  package mutating func callArguments() throws -> [PHPResult] {
    try stream.expect(.openParen)
    var arguments: [PHPResult] = []
    while !stream.isSymbol(.closeParen) && !stream.atEnd {
      if stream.current.kind == .name, try stream.peek().kind == .symbol(.colon) {
        try stream.advance()
        try stream.advance()
      }
      if stream.isSymbol(.ellipsis) {
        try stream.advance()
        if stream.isSymbol(.closeParen) {
          arguments.append(.unresolved("makes a first-class callable"))
          break
        }
        _ = try expression()
        arguments.append(.unresolved("spreads arguments"))
      } else {
        let mark = stream.mark()
        do {
          arguments.append(try expression())
        } catch let error as PHPSyntaxError where !error.isFatal {
          stream.reset(to: mark)
          try stream.skip(until: [.comma])
          arguments.append(.unresolved("could not be read: \(error.message) (line \(error.line))"))
          if stream.isSymbol(.semicolon) || stream.current.kind == .closeTag { throw error }
        }
      }
      if stream.isSymbol(.comma) { try stream.advance() } else { break }
    }
    try stream.expect(.closeParen)
    return arguments
  }

  /// A constant by the name written in the source (`FOO`, `\FOO`, `Ns\FOO`).
  package func constantValue(_ written: String) -> PHPResult {
    let isFullyQualified = written.hasPrefix("\\")
    let name = isFullyQualified ? String(written.dropFirst()) : written
    if !isFullyQualified, !scope.namespace.isEmpty {
      if let found = scope.constant(scope.namespace + "\\" + name) { return found }
    }
    if name.utf8.contains(UInt8(ascii: "\\")) && !isFullyQualified && scope.namespace.isEmpty == false {
      return scope.constant(scope.namespace + "\\" + name) ?? .unresolved("uses the undefined constant \(name)")
    }
    if let builtin = PHPBuiltins.constant(name) { return builtin }
    if name == "__COMPILER_HALT_OFFSET__" {
      return stream.compilerHaltOffset().map { .value(.int($0)) }
        ?? .unresolved("uses __COMPILER_HALT_OFFSET__ in a file without __halt_compiler()")
    }
    if let found = scope.constant(name) { return found }
    return .unresolved("uses the undefined constant \(name)")
  }
}
