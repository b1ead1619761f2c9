import Testing

@testable import PHPReader

/// Source text → tokens, as PHP's own tokenizer splits it.
@Suite struct PHPLexerTests {
  /// Kind and text of every token of `source`.
  static func lex(_ source: String) throws -> [String] {
    let bytes = Array(source.utf8)
    return try PHPLexer.tokens(bytes).map { token in
      let text = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
      switch token.kind {
      case .symbol(let symbol): return symbol.rawValue
      case .cast(let cast): return "cast:\(cast.rawValue)"
      case .heredoc(let indent): return "heredoc(\(indent)):\(text)"
      case .nowdoc(let indent): return "nowdoc(\(indent)):\(text)"
      default: return "\(token.kind):\(text)"
      }
    }
  }

  @Test(arguments: [
    ("<?php define('A', 1);", ["openTag:<?php ", "name:define", "(", "singleQuoted:'A'", ",", "integer:1", ")", ";"]),
    ("<?PHP\n$a = \"x\";", ["openTag:<?PHP\n", "variable:$a", "=", "doubleQuoted:\"x\"", ";"]),
    (
      "html<?= 1 ?>\nafter",
      ["inlineHTML:html", "openTagWithEcho:<?=", "integer:1", "closeTag:?>\n", "inlineHTML:after"]
    ),
    ("<?php // define('A', 1);\n# define\n/* define */ /** doc */ x", ["openTag:<?php ", "name:x"]),
    ("<?php // comment ?>after", ["openTag:<?php ", "closeTag:?>", "inlineHTML:after"]),
    ("<?php #[Attr] x", ["openTag:<?php ", "#[", "name:Attr", "]", "name:x"]),
    ("<?php \\define Foo\\BAR", ["openTag:<?php ", "name:\\define", "name:Foo\\BAR"]),
    (
      "<?php 0x1F 0755 0o755 0b101 1_000 1.5 .5 1e3 2E-3 7.",
      [
        "openTag:<?php ", "integer:0x1F", "integer:0755", "integer:0o755", "integer:0b101", "integer:1_000",
        "float:1.5", "float:.5", "float:1e3", "float:2E-3", "float:7.",
      ]
    ),
    ("<?php 1 . 2", ["openTag:<?php ", "integer:1", ".", "integer:2"]),
    (
      "<?php (int) ( string )$a (float)(x)",
      ["openTag:<?php ", "cast:int", "cast:string", "variable:$a", "cast:float", "(", "name:x", ")"]
    ),
    (
      "<?php === !== <=> ** **= ?? ??= ?-> -> :: => ... << >>= && || !",
      [
        "openTag:<?php ", "===", "!==", "<=>", "**", "**=", "??", "??=", "?->", "->", "::", "=>", "...", "<<", ">>=",
        "&&", "||", "!",
      ]
    ),
    ("<?php 'a\\'b' \"c\\\"d\"", ["openTag:<?php ", "singleQuoted:'a\\'b'", "doubleQuoted:\"c\\\"d\""]),
    ("<?php <<<EOT\n  a\n  EOT;", ["openTag:<?php ", "heredoc(2):  a", ";"]),
    ("<?php <<<'EOT'\nraw\nEOT\n;", ["openTag:<?php ", "nowdoc(0):raw", ";"]),
    ("<?php <<<\"EOT\"\nEOT;", ["openTag:<?php ", "heredoc(0):", ";"]),
    ("<?php `ls`", ["openTag:<?php ", "backtick:`ls`"]),
    ("\u{FEFF}<?php x", ["openTag:<?php ", "name:x"]),
    ("<?php\r\nx\r\n", ["openTag:<?php\r\n", "name:x"]),
    ("<?phpx", ["inlineHTML:<?phpx"]),
    ("<?php", ["openTag:<?php"]),
  ])
  func tokenizes(source: String, expected: [String]) throws {
    #expect(try PHPLexerTests.lex(source) == expected)
  }

  @Test func countsLines() throws {
    let source = Array("<?php\n/* a\nb */\n'x\ny'\n<<<E\nq\nE;\nlast".utf8)
    let tokens = try PHPLexer.tokens(source)
    #expect(tokens.map(\.line) == [1, 4, 6, 8, 9])
  }

  @Test(arguments: [
    ("<?php 'open", "unterminated string"),
    ("<?php\n\"open", "unterminated string"),
    ("<?php <<<EOT\nnever closed", "unterminated heredoc"),
    ("<?php `ls", "unterminated shell command"),
  ])
  func reportsUnterminated(source: String, message: String) {
    #expect(throws: PHPSyntaxError.self) { try PHPLexer.tokens(Array(source.utf8)) }
    do {
      _ = try PHPLexer.tokens(Array(source.utf8))
    } catch let error as PHPSyntaxError {
      #expect(error.message == message)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  /// An unterminated comment is a parse error in PHP 8 (it ran to the end of the file before).
  @Test func unterminatedCommentIsAnError() throws {
    #expect(throws: PHPSyntaxError(line: 2, "unterminated comment", isFatal: true)) {
      try PHPLexerTests.lex("<?php x\n/* never closed")
    }
  }

  /// `__halt_compiler();` ends the PHP: what follows is data, however it looks.
  @Test(arguments: [
    ("<?php x; __halt_compiler(); 'open /* ", 27), ("<?php __HALT_COMPILER ( ) ?>\n\u{1}\"", 29),
    ("<?php __halt_compiler /* c */ () ;<<<EOT", 34),
  ])
  func haltCompilerEndsThePHP(source: String, offset: Int) throws {
    var lexer = PHPLexer(source: Array(source.utf8))
    while try lexer.next().kind != .end {}
    #expect(lexer.haltOffset == offset)
  }

  @Test(arguments: [
    (#"a\'b\\c\n"#, #"a'b\c\n"#)
  ])
  func decodesSingleQuoted(body: String, expected: String) {
    #expect(String(decoding: PHPStringDecoder.singleQuoted(Array(body.utf8)[...]), as: UTF8.self) == expected)
  }

  @Test(arguments: [
    (#"\n\t\\\$\"\x41\101\u{1F600}\q"#, "\n\t\\$\"AA😀\\q"),
    (#"\400"#, "\0"),
    (#"$ 5 {x} $"#, "$ 5 {x} $"),
  ])
  func decodesDoubleQuoted(body: String, expected: String) throws {
    let segments = try PHPStringDecoder.doubleQuoted(Array(body.utf8)[...])
    let bytes = segments.flatMap { segment -> [UInt8] in
      if case .bytes(let bytes) = segment { return bytes }
      return []
    }
    #expect(String(decoding: bytes, as: UTF8.self) == expected)
  }

  @Test func splitsInterpolation() throws {
    let segments = try PHPStringDecoder.doubleQuoted(Array("a $name b {$x->y} {$simple}$arr[0]".utf8)[...])
    #expect(
      segments == [
        .bytes(Array("a ".utf8)), .variable("name"), .bytes(Array(" b ".utf8)), .unsupported("{$x->y}"),
        .bytes(Array(" ".utf8)), .variable("simple"),
        .unsupported("$arr[..."),
      ])
  }
}
