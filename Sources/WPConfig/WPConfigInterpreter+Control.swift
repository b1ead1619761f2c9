import Diagnostics
import PHPReader

/// `if`/`elseif`/`else` (both syntaxes), loops, `try`, and includes.
extension WPConfigInterpreter {
  /// PHP's `&&` over "known true", "known false" and "not known".
  private static func both(_ lhs: Bool?, _ rhs: Bool?) -> Bool? {
    if lhs == false || rhs == false { return false }
    if lhs == true && rhs == true { return true }
    return nil
  }

  /// `if ( ! defined( 'X' ) )`: the guard around a default, whose body is not conditional.
  private func isDefinedGuard(_ stream: PHPTokenStream) throws -> Bool {
    let tokens = try (1...6).map { try stream.peek($0) }
    return tokens[0].kind == .symbol(.not) && stream.lowercasedName(tokens[1]) == "defined" && tokens[1].kind == .name
      && tokens[2].kind == .symbol(.openParen)
      && (tokens[3].kind == .singleQuoted || tokens[3].kind == .doubleQuoted)
      && tokens[4].kind == .symbol(.closeParen) && tokens[5].kind == .symbol(.closeParen)
  }

  package func ifStatement(_ stream: PHPTokenStream, flow: PHPFlow) throws -> Stop? {
    try stream.advance()
    let isGuard = try isDefinedGuard(stream)
    var bodyFlow = flow
    bodyFlow.conditional = isGuard ? flow.conditional : true
    // `open`: no earlier branch was taken (true), one was (false), or it is not known (nil).
    var open: Bool? = true
    var stop: Stop?
    var condition = try parenthesizedCondition(stream, flow: flow)
    let alternative = stream.isSymbol(.colon)
    let isBranchEnd: (PHPTokenStream) -> Bool = {
      $0.isName("elseif") || $0.isName("else") || $0.isName("endif")
    }
    func runBranch(taken: Bool?) throws {
      let branchFlow = bodyFlow.branch(taken: taken)
      let result: Stop?
      if alternative {
        try stream.expect(.colon)
        result = try statements(stream, flow: branchFlow, isEnd: isBranchEnd)
      } else {
        result = try statement(stream, flow: branchFlow)
      }
      if stop == nil, let result { stop = result }
    }
    try runBranch(taken: WPConfigInterpreter.both(open, condition))
    open = WPConfigInterpreter.both(open, condition.map { !$0 })
    while true {
      let elseIf = try !alternative && stream.isName("else") && stream.isName(stream.peek(), "if")
      if stream.isName("elseif") || elseIf {
        if stream.isName("else") { try stream.advance() }
        try stream.advance()
        condition = try parenthesizedCondition(stream, flow: bodyFlow.branch(taken: open))
        try runBranch(taken: WPConfigInterpreter.both(open, condition))
        open = WPConfigInterpreter.both(open, condition.map { !$0 })
      } else if stream.isName("else") {
        try stream.advance()
        try runBranch(taken: open)
        break
      } else {
        break
      }
    }
    if alternative {
      guard stream.isName("endif") else { throw stream.unexpected(expecting: "endif") }
      try stream.advance()
      try endStatement(stream)
    }
    return stop
  }

  private func parenthesizedCondition(_ stream: PHPTokenStream, flow: PHPFlow) throws -> Bool? {
    try parenthesizedValue(stream, flow: flow).value?.truthy
  }

  /// `( expression )`: its value, or unresolved when closte cannot read it.
  package func parenthesizedValue(_ stream: PHPTokenStream, flow: PHPFlow) throws -> PHPResult {
    try stream.expect(.openParen)
    let mark = stream.mark()
    var result: PHPResult
    do {
      result = try evaluate(stream, flow: flow)
    } catch let error as PHPSyntaxError where !error.isFatal {
      stream.reset(to: mark)
      try stream.skip(until: [])
      result = .unresolved("a condition closte cannot read")
    }
    try stream.expect(.closeParen)
    return result
  }

  /// `while`, `for`, `foreach`: the body may run any number of times, so it is read as `maybe`;
  /// a `foreach` sets its key and value variables to something closte does not know. A `break`
  /// ends only the loop; a `return` or `exit` in the body may end more.
  package func loopStatement(_ stream: PHPTokenStream, word: String, flow: PHPFlow) throws -> Stop? {
    try stream.advance()
    let bodyFlow = flow.branch(taken: nil)
    if word == "foreach" { try foreachHead(stream, flow: bodyFlow) } else { try stream.skipGroup() }
    let endWord = "end" + word
    let stop: Stop?
    if stream.isSymbol(.colon) {
      try stream.advance()
      stop = try statements(stream, flow: bodyFlow) { $0.isName(endWord) }
      try stream.advance()
      try endStatement(stream)
    } else {
      stop = try runStatement(stream, flow: bodyFlow)
    }
    if case .broke? = stop { return nil }
    return stop
  }

