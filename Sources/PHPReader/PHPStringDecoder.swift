/// Turns a string token's source bytes into its value: single quotes (only `\'` and `\\` escape),
/// double quotes and heredocs (every PHP escape, and `$name` interpolation), nowdocs (verbatim).
/// Heredoc and nowdoc bodies lose the closing marker's indentation from every line.
public enum PHPStringDecoder {
  /// A piece of a double-quoted string: literal bytes, or an interpolated variable.
  public enum Segment: Equatable, Sendable {
    case bytes([UInt8])
    case variable(String)
    /// Interpolation closte does not evaluate (`{$a->b}`, `${x}`, `$a[0]`...), with its text.
    case unsupported(String)
  }

  public static func singleQuoted(_ body: ArraySlice<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    var index = body.startIndex
    while index < body.endIndex {
      let byte = body[index]
      if byte == UInt8(ascii: "\\"), index + 1 < body.endIndex,
        body[index + 1] == UInt8(ascii: "'") || body[index + 1] == UInt8(ascii: "\\")
      {
        out.append(body[index + 1])
        index += 2
        continue
      }
      out.append(byte)
      index += 1
    }
    return out
  }

  /// Removes `indent` leading blanks from each line of a heredoc or nowdoc body.
  public static func removeIndent(_ body: ArraySlice<UInt8>, _ indent: Int) -> [UInt8] {
    guard indent > 0 else { return Array(body) }
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    var atLineStart = true
    var removed = 0
    for byte in body {
      if atLineStart, removed < indent, byte == 0x20 || byte == 0x09 {
        removed += 1
        continue
      }
      atLineStart = byte == 0x0A
      removed = 0
      out.append(byte)
    }
    return out
  }

  /// A double-quoted body (`inHeredoc`: `\"` stays as it is written).
  public static func doubleQuoted(_ body: ArraySlice<UInt8>, inHeredoc: Bool = false) throws -> [Segment] {
    var segments: [Segment] = []
    var literal: [UInt8] = []
    literal.reserveCapacity(body.count)
    var index = body.startIndex
    func flush() {
      if !literal.isEmpty {
        segments.append(.bytes(literal))
        literal.removeAll(keepingCapacity: true)
      }
    }
    while index < body.endIndex {
      let byte = body[index]
      if byte == UInt8(ascii: "\\"), index + 1 < body.endIndex {
        index = try escape(body, at: index, into: &literal, inHeredoc: inHeredoc)
        continue
      }
      if byte == UInt8(ascii: "$"), index + 1 < body.endIndex {
        let next = body[index + 1]
        if PHPLexer.isNameStart(next) {
          var end = index + 2
          while end < body.endIndex, PHPLexer.isNameByte(body[end]) { end += 1 }
          let name = String(decoding: body[(index + 1)..<end], as: UTF8.self)
          flush()
          if end < body.endIndex,
            body[end] == UInt8(ascii: "[")
              || (body[end] == UInt8(ascii: "-") && end + 1 < body.endIndex && body[end + 1] == UInt8(ascii: ">"))
          {
            segments.append(.unsupported("$\(name)\(Character(Unicode.Scalar(body[end])))..."))
            index = skipInterpolation(body, from: end)
          } else {
            segments.append(.variable(name))
            index = end
          }
          continue
        }
        if next == UInt8(ascii: "{") {
          flush()
          let end = closingBrace(body, from: index + 1)
          segments.append(.unsupported(String(decoding: body[index..<end], as: UTF8.self)))
          index = end
          continue
        }
      }
      if byte == UInt8(ascii: "{"), index + 1 < body.endIndex, body[index + 1] == UInt8(ascii: "$") {
        flush()
        let end = closingBrace(body, from: index)
        // `{$name}` is plain interpolation; anything more inside the braces is not evaluated.
        let inner = body[(index + 2)..<max(index + 2, end - 1)]
        if end - 1 > index + 2, body[end - 1] == UInt8(ascii: "}"), let first = inner.first,
          PHPLexer.isNameStart(first),
          inner.allSatisfy(PHPLexer.isNameByte)
        {
          segments.append(.variable(String(decoding: inner, as: UTF8.self)))
          index = end
          continue
        }
        segments.append(.unsupported(String(decoding: body[index..<end], as: UTF8.self)))
        index = end
        continue
      }
      literal.append(byte)
      index += 1
    }
    flush()
    return segments
  }

