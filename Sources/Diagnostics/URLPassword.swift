import Values

/// The passwords of the URLs in a text (`http://user:password@host/...`): secrets, whether the URL
/// came from `--api-url`, `CLOSTE_API_URL`, a proxy variable or an rpc request.
package enum URLPassword {
  /// Each password as written, and percent-decoded when that differs.
  package static func all(in text: String) -> [String] {
    let bytes = Array(text.utf8)
    var found: [String] = []
    var index = 0
    while let separator = bytes.firstIndex(ofBytes: Array("://".utf8), from: index) {
      let start = separator + 3
      var end = start
      while end < bytes.count, !terminators.contains(bytes[end]) { end += 1 }
      index = max(end, start)
      // The authority is everything up to the path; its user information ends at the last `@`.
      guard let at = bytes[start..<end].lastIndex(of: UInt8(ascii: "@")),
        let colon = bytes[start..<at].firstIndex(of: UInt8(ascii: ":"))
      else { continue }
      let password = String(decoding: bytes[(colon + 1)..<at], as: UTF8.self)
      guard !password.isEmpty else { continue }
      found.append(password)
      if let decoded = percentDecoded(password), decoded != password { found.append(decoded) }
    }
    return found
  }

  /// Whether `text` holds `://` at all: a quick look over bytes, made for every string of every
  /// rpc request before the full search.
  package static func mayHold(_ text: String) -> Bool {
    var colon = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: "/"), colon > 0 {
        colon += 1
        if colon == 3 { return true }
      } else {
        colon = byte == UInt8(ascii: ":") ? 1 : 0
      }
    }
    return false
  }

  /// What ends the authority part of a URL (or the URL itself, in running text).
  private static let terminators: Set<UInt8> = Set("/?# \t\r\n\"'<>".utf8)

  private static func percentDecoded(_ text: String) -> String? {
    var out: [UInt8] = []
    var bytes = text.utf8[...]
    while let byte = bytes.popFirst() {
      guard byte == UInt8(ascii: "%") else {
        out.append(byte)
        continue
      }
      guard bytes.count >= 2, let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16) else {
        return nil
      }
      out.append(value)
      bytes = bytes.dropFirst(2)
    }
    return String(validating: out, as: UTF8.self)
  }
}
