extension String {
  /// The text with every occurrence of `target` replaced, matched byte for byte (UTF-8), as a
  /// literal search does: `"\r"` is found inside `"\r\n"`, which a `Character` search would not.
  public func replacingAll(_ target: String, with replacement: String) -> String {
    let needle = Array(target.utf8)
    guard let first = needle.first else { return self }
    let bytes = Array(utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    var changed = false
    while index < bytes.count {
      if bytes[index] == first, index + needle.count <= bytes.count,
        bytes[index..<(index + needle.count)].elementsEqual(needle)
      {
        out += replacement.utf8
        index += needle.count
        changed = true
      } else {
        out.append(bytes[index])
        index += 1
      }
    }
    return changed ? String(decoding: out, as: UTF8.self) : self
  }
}

extension String {
  /// The text with spaces added on the right up to `width` characters (never cut).
  func paddedRight(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
