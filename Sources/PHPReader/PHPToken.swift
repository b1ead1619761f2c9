/// One token of PHP source: its kind and where it is (byte offsets into the source, 1-based line).
/// The token keeps no text of its own; `PHPTokenStream.text(_:)` and `PHPStringDecoder` read it
/// from the source bytes when a value is needed, so a 30 MB file lexes without copying.
public struct PHPToken: Equatable, Sendable {
  public var kind: PHPTokenKind
  public var start: Int
  public var end: Int
  public var line: Int

  public init(kind: PHPTokenKind, start: Int, end: Int, line: Int) {
    self.kind = kind
    self.start = start
    self.end = end
    self.line = line
  }
}

public enum PHPTokenKind: Equatable, Sendable {
  /// Text outside `<?php ... ?>`.
  case inlineHTML
  /// `<?php` (with the one newline after it).
  case openTag
  /// `<?=`, which echoes the expression after it.
  case openTagWithEcho
  /// `?>` (with the one newline after it); ends a statement like `;`.
  case closeTag
  /// `$name`; the range includes the `$`.
  case variable
  /// An identifier or a qualified name (`define`, `\define`, `Foo\BAR`), keywords included.
  case name
  case integer
  case float
  /// `'...'`; the range includes the quotes.
  case singleQuoted
  /// `"..."`; the range includes the quotes.
  case doubleQuoted
  /// A heredoc's body (the range is the text between the opening line and the closing marker's
  /// line); `indent` is the closing marker's indentation, removed from every line.
  case heredoc(indent: Int)
  case nowdoc(indent: Int)
  /// `` `...` ``: a shell command.
  case backtick
  /// `(int)`, `(string)`, ... with the normalised type.
  case cast(PHPCast)
  case symbol(PHPSymbol)
  case end
}

public enum PHPCast: String, Sendable {
  case int
  case float
  case string
  case bool
  case array
  case object
  case unset
}

/// Operators and punctuation, longest spelling first within each length group.
public enum PHPSymbol: String, Sendable, CaseIterable {
  case powerAssign = "**="
  case coalesceAssign = "??="
  case shiftLeftAssign = "<<="
  case shiftRightAssign = ">>="
  case identical = "==="
  case notIdentical = "!=="
  case spaceship = "<=>"
  case ellipsis = "..."
  case nullsafeArrow = "?->"
  case plusAssign = "+="
  case minusAssign = "-="
  case multiplyAssign = "*="
  case divideAssign = "/="
  case concatAssign = ".="
  case moduloAssign = "%="
  case andAssign = "&="
  case orAssign = "|="
  case xorAssign = "^="
  case doubleArrow = "=>"
  case power = "**"
  case coalesce = "??"
  case shiftLeft = "<<"
  case shiftRight = ">>"
  case booleanAnd = "&&"
  case booleanOr = "||"
  case doubleColon = "::"
  case equal = "=="
  case notEqual = "!="
  case notEqualAngle = "<>"
  case lessOrEqual = "<="
  case greaterOrEqual = ">="
  case arrow = "->"
  case increment = "++"
  case decrement = "--"
  case attributeStart = "#["
  case openParen = "("
  case closeParen = ")"
  case openBracket = "["
  case closeBracket = "]"
  case openBrace = "{"
  case closeBrace = "}"
  case semicolon = ";"
  case comma = ","
  case assign = "="
  case dot = "."
  case plus = "+"
  case minus = "-"
  case multiply = "*"
  case divide = "/"
  case modulo = "%"
  case not = "!"
  case tilde = "~"
  case ampersand = "&"
  case pipe = "|"
  case caret = "^"
  case question = "?"
  case colon = ":"
  case less = "<"
  case greater = ">"
  case at = "@"
  case backslash = "\\"
  case dollar = "$"
  /// A byte that starts no PHP token.
  case unknown = ""

  /// For each first byte, the symbols spelled with it, longest first (for longest-match lexing).
  package static let byFirstByte: [[(bytes: [UInt8], symbol: PHPSymbol)]] = {
    var table = [[(bytes: [UInt8], symbol: PHPSymbol)]](repeating: [], count: 256)
    for symbol in PHPSymbol.allCases where symbol != .unknown {
      let bytes = Array(symbol.rawValue.utf8)
      table[Int(bytes[0])].append((bytes, symbol))
    }
    return table
  }()
}