  /// Index just past the `}` matching the `{` at `start` (or the end).
  private static func closingBrace(_ body: ArraySlice<UInt8>, from start: Int) -> Int {
    var depth = 0
    var index = start
    while index < body.endIndex {
      if body[index] == UInt8(ascii: "{") { depth += 1 }
      if body[index] == UInt8(ascii: "}") {
        depth -= 1
        if depth == 0 { return index + 1 }
      }
      index += 1
    }
    return body.endIndex
  }

  /// Past `[...]` or `->name` after an interpolated variable.
  private static func skipInterpolation(_ body: ArraySlice<UInt8>, from start: Int) -> Int {
    var index = start
    if body[index] == UInt8(ascii: "[") {
      while index < body.endIndex, body[index] != UInt8(ascii: "]") { index += 1 }
      return min(index + 1, body.endIndex)
    }
    index += 2
    while index < body.endIndex, PHPLexer.isNameByte(body[index]) { index += 1 }
    return index
  }

  /// Decodes the escape at `index` (a backslash) and returns the index after it.
  private static func escape(
    _ body: ArraySlice<UInt8>, at index: Int, into out: inout [UInt8], inHeredoc: Bool
  ) throws -> Int {
    let next = body[index + 1]
    let simple: UInt8? =
      switch next {
      case UInt8(ascii: "n"): 0x0A
      case UInt8(ascii: "t"): 0x09
      case UInt8(ascii: "r"): 0x0D
      case UInt8(ascii: "v"): 0x0B
      case UInt8(ascii: "e"): 0x1B
      case UInt8(ascii: "f"): 0x0C
      case UInt8(ascii: "\\"): 0x5C
      case UInt8(ascii: "$"): 0x24
      case UInt8(ascii: "\"") where !inHeredoc: 0x22
      default: nil
      }
    if let simple {
      out.append(simple)
      return index + 2
    }
    if next >= 0x30 && next <= 0x37 {
      var value = 0
      var end = index + 1
      while end < body.endIndex, end < index + 4, body[end] >= 0x30 && body[end] <= 0x37 {
        value = value * 8 + Int(body[end] - 0x30)
        end += 1
      }
      out.append(UInt8(truncatingIfNeeded: value))
      return end
    }
    if next == UInt8(ascii: "x"), index + 2 < body.endIndex, PHPLexer.isHexDigit(body[index + 2]) {
      var value = 0
      var end = index + 2
      while end < body.endIndex, end < index + 4, PHPLexer.isHexDigit(body[end]) {
        value = value * 16 + hexValue(body[end])
        end += 1
      }
      out.append(UInt8(value))
      return end
    }
    if next == UInt8(ascii: "u"), index + 2 < body.endIndex, body[index + 2] == UInt8(ascii: "{") {
      var value = 0
      var end = index + 3
      while end < body.endIndex, PHPLexer.isHexDigit(body[end]), value <= 0x10FFFF {
        value = value * 16 + hexValue(body[end])
        end += 1
      }
      guard end < body.endIndex, body[end] == UInt8(ascii: "}"), end > index + 3, value <= 0x10FFFF else {
        throw PHPSyntaxError(line: 0, "invalid UTF-8 codepoint escape sequence")
      }
      appendUTF8(value, to: &out)
      return end + 1
    }
    out.append(UInt8(ascii: "\\"))
    return index + 1
  }

  private static func hexValue(_ byte: UInt8) -> Int {
    PHPLexer.isDigit(byte) ? Int(byte - 0x30) : Int(PHPLexer.lowercased(byte) - 0x61 + 10)
  }

  /// PHP encodes any code point up to 0x10FFFF, surrogates included, as UTF-8 bytes.
  private static func appendUTF8(_ value: Int, to out: inout [UInt8]) {
    switch value {
    case 0..<0x80:
      out.append(UInt8(value))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | (value >> 6)))
      out.append(UInt8(0x80 | (value & 0x3F)))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | (value >> 12)))
      out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (value & 0x3F)))
    default:
      out.append(UInt8(0xF0 | (value >> 18)))
      out.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (value & 0x3F)))
    }
  }
}
