/// The token under the cursor, with one token of lookahead, over a lazy `PHPLexer`; shared by the
/// statement reader and the expression evaluator. Also the iterative skippers that step over code
/// closte does not evaluate, however deeply it nests.
public final class PHPTokenStream {
  // Only this class touches these, one call at a time: the per-access exclusivity checks would
  // cost more than the lexing.
  @exclusivity(unchecked) private var lexer: PHPLexer
  @exclusivity(unchecked) public private(set) var current: PHPToken
  /// The token after `current` and the lexer after it, once `peek()` has lexed it.
  @exclusivity(unchecked) private var lookahead: (token: PHPToken, lexer: PHPLexer)?

  public init(source: [UInt8], startsInCode: Bool = false) throws {
    self.source = source
    lexer = PHPLexer(source: source, startsInCode: startsInCode)
    current = PHPToken(kind: .end, start: 0, end: 0, line: 1)
    current = try lexer.next()
  }

  /// The bytes being read (a stored copy of the lexer's, so reading them costs no reference count).
  public let source: [UInt8]

  package var lexerState: PHPLexer { lexer }

  package func restore(lexer: PHPLexer, current: PHPToken) {
    self.lexer = lexer
    self.current = current
    lookahead = nil
  }
  public var atEnd: Bool { current.kind == .end }

  /// `__COMPILER_HALT_OFFSET__` of this file: where its `__halt_compiler();` ends, found by lexing
  /// ahead once (PHP knows it at compile time, so code before the statement may use it too).
  public func compilerHaltOffset() -> Int? {
    if let haltScan { return haltScan }
    var copy = lexer
    while copy.haltOffset == nil, let token = try? copy.next(), token.kind != .end {}
    haltScan = .some(copy.haltOffset)
    return copy.haltOffset
  }
  private var haltScan: Int??

  public func advance() throws {
    if let lookahead {
      current = lookahead.token
      lexer = lookahead.lexer
      self.lookahead = nil
      return
    }
    current = try lexer.next()
  }

  /// The token after the current one.
  public func peek() throws -> PHPToken {
    if let lookahead { return lookahead.token }
    var copy = lexer
    let token = try copy.next()
    lookahead = (token, copy)
    return token
  }

  /// The token `count` places after the current one.
  public func peek(_ count: Int) throws -> PHPToken {
    var copy = lexer
    var token = current
    for _ in 0..<count { token = try copy.next() }
    return token
  }

  public func text(_ token: PHPToken) -> String {
    String(decoding: source[token.start..<token.end], as: UTF8.self)
  }

  public func isSymbol(_ symbol: PHPSymbol) -> Bool {
    if case .symbol(let found) = current.kind { return found == symbol }
    return false
  }

  /// Whether `token` is the name `word` in any letter case (`word` in lowercase ASCII).
  public func isName(_ token: PHPToken, _ word: String) -> Bool {
    guard token.kind == .name, token.end - token.start == word.utf8.count else { return false }
    var index = token.start
    for byte in word.utf8 {
      if PHPLexer.lowercased(source[index]) != byte { return false }
      index += 1
    }
    return true
  }

  public func isName(_ word: String) -> Bool { isName(current, word) }

  /// The current name in lowercase, without a leading `\`.
  /// The words the reader and evaluator give a meaning to (statements, language constructs, magic
  /// constants); anything else is an ordinary name.
  package static let keywords: Set<String> = [
    "if", "const", "require", "require_once", "include", "include_once", "function", "abstract", "final", "class",
    "interface", "trait", "readonly", "enum", "namespace", "use", "global", "goto", "echo", "break", "continue",
    "static", "declare", "return", "exit", "die", "unset", "while", "for", "foreach", "switch", "do", "try", "case",
    "default", "else", "elseif", "endif", "endwhile", "endfor", "endforeach", "endswitch", "enddeclare", "true",
    "false", "null", "array", "isset", "empty", "new", "fn", "match", "print", "clone", "throw", "yield", "list",
    "__dir__", "__file__", "__line__", "__namespace__", "__class__", "__function__", "__method__", "__trait__",
  ]

  /// Which (length, first letter) pairs some keyword has: most names are ruled out without hashing.
  private static let keywordShapes: [Bool] = {
    var shapes = [Bool](repeating: false, count: 16 * 32)
    for word in keywords {
      let bytes = Array(word.utf8)
      shapes[bytes.count * 32 + Int(bytes[0] & 31)] = true
    }
    return shapes
  }()