  /// `(subject as $key => $value)`: PHP compiles the value before the key, so `$value` enters
  /// the symbol table first.
  private func foreachHead(_ stream: PHPTokenStream, flow: PHPFlow) throws {
    try stream.expect(.openParen)
    var afterAs = false
    var afterArrow = false
    var depth = 0
    var targets: [(token: PHPToken, isValue: Bool)] = []
    while !stream.atEnd {
      if depth == 0 && stream.isSymbol(.closeParen) { break }
      if stream.isSymbol(.openParen) || stream.isSymbol(.openBracket) { depth += 1 }
      if stream.isSymbol(.closeParen) || stream.isSymbol(.closeBracket) { depth -= 1 }
      if stream.isName("as") { afterAs = true }
      if afterAs, depth == 0, stream.isSymbol(.doubleArrow) { afterArrow = true }
      if stream.current.kind == .variable {
        if afterAs {
          targets.append((stream.current, afterArrow))
        } else {
          mention(String(stream.text(stream.current).dropFirst()))
        }
      }
      try stream.advance()
    }
    let ordered = afterArrow ? targets.filter(\.isValue) + targets.filter { !$0.isValue } : targets
    for (token, _) in ordered {
      let name = String(stream.text(token).dropFirst())
      mention(name)
      assign(name, .unresolved("is set by a foreach loop"), line: token.line, flow: flow)
    }
    try stream.expect(.closeParen)
  }

  /// `case x:` and `default:` labels inside a `switch` read as plain statements.
  package func switchLabel(_ stream: PHPTokenStream) throws -> Bool {
    let isDefault = try stream.isName("default") && stream.peek().kind == .symbol(.colon)
    guard stream.isName("case") || isDefault else {
      return false
    }
    try stream.skip(until: [.colon])
    if stream.isSymbol(.colon) || stream.isSymbol(.semicolon) { try stream.advance() }
    return true
  }

  /// `try { ... } catch (E $e) { ... } finally { ... }`: the try block runs; a catch block may.
  package func tryStatement(_ stream: PHPTokenStream, flow: PHPFlow) throws -> Stop? {
    try stream.advance()
    let stop = try statement(stream, flow: flow)
    while stream.isName("catch") || stream.isName("finally") {
      let isCatch = stream.isName("catch")
      try stream.advance()
      if isCatch {
        try stream.skipGroup()
        _ = try statement(stream, flow: flow.branch(taken: nil))
      } else {
        _ = try statement(stream, flow: flow)
      }
    }
    return stop
  }

  // MARK: Includes

  package func includeStatement(_ stream: PHPTokenStream, flow: PHPFlow, once: Bool) throws -> Stop? {
    let token = stream.current
    try stream.advance()
    let mark = stream.mark()
    let target: PHPResult
    do {
      target = try evaluate(stream, flow: flow)
      try endStatement(stream)
    } catch let error as PHPSyntaxError where !error.isFatal {
      stream.reset(to: mark)
      try stream.skipStatement()
      return nil
    }
    guard flow.reach != .never else { return nil }
    guard case .value(let value) = target else {
      appendInclude("(unresolved include)", nil, reason: target, line: token.line, flow: flow)
      return nil
    }
    let written = value.phpString
    if PHPPaths.basename(written) == "wp-settings.php" { return nil }
    guard let path = resolveInclude(written) else {
      appendInclude(
        PHPPaths.basename(written), nil, reason: .unresolved("includes \(written), which does not exist"),
        line: token.line, flow: flow)
      return nil
    }
    let real = WPConfigFile.realPath(path)
    if once && includedFiles.contains(real) { return nil }
    if includeStack.contains(real) || includeStack.count >= WPConfigInterpreter.maximumIncludeDepth {
      appendInclude(
        PHPPaths.basename(real), nil, reason: .unresolved("includes \(real) again while reading it"),
        line: token.line, flow: flow)
      return nil
    }
    if includesFollowed >= PHPLimits.maximumIncludes {
      appendInclude(
        PHPPaths.basename(real), nil,
        reason: .unresolved("is not followed: the read already followed \(PHPLimits.maximumIncludes) includes"),
        line: token.line, flow: flow)
      return nil
    }
    includesFollowed += 1
    let bytes: [UInt8]
    do {
      bytes = try WPConfigFile.bytes(real, limit: PHPLimits.maximumSourceBytes - sourceBytesRead)
    } catch let error as ClosteError {
      appendInclude(PHPPaths.basename(real), nil, reason: .unresolved(error.message), line: token.line, flow: flow)
      return nil
    }
    sourceBytesRead += bytes.count
    appendInclude(PHPPaths.basename(real), real, reason: nil, line: token.line, flow: flow)
    includedFiles.insert(real)
    includeStack.append(real)
    let savedFile = file
    file = real
    defer {
      file = savedFile
      includeStack.removeLast()
    }
    // A `return` ends only the included file; `exit` ends everything.
    if case .exited(let reach)? = try asFile(real, { try run(bytes, flow: flow) }) { return .exited(reach) }
    return nil
  }

  private func appendInclude(_ name: String, _ path: String?, reason: PHPResult?, line: Int, flow: PHPFlow) {
    let value: PHPResult = path.map { .value(.string($0)) } ?? reason ?? .unresolved("cannot be followed")
    appendItem(name, .includes, value, line: line, conditional: flow.conditional || flow.reach != .certain)
  }

  /// An absolute path as it is; a relative one against the WordPress root (the main file's
  /// folder, PHP's working directory on a web request), then the including file's folder.
  private func resolveInclude(_ written: String) -> String? {
    guard !written.isEmpty else { return nil }
    let candidates =
      written.hasPrefix("/")
      ? [written]
      : [
        PHPPaths.absolute(written, relativeTo: PHPPaths.dirname(mainFile, levels: 1)),
        PHPPaths.absolute(written, relativeTo: PHPPaths.dirname(file, levels: 1)),
      ]
    return candidates.first { WPConfigFile.kind($0) == .file }
  }
}
