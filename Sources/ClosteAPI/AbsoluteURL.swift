/// The parts of an absolute URL (`scheme://authority/path?query#fragment`, RFC 3986 section 3) that
/// the API URL's check needs. Nil when the text is not one: no scheme or no `//authority`, an empty
/// host, a port that is not digits, or a character a URL cannot hold (space, control, non-ASCII, a
/// `%` without two hex digits).
struct AbsoluteURL {
  var scheme: String
  /// `user:password` before an `@`, when there is one.
  var userInfo: String?
  /// The host, IPv6 literals with their brackets (`[::1]`).
  var host: String
  var port: Int?
  var hasQuery: Bool
  var hasFragment: Bool

  init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard Self.onlyURLCharacters(bytes), let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0,
      Self.isLetter(bytes[0]), bytes[1..<colon].allSatisfy(Self.isSchemeCharacter),
      bytes[(colon + 1)...].starts(with: Array("//".utf8))
    else { return nil }
    scheme = String(decoding: bytes[..<colon], as: UTF8.self)
    let authorityStart = colon + 3
    let authorityEnd = bytes[authorityStart...].firstIndex { "/?#".utf8.contains($0) } ?? bytes.count
    var authority = bytes[authorityStart..<authorityEnd]
    if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
      userInfo = String(decoding: authority[..<at], as: UTF8.self)
      authority = authority[(at + 1)...]
    }
    var portText: ArraySlice<UInt8>
    if authority.first == UInt8(ascii: "[") {
      guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return nil }
      host = String(decoding: authority[...close], as: UTF8.self)
      portText = authority[(close + 1)...]
    } else {
      let end = authority.firstIndex(of: UInt8(ascii: ":")) ?? authority.endIndex
      host = String(decoding: authority[..<end], as: UTF8.self)
      portText = authority[end...]
    }
    guard !host.isEmpty else { return nil }
    if let first = portText.first {
      guard first == UInt8(ascii: ":") else { return nil }
      portText = portText.dropFirst()
      guard portText.allSatisfy(Self.isDigit) else { return nil }
      port = portText.isEmpty ? nil : Int(String(decoding: portText, as: UTF8.self))
    }
    let rest = bytes[authorityEnd...]
    let fragment = rest.firstIndex(of: UInt8(ascii: "#"))
    hasFragment = fragment != nil
    hasQuery = rest[..<(fragment ?? rest.endIndex)].contains(UInt8(ascii: "?"))
  }

  private static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
  private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
  private static func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (65...70).contains(byte) || (97...102).contains(byte)
  }
  private static func isSchemeCharacter(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte) || "+-.".utf8.contains(byte)
  }

  /// Unreserved and reserved characters (RFC 3986, 2.2 and 2.3), and `%XX` escapes.
  private static func onlyURLCharacters(_ bytes: [UInt8]) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "%") {
        guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else { return false }
        index += 3
        continue
      }
      guard isLetter(byte) || isDigit(byte) || "-._~:/?#[]@!$&'()*+,;=".utf8.contains(byte) else { return false }
      index += 1
    }
    return true
  }
}
