/// PHP's tokenizer, over bytes, one token at a time: inline HTML and the open/close tags, comments
/// (skipped), names, variables, numbers, every string form, casts and operators. It is a value:
/// copying it gives a lookahead that costs nothing to throw away. Linear in the input; never
/// recursive.
public struct PHPLexer: Sendable {
  public let source: [UInt8]
  public private(set) var position: Int
  public private(set) var line: Int
  private var inCode = false
  /// Where `__halt_compiler();` ends the PHP (PHP's `__COMPILER_HALT_OFFSET__`): past it, the
  /// file is data, never lexed.
  public private(set) var haltOffset: Int?

  /// With `startsInCode`, the source is PHP code from its first byte, as WP-CLI's `eval` reads a
  /// `wp-config.php` that has no `<?php` tag; otherwise it starts as inline HTML, as PHP reads a file.
  public init(source: [UInt8], startsInCode: Bool = false) {
    self.source = source
    // A UTF-8 byte order mark is not part of the inline HTML.
    position = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    line = 1
    inCode = startsInCode
  }

  /// Whether the source holds a PHP open tag (`<?php` followed by white space or the end, or `<?=`)
  /// anywhere; a file without one is all inline HTML to PHP.
  public static func containsOpenTag(_ source: [UInt8]) -> Bool {
    let lexer = PHPLexer(source: source)
    var index = 0
    while index + 1 < source.count {
      if source[index] == UInt8(ascii: "<"), source[index + 1] == UInt8(ascii: "?"),
        lexer.openTagLength(at: index) != nil
      {
        return true
      }
      index += 1
    }
    return false
  }

  /// Every token up to the end (for tests and tools; the reader pulls tokens one by one).
  public static func tokens(_ source: [UInt8]) throws -> [PHPToken] {
    var lexer = PHPLexer(source: source)
    var tokens: [PHPToken] = []
    while true {
      let token = try lexer.next()
      if token.kind == .end { return tokens }
      tokens.append(token)
    }
  }

  public mutating func next() throws -> PHPToken {
    if let haltOffset, position >= haltOffset {
      return PHPToken(kind: .end, start: position, end: position, line: line)
    }
    if !inCode { return lexInlineHTML() }
    try skipSpaceAndComments()
    guard position < source.count else { return PHPToken(kind: .end, start: position, end: position, line: line) }
    let start = position
    let startLine = line
    let byte = source[position]
    let kind: PHPTokenKind
    switch byte {
    case UInt8(ascii: "$") where position + 1 < source.count && PHPLexer.isNameStart(source[position + 1]):
      position += 1
      skipName()
      kind = .variable
    case _ where PHPLexer.isNameStart(byte):
      lexQualifiedName()
      kind = .name
      if haltOffset == nil, isHaltCompiler(start..<position) { haltOffset = try haltCompilerEnd() }
    case UInt8(ascii: "\\") where position + 1 < source.count && PHPLexer.isNameStart(source[position + 1]):
      lexQualifiedName()
      kind = .name
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      kind = lexNumber()
    case UInt8(ascii: ".") where position + 1 < source.count && PHPLexer.isDigit(source[position + 1]):
      kind = lexNumber()
    case UInt8(ascii: "'"):
      try lexQuoted(UInt8(ascii: "'"), what: "string")
      kind = .singleQuoted
    case UInt8(ascii: "\""):
      try lexQuoted(UInt8(ascii: "\""), what: "string")
      kind = .doubleQuoted
    case UInt8(ascii: "`"):
      try lexQuoted(UInt8(ascii: "`"), what: "shell command")
      kind = .backtick
    case UInt8(ascii: "<") where matches("<<<"):
      if let heredoc = try lexHeredoc() {
        return heredoc
      }
      kind = lexSymbol()
    case UInt8(ascii: "?") where matches("?>"):
      position += 2
      inCode = false
      skipOneNewline()
      kind = .closeTag
    case UInt8(ascii: "(") where castAhead() != nil:
      let (cast, end) = castAhead() ?? (.int, position)
      position = end
      kind = .cast(cast)
    default:
      kind = lexSymbol()
    }
    return PHPToken(kind: kind, start: start, end: position, line: startLine)
  }

  // MARK: __halt_compiler

