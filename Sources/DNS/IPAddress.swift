import Values

#if canImport(Glibc)
  import Glibc
#endif

/// An IPv4 address, parsed and printed without the C library (dotted quad, no shorthand forms).
public struct IPv4Address: Hashable, Sendable, CustomStringConvertible {
  public let bytes: [UInt8]

  package init(bytes: [UInt8]) { self.bytes = bytes }

  public init?(_ text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var bytes: [UInt8] = []
    for part in parts {
      // No leading zeros ("010" is octal to some parsers) and no signs.
      guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigit), part == "0" || part.first != "0",
        let value = UInt8(part)
      else { return nil }
      bytes.append(value)
    }
    self.bytes = bytes
  }

  public var description: String { bytes.map(String.init).joined(separator: ".") }
}

/// An IPv6 address, parsed (with `::` and an embedded dotted quad) and printed as RFC 5952 says.
public struct IPv6Address: Hashable, Sendable, CustomStringConvertible {
  public let bytes: [UInt8]

  package init(bytes: [UInt8]) { self.bytes = bytes }

  public init?(_ text: String) {
    guard !text.isEmpty, text.count <= 45 else { return nil }
    let halves = text.splitting(atEvery: "::")
    guard halves.count <= 2 else { return nil }
    func groups(_ part: String, allowQuad: Bool) -> [UInt16]? {
      if part.isEmpty { return [] }
      var result: [UInt16] = []
      let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
      for (index, piece) in pieces.enumerated() {
        if allowQuad, index == pieces.count - 1, piece.contains("."), let quad = IPv4Address(String(piece)) {
          result.append(UInt16(quad.bytes[0]) << 8 | UInt16(quad.bytes[1]))
          result.append(UInt16(quad.bytes[2]) << 8 | UInt16(quad.bytes[3]))
        } else {
          guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit), let value = UInt16(piece, radix: 16)
          else { return nil }
          result.append(value)
        }
      }
      return result
    }
    var words: [UInt16]
    if halves.count == 2 {
      guard let head = groups(halves[0], allowQuad: false), let tail = groups(halves[1], allowQuad: true),
        head.count + tail.count <= 7
      else { return nil }
      words = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    } else {
      guard let all = groups(text, allowQuad: true), all.count == 8 else { return nil }
      words = all
    }
    bytes = words.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
  }

  package var words: [UInt16] { stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) } }

  /// Lower-case hex, leading zeros dropped, the longest run of two or more zero groups as `::`.
  public var description: String {
    let words = self.words
    var bestStart = -1
    var bestLength = 1
    var index = 0
    while index < 8 {
      guard words[index] == 0 else {
        index += 1
        continue
      }
      var end = index
      while end < 8 && words[end] == 0 { end += 1 }
      if end - index > bestLength {
        bestStart = index
        bestLength = end - index
      }
      index = end
    }
    let hex = words.map { String($0, radix: 16) }
    guard bestStart >= 0 else { return hex.joined(separator: ":") }
    return hex[..<bestStart].joined(separator: ":") + "::"
      + hex[(bestStart + bestLength)...].joined(separator: ":")
  }
}

/// An address of either family, as DNS answers and `--expect` give them.
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
  case v4(IPv4Address)
  case v6(IPv6Address)

  /// `203.0.113.10` or `2001:db8::1` (brackets around an IPv6 address are accepted).
  public init?(_ text: String) {
    if let v4 = IPv4Address(text) {
      self = .v4(v4)
    } else if text.hasPrefix("[") && text.hasSuffix("]"), let v6 = IPv6Address(String(text.dropFirst().dropLast())) {
      self = .v6(v6)
    } else if let v6 = IPv6Address(text) {
      self = .v6(v6)
    } else {
      return nil
    }
  }

  public var bytes: [UInt8] {
    switch self {
    case .v4(let address): return address.bytes
    case .v6(let address): return address.bytes
    }
  }

  public var description: String {
    switch self {
    case .v4(let address): return address.description
    case .v6(let address): return address.description
    }
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
