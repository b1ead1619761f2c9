import FoundationEssentials

/// The `--echo-key` fault: a hostile Closte that quotes the API key back in every answer, in every
/// spelling a server might use, to prove closte never lets it out. `json` keeps answers valid JSON
/// (the key JSON-escaped in the message, past byte 80, in the list as an alias, and percent-, form-
/// and `\u`-encoded beside it); `text` answers a text body (not JSON) with the key raw across byte 80
/// and in the other spellings after it. Both add the key to a response header.
enum KeyEcho: String {
  case json
  case text

  /// The padding that puts the key across byte 80 of a body or message.
  static let padding = "Closte echoes what it was sent, for a test of closte's scrubber: "

  /// The answer with the key echoed in it.
  func answer(status: Int, body: String, key: String) -> HTTPServer.Answer {
    let headers = [
      ("X-Echo-Key", KeyEcho.percent(key, upper: true)),
      ("X-Echo-Key-Flat", String(key.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) })),
    ]
    switch self {
    case .text:
      let text =
        KeyEcho.padding + key + " | " + KeyEcho.percent(key, upper: true) + " | " + KeyEcho.percent(key, upper: false)
        + " | " + KeyEcho.form(key) + " | " + KeyEcho.slashEscaped(key) + " | " + KeyEcho.unicodeEscaped(key)
      return .response(status: 200, headers: [("Content-Type", "text/html")] + headers, body: Array(text.utf8))
    case .json:
      return .response(
        status: status, headers: [("Content-Type", "application/json")] + headers,
        body: Array(KeyEcho.echoed(body, key: key).utf8))
    }
  }

  /// A JSON answer with the key in its message (`error` or `message`), as an alias of the list,
  /// and in extra members in each spelling.
  static func echoed(_ body: String, key: String) -> String {
    var text = body
    let message = JSONText.string(" " + padding + key).dropFirst().dropLast()
    for member in ["\"error\":\"", "\"message\":\""] {
      guard let start = text.firstRange(of: member) else { continue }
      guard let close = text[start.upperBound...].firstIndex(of: "\"") else { continue }
      text.insert(contentsOf: message, at: close)
    }
    if let list = text.firstRange(of: "\"domains\":[") {
      let entry =
        "{\"domain\":\(JSONText.string(key)),\"wildcard\":0}" + (text[list.upperBound...].hasPrefix("]") ? "" : ",")
      text.insert(contentsOf: entry, at: list.upperBound)
    }
    guard text.hasSuffix("}") else { return text }
    text.removeLast()
    let members = [
      ("echo_slash", "\"" + slashEscaped(key) + "\""), ("echo_unicode", "\"" + unicodeEscaped(key) + "\""),
      ("echo_percent", JSONText.string(percent(key, upper: true))),
      ("echo_percent_lower", JSONText.string(percent(key, upper: false))), ("echo_form", JSONText.string(form(key))),
    ]
    return text + members.map { ",\"\($0.0)\":\($0.1)" }.joined() + "}"
  }

  static func percent(_ text: String, upper: Bool) -> String {
    text.utf8.map { byte in
      let unreserved = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
      return unreserved ? String(UnicodeScalar(byte)) : "%" + hex(Int(byte), 2, upper: upper)
    }.joined()
  }

  /// `application/x-www-form-urlencoded`: a space is `+`.
  static func form(_ text: String) -> String {
    text.split(separator: " ", omittingEmptySubsequences: false).map { percent(String($0), upper: true) }
      .joined(separator: "+")
  }

  /// JSON as PHP's `json_encode` writes it: `\/`, and a control character as upper-case `\u00XX`.
  static func slashEscaped(_ text: String) -> String {
    text.unicodeScalars.map { scalar -> String in
      switch scalar {
      case "/": return "\\/"
      case "\"": return "\\\""
      case "\\": return "\\\\"
      default: return scalar.value < 0x20 ? "\\u" + hex(Int(scalar.value), 4, upper: true) : String(scalar)
      }
    }.joined()
  }

  /// Every character as `\uXXXX`.
  static func unicodeEscaped(_ text: String) -> String {
    text.utf16.map { "\\u" + hex(Int($0), 4, upper: false) }.joined()
  }

  private static func hex(_ value: Int, _ digits: Int, upper: Bool) -> String {
    let text = String(value, radix: 16, uppercase: upper)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