  private func isHaltCompiler(_ range: Range<Int>) -> Bool {
    let word = "__halt_compiler".utf8
    return range.count == word.count && zip(source[range], word).allSatisfy { PHPLexer.lowercased($0) == $1 }
  }

  /// After `__halt_compiler`: where `(`, `)` and `;` (or `?>`) end, or nil when they do not follow
  /// (then PHP refuses the file, and the parser says so).
  private func haltCompilerEnd() throws -> Int? {
    var copy = self
    guard try copy.next().kind == .symbol(.openParen), try copy.next().kind == .symbol(.closeParen) else { return nil }
    let last = try copy.next().kind
    return last == .symbol(.semicolon) || last == .closeTag ? copy.position : nil
  }

  // MARK: Inline HTML and tags

  private mutating func lexInlineHTML() -> PHPToken {
    let start = position
    let startLine = line
    guard position < source.count else { return PHPToken(kind: .end, start: position, end: position, line: line) }
    while position < source.count {
      if source[position] == UInt8(ascii: "<"), position + 1 < source.count, source[position + 1] == UInt8(ascii: "?") {
        if let tag = openTagLength(at: position) {
          if position > start {
            return PHPToken(kind: .inlineHTML, start: start, end: position, line: startLine)
          }
          let tagLine = line
          position += tag.length
          inCode = true
          if tag.kind == .openTag { skipOneNewline() }
          return PHPToken(kind: tag.kind, start: start, end: position, line: tagLine)
        }
      }
      if source[position] == 0x0A { line += 1 }
      position += 1
    }
    return PHPToken(kind: .inlineHTML, start: start, end: position, line: startLine)
  }

  /// `<?php` followed by white space or the end, or `<?=`.
  private func openTagLength(at index: Int) -> (kind: PHPTokenKind, length: Int)? {
    if index + 2 < source.count, source[index + 2] == UInt8(ascii: "=") { return (.openTagWithEcho, 3) }
    guard index + 5 <= source.count else { return nil }
    let word = source[(index + 2)..<(index + 5)].map { PHPLexer.lowercased($0) }
    guard word == Array("php".utf8) else { return nil }
    if index + 5 == source.count { return (.openTag, 5) }
    switch source[index + 5] {
    case 0x20, 0x09: return (.openTag, 6)
    case 0x0A, 0x0D: return (.openTag, 5)
    default: return nil
    }
  }

  private mutating func skipOneNewline() {
    if position < source.count, source[position] == 0x0D { position += 1 }
    if position < source.count, source[position] == 0x0A {
      position += 1
      line += 1
    } else if position > 0, source[position - 1] == 0x0D {
      line += 1
    }
  }

  // MARK: White space and comments

  private mutating func skipSpaceAndComments() throws {
    while position < source.count {
      let byte = source[position]
      switch byte {
      case 0x0A:
        line += 1
        position += 1
      case 0x20, 0x09, 0x0D, 0x0B, 0x0C:
        position += 1
      case UInt8(ascii: "#") where !(position + 1 < source.count && source[position + 1] == UInt8(ascii: "[")):
        skipLineComment()
      case UInt8(ascii: "/") where position + 1 < source.count && source[position + 1] == UInt8(ascii: "/"):
        skipLineComment()
      case UInt8(ascii: "/") where position + 1 < source.count && source[position + 1] == UInt8(ascii: "*"):
        try skipBlockComment()
      default:
        return
      }
    }
  }

  /// `//` and `#` comments end at the line's end or just before `?>`.
  private mutating func skipLineComment() {
    while position < source.count {
      let byte = source[position]
      if byte == 0x0A || byte == 0x0D { return }
      if byte == UInt8(ascii: "?"), position + 1 < source.count, source[position + 1] == UInt8(ascii: ">") { return }
      position += 1
    }
  }

  /// An unterminated `/*` is a parse error in PHP 8 ("Unterminated comment").
  private mutating func skipBlockComment() throws {
    let startLine = line
    position += 2
    while position < source.count {
      let byte = source[position]
      if byte == 0x0A { line += 1 }
      if byte == UInt8(ascii: "*"), position + 1 < source.count, source[position + 1] == UInt8(ascii: "/") {
        position += 2
        return
      }
      position += 1
    }
    throw PHPSyntaxError(line: startLine, "unterminated comment", isFatal: true)
  }