  /// The token as a lowercase keyword, or nil for any other name. Cheap: no allocation (keywords
  /// are short enough to be small strings).
  public func keyword(_ token: PHPToken) -> String? {
    guard token.kind == .name else { return nil }
    var start = token.start
    if start < token.end, source[start] == UInt8(ascii: "\\") { start += 1 }
    let count = token.end - start
    guard count >= 2, count <= 13, PHPTokenStream.keywordShapes[count * 32 + Int(source[start] & 31)] else {
      return nil
    }
    let word = String(unsafeUninitializedCapacity: count) { buffer in
      for index in 0..<count { buffer[index] = PHPLexer.lowercased(source[start + index]) }
      return count
    }
    return PHPTokenStream.keywords.contains(word) ? word : nil
  }

  public func lowercasedName(_ token: PHPToken) -> String {
    var start = token.start
    if start < token.end, source[start] == UInt8(ascii: "\\") { start += 1 }
    let count = token.end - start
    let ascii = String(unsafeUninitializedCapacity: count) { buffer in
      for index in 0..<count { buffer[index] = PHPLexer.lowercased(source[start + index]) }
      return count
    }
    // Names may hold any byte ≥ 0x80; decoding repairs what is not UTF-8, as before.
    return ascii.utf8.count == count
      ? ascii : String(decoding: source[start..<token.end].map(PHPLexer.lowercased), as: UTF8.self)
  }

  public func expect(_ symbol: PHPSymbol) throws {
    guard isSymbol(symbol) else { throw unexpected(expecting: "'\(symbol.rawValue)'") }
    try advance()
  }

  public func unexpected(expecting: String? = nil) -> PHPSyntaxError {
    let found: String
    switch current.kind {
    case .end: found = "the end of the file"
    case .inlineHTML: found = "inline HTML"
    default: found = "'\(text(current).prefix(30))'"
    }
    // Nothing PHP accepts ends inside a construct: the end of the file there is PHP's own error.
    return PHPSyntaxError(
      line: current.line, "unexpected \(found)" + (expecting.map { ", expecting \($0)" } ?? ""),
      isFatal: current.kind == .end)
  }

  // MARK: Skipping

  private static func opens(_ kind: PHPTokenKind) -> Bool {
    kind == .symbol(.openParen) || kind == .symbol(.openBracket) || kind == .symbol(.openBrace)
      || kind == .symbol(.attributeStart)
  }

  private static func closes(_ kind: PHPTokenKind) -> Bool {
    kind == .symbol(.closeParen) || kind == .symbol(.closeBracket) || kind == .symbol(.closeBrace)
  }

  /// Skips tokens up to (not including) one of `terminators` or a closing bracket at nesting
  /// depth zero, or the end. `;` and `?>` stop it at depth zero too.
  public func skip(until terminators: Set<PHPSymbol>) throws {
    var depth = 0
    while !atEnd {
      let kind = current.kind
      if depth == 0 {
        if case .symbol(let symbol) = kind, terminators.contains(symbol) { return }
        if PHPTokenStream.closes(kind) || kind == .symbol(.semicolon) || kind == .closeTag { return }
      }
      if PHPTokenStream.opens(kind) {
        depth += 1
      } else if PHPTokenStream.closes(kind) {
        depth -= 1
      } else if kind == .closeTag || kind == .inlineHTML || kind == .openTag {
        // Inline HTML inside a block: the block goes on after the next open tag.
      }
      try advance()
    }
  }

  /// Skips a bracketed group starting at the current opening bracket, through its closing one.
  public func skipGroup() throws {
    guard PHPTokenStream.opens(current.kind) else { return }
    try advance()
    try skip(until: [])
    while !atEnd && !PHPTokenStream.closes(current.kind) {
      // A `;` inside braces does not end the group.
      try advance()
      try skip(until: [])
    }
    if !atEnd { try advance() }
  }

  /// Skips to the end of the current statement: through its `;` (or `?>`), or through the `}`
  /// closing a block that ends it.
  public func skipStatement() throws {
    while !atEnd {
      try skip(until: [])
      if atEnd { return }
      if isSymbol(.semicolon) || current.kind == .closeTag {
        try advance()
        return
      }
      // A stray closing bracket at depth zero: step over it so skipping always moves on.
      try advance()
      return
    }
  }
}

extension PHPTokenStream {
  /// A saved cursor: reading can go back to it (to skip, iteratively, what failed to parse).
  public struct Mark {
    fileprivate var lexer: PHPLexer
    fileprivate var current: PHPToken
  }

  public func mark() -> Mark { Mark(lexer: lexerState, current: current) }

  public func reset(to mark: Mark) {
    restore(lexer: mark.lexer, current: mark.current)
  }
}
