extension String {
  /// The text with every occurrence of `target` replaced, matched byte for byte (UTF-8), as a
  /// literal search does: `"\r"` is found inside `"\r\n"`, which a `Character` search would not.
  public func replacingAll(_ target: String, with replacement: String) -> String {
    let pieces = splitting(atEvery: target)
    return pieces.count == 1 ? self : pieces.joined(separator: replacement)
  }

  /// The pieces between the occurrences of `separator` (not empty), matched byte for byte, as
  /// Foundation's `components(separatedBy:)` gives them: `"a::b"` split at `"::"` is `["a", "b"]`.
  package func splitting(atEvery separator: String) -> [String] {
    let bytes = Array(utf8)
    let needle = Array(separator.utf8)
    guard !needle.isEmpty else { return [self] }
    var pieces: [String] = []
    var start = 0
    while let found = bytes.firstIndex(ofBytes: needle, from: start) {
      pieces.append(String(decoding: bytes[start..<found], as: UTF8.self))
      start = found + needle.count
    }
    pieces.append(String(decoding: bytes[start...], as: UTF8.self))
    return pieces
  }
}

extension StringProtocol {
  /// Whether `target` occurs in the text, matched byte for byte (UTF-8) as PHP's `strpos` does:
  /// `"\n"` is found inside `"\r\n"`, which the standard library's `Character` search does not.
  package func containsBytes(_ target: String) -> Bool {
    Array(utf8).firstIndex(ofBytes: Array(target.utf8)) != nil
  }
}

extension Array where Element == UInt8 {
  /// Where `needle` first occurs at or after `start`, matched byte for byte; `start` itself for an
  /// empty needle.
  package func firstIndex(ofBytes needle: [UInt8], from start: Int = 0) -> Int? {
    guard let first = needle.first else { return start <= count ? start : nil }
    guard count >= needle.count, start <= count - needle.count else { return nil }
    for index in start...(count - needle.count) where self[index] == first {
      if self[index..<(index + needle.count)].elementsEqual(needle) { return index }
    }
    return nil
  }
}

extension String {
  /// The text with spaces added on the right up to `width` characters (never cut).
  package func paddedRight(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
