import Values

/// WP-CLI's `yaml` format: `Spyc::YAMLDump($value, 2, 0)` (indent 2, no folding), rule for rule,
/// quirks included: `---` first, a list of maps as `- ` lines with the keys indented under them,
/// strings that YAML would misread quoted (`'*.example.com'`, `'null'`, `""`, `"42"`), multi-line
/// strings as `|` blocks (each line trimmed, as Spyc does).
package enum YAMLFormat {
  package static let indentStep = 2

  /// The whole document. A falsy value (`false`, `null`, `""`, `"0"`, `0`, empty) gives `---` alone;
  /// a scalar is dumped as a one-item list, as Spyc casts it to an array.
  package static func dump(_ value: JSONValue) -> String {
    var out = "---\n"
    guard PHPText.isTruthy(value) else { return out }
    for (key, member, isList) in entries(of: value) {
      out += yamlize(key: key, value: member, indent: 0, inList: isList)
    }
    return out
  }

  /// The members of a PHP array; a scalar becomes `[0 => value]`.
  private static func entries(of value: JSONValue) -> [(String, JSONValue, Bool)] {
    switch value {
    case .array(let elements):
      return elements.enumerated().map { (String($0.offset), $0.element, true) }
    case .object(let object):
      let isList = object.keys.enumerated().allSatisfy { $0.element == String($0.offset) }
      return object.map { ($0.key, $0.value, isList) }
    default:
      return [("0", value, true)]
    }
  }

  private static func yamlize(key: String, value: JSONValue, indent: Int, inList: Bool) -> String {
    switch value {
    case .array, .object:
      let children = entries(of: value)
      if children.isEmpty { return node(key: key, text: "[ ]", indent: indent, inList: inList) }
      var out = node(key: key, text: nil, indent: indent, inList: inList)
      for (childKey, child, childInList) in children {
        out += yamlize(key: childKey, value: child, indent: indent + indentStep, inList: childInList)
      }
      return out
    default:
      return node(key: key, text: scalarText(value, indent: indent), indent: indent, inList: inList)
    }
  }

  /// Spyc's `_dumpNode` line: `- value` in a list, `key: value` in a map (right-trimmed).
  private static func node(key: String, text: String?, indent: Int, inList: Bool) -> String {
    let spaces = String(repeating: " ", count: indent)
    if inList { return spaces + "- " + (text ?? "") + "\n" }
    let shownKey = key.contains(":") || key.contains("#") ? "\"" + key + "\"" : key
    return PHPText.rtrim(spaces + shownKey + ": " + (text ?? "")) + "\n"
  }

  private static let specialFragments = ["\n", ": ", "- ", "*", "#", "<", ">", "%", "  ", "[", "]", "{", "}", "&", "'"]

  private static let translationWords: Set<String> = {
    var words: Set<String> = ["~"]
    for word in ["true", "on", "yes", "y", "false", "off", "no", "n", "null"] {
      words.insert(word.lowercased())
      words.insert(word.uppercased())
      words.insert(word.prefix(1).uppercased() + word.dropFirst())
    }
    return words
  }()

  /// How Spyc writes a scalar.
  package static func scalarText(_ value: JSONValue, indent: Int) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number):
      // Spyc compares the value with its trimmed string form; a float that 14 digits do not
      // reproduce fails that test and is quoted.
      let text = PHPFloatFormat.string(number)
      return Double(text) == number ? text : literalBlock(text, indent: indent)
    case .string(let text):
      var result: String
      if specialFragments.contains(where: { text.containsBytes($0) }) || text.hasPrefix("!") || text.hasSuffix(":") {
        result = literalBlock(text, indent: indent)
      } else if PHPText.isNumeric(text) {
        result = "\"" + text + "\""
      } else {
        result = text
      }
      if result.isEmpty { result = "\"\"" }
      if translationWords.contains(result) { result = literalBlock(result, indent: indent) }
      if PHPText.trim(result) != result { result = literalBlock(result, indent: indent) }
      return result
    case .array, .object:
      return JSONWriter.encode(value)
    }
  }

  /// Spyc's `_doLiteralBlock`: single quotes, else double quotes, else a `|` block.
  package static func literalBlock(_ value: String, indent: Int) -> String {
    if value == "\n" { return "\\n" }
    let bytes = value.utf8
    if !bytes.contains(0x0A) && !bytes.contains(0x27) { return "'" + value + "'" }
    if !bytes.contains(0x0A) && !bytes.contains(0x22) { return "\"" + value + "\"" }
    // Split on the byte: a Swift `Character` joins "\r\n" into one, which "\n" would not match.
    var lines = value.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
    var block = "|"
    if let first = lines.first, first == "|" || first == "|-" || first == ">" {
      block = first
      lines.removeFirst()
    }
    let spaces = String(repeating: " ", count: indent + indentStep)
    for rawLine in lines {
      var line = PHPText.trim(rawLine)
      let quotedDouble = line.hasPrefix("\"") && line.utf8.last == 0x22
      let quotedSingle = line.hasPrefix("'") && line.utf8.last == 0x27
      if quotedDouble || quotedSingle {
        line = line.utf8.count >= 2 ? String(decoding: Array(line.utf8).dropFirst().dropLast(), as: UTF8.self) : ""
      }
      block += "\n" + spaces + line
    }
    return block
  }
}