  // MARK: Names and numbers

  package static func isNameStart(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte >= 0x80
  }

  package static func isNameByte(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }
  package static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  package static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }

  private mutating func skipName() {
    while position < source.count, PHPLexer.isNameByte(source[position]) { position += 1 }
  }

  private mutating func lexQualifiedName() {
    if source[position] == UInt8(ascii: "\\") { position += 1 }
    skipName()
    while position + 1 < source.count, source[position] == UInt8(ascii: "\\"),
      PHPLexer.isNameStart(source[position + 1])
    {
      position += 1
      skipName()
    }
  }

  /// Integers (`42`, `0x1F`, `0755`, `0o755`, `0b101`, `1_000`) and floats (`1.5`, `.5`, `1e3`).
  private mutating func lexNumber() -> PHPTokenKind {
    if source[position] == UInt8(ascii: "0"), position + 1 < source.count {
      let marker = PHPLexer.lowercased(source[position + 1])
      let digitTest: ((UInt8) -> Bool)? =
        switch marker {
        case UInt8(ascii: "x"): { PHPLexer.isHexDigit($0) }
        case UInt8(ascii: "o"): { $0 >= 0x30 && $0 <= 0x37 }
        case UInt8(ascii: "b"): { $0 == 0x30 || $0 == 0x31 }
        default: nil
        }
      if let digitTest, position + 2 < source.count, digitTest(source[position + 2]) {
        position += 2
        skipDigits(where: digitTest)
        return .integer
      }
    }
    var isFloat = false
    skipDigits(where: PHPLexer.isDigit)
    if position < source.count, source[position] == UInt8(ascii: "."),
      position + 1 >= source.count || PHPLexer.isDigit(source[position + 1]) || !isDotOperatorAhead()
    {
      isFloat = true
      position += 1
      skipDigits(where: PHPLexer.isDigit)
    }
    if position < source.count, PHPLexer.lowercased(source[position]) == UInt8(ascii: "e") {
      var next = position + 1
      if next < source.count, source[next] == UInt8(ascii: "+") || source[next] == UInt8(ascii: "-") { next += 1 }
      if next < source.count, PHPLexer.isDigit(source[next]) {
        isFloat = true
        position = next
        skipDigits(where: PHPLexer.isDigit)
      }
    }
    return isFloat ? .float : .integer
  }

  /// `1.` is a float, but `1..2` is not valid and `1 .` never reaches here; `1.e3` is a float.
  private func isDotOperatorAhead() -> Bool {
    position + 1 < source.count
      && (source[position + 1] == UInt8(ascii: ".") || source[position + 1] == UInt8(ascii: "="))
  }

  package static func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (lowercased(byte) >= 0x61 && lowercased(byte) <= 0x66)
  }

  /// Digits with single underscores between them, as PHP 7.4 allows.
  private mutating func skipDigits(where isDigit: (UInt8) -> Bool) {
    while position < source.count {
      if isDigit(source[position]) {
        position += 1
      } else if source[position] == UInt8(ascii: "_"), position + 1 < source.count, isDigit(source[position + 1]),
        position > 0, isDigit(source[position - 1])
      {
        position += 1
      } else {
        return
      }
    }
  }

  // MARK: Strings

  /// A quoted string up to its unescaped closing quote; a backslash escapes the next byte.
  private mutating func lexQuoted(_ quote: UInt8, what: String) throws {
    let startLine = line
    position += 1
    while position < source.count {
      let byte = source[position]
      if byte == quote {
        position += 1
        return
      }
      if byte == 0x0A { line += 1 }
      if byte == UInt8(ascii: "\\"), position + 1 < source.count {
        if source[position + 1] == 0x0A { line += 1 }
        position += 2
        continue
      }
      position += 1
    }
    throw PHPSyntaxError(line: startLine, "unterminated \(what)", isFatal: true)
  }

  /// `<<<ID`, `<<<"ID"` or `<<<'ID'` (nowdoc) up to the closing marker, which may be indented
  /// (PHP 7.3) and followed by anything that is not part of a name. Nil when `<<<` starts no
  /// heredoc (then it is the `<<` operator and `<`).
  private mutating func lexHeredoc() throws -> PHPToken? {
    let startLine = line
    var cursor = position + 3
    while cursor < source.count, source[cursor] == 0x20 || source[cursor] == 0x09 { cursor += 1 }
    var quote: UInt8?
    if cursor < source.count, source[cursor] == UInt8(ascii: "'") || source[cursor] == UInt8(ascii: "\"") {
      quote = source[cursor]
      cursor += 1
    }
    let idStart = cursor
    guard cursor < source.count, PHPLexer.isNameStart(source[cursor]) else { return nil }
    while cursor < source.count, PHPLexer.isNameByte(source[cursor]) { cursor += 1 }
    let identifier = Array(source[idStart..<cursor])
    if let quote {
      guard cursor < source.count, source[cursor] == quote else { return nil }
      cursor += 1
    }
    if cursor < source.count, source[cursor] == 0x0D { cursor += 1 }
    guard cursor < source.count, source[cursor] == 0x0A else { return nil }
    cursor += 1
    line += 1
    let bodyStart = cursor
    // Look for the closing marker at the start of each line.
    while cursor <= source.count {
      var lineStart = cursor
      var indent = 0
      while lineStart < source.count, source[lineStart] == 0x20 || source[lineStart] == 0x09 {
        lineStart += 1
        indent += 1
      }
      if source[lineStart...].starts(with: identifier) {
        let after = lineStart + identifier.count
        if after >= source.count || !PHPLexer.isNameByte(source[after]) {
          // The body ends before the newline that precedes the marker's line.
          var bodyEnd = cursor
          if bodyEnd > bodyStart, source[bodyEnd - 1] == 0x0A { bodyEnd -= 1 }
          if bodyEnd > bodyStart, source[bodyEnd - 1] == 0x0D { bodyEnd -= 1 }
          if bodyEnd < bodyStart { bodyEnd = bodyStart }
          position = after
          let kind: PHPTokenKind = quote == UInt8(ascii: "'") ? .nowdoc(indent: indent) : .heredoc(indent: indent)
          return PHPToken(kind: kind, start: bodyStart, end: bodyEnd, line: startLine)
        }
      }
      guard let newline = source[cursor...].firstIndex(of: 0x0A) else { break }
      cursor = newline + 1
      line += 1
    }
    throw PHPSyntaxError(line: startLine, "unterminated heredoc", isFatal: true)
  }

  // MARK: Casts and operators

  private static let castNames: [String: PHPCast] = [
    "int": .int, "integer": .int, "bool": .bool, "boolean": .bool, "float": .float, "double": .float,
    "real": .float, "string": .string, "binary": .string, "array": .array, "object": .object, "unset": .unset,
  ]

  /// `(` spaces type-name spaces `)`: a cast, and where it ends.
  private func castAhead() -> (PHPCast, Int)? {
    var cursor = position + 1
    while cursor < source.count, source[cursor] == 0x20 || source[cursor] == 0x09 { cursor += 1 }
    let wordStart = cursor
    while cursor < source.count, cursor - wordStart < 8, PHPLexer.isNameStart(source[cursor]), source[cursor] < 0x80 {
      cursor += 1
    }
    guard cursor > wordStart else { return nil }
    let word = String(decoding: source[wordStart..<cursor].map(PHPLexer.lowercased), as: UTF8.self)
    while cursor < source.count, source[cursor] == 0x20 || source[cursor] == 0x09 { cursor += 1 }
    guard cursor < source.count, source[cursor] == UInt8(ascii: ")"), let cast = PHPLexer.castNames[word] else {
      return nil
    }
    return (cast, cursor + 1)
  }

  private func matches(_ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard position + count <= source.count else { return false }
    return text.withUTF8Buffer { buffer in
      for index in 0..<count where source[position + index] != buffer[index] { return false }
      return true
    }
  }

  /// The longest operator spelling at the cursor; an unknown byte is a one-byte `unknown` symbol
  /// token the parser will refuse.
  private mutating func lexSymbol() -> PHPTokenKind {
    for candidate in PHPSymbol.byFirstByte[Int(source[position])] {
      let size = candidate.bytes.count
      guard position + size <= source.count else { continue }
      if size == 1 || source[(position + 1)..<(position + size)].elementsEqual(candidate.bytes[1...]) {
        position += size
        return .symbol(candidate.symbol)
      }
    }
    position += 1
    return .symbol(.unknown)
  }
}
