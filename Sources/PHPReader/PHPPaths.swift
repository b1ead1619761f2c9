/// PHP's path functions, byte for byte: `dirname()` and `basename()` on Unix paths.
package enum PHPPaths {
  /// `dirname($path, $levels)`: `"/a/b/"` → `"/a"`, `"a"` → `"."`, `"/a"` → `"/"`.
  package static func dirname(_ path: String, levels: Int) -> String {
    var bytes = Array(path.utf8)
    for _ in 0..<max(levels, 1) {
      bytes = dirnameOnce(bytes)
      if bytes == [UInt8(ascii: "/")] || bytes == [UInt8(ascii: ".")] { break }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func dirnameOnce(_ path: [UInt8]) -> [UInt8] {
    let slash = UInt8(ascii: "/")
    if path.isEmpty { return [] }
    var end = path.count
    while end > 0, path[end - 1] == slash { end -= 1 }
    if end == 0 { return [slash] }
    while end > 0, path[end - 1] != slash { end -= 1 }
    if end == 0 { return [UInt8(ascii: ".")] }
    while end > 0, path[end - 1] == slash { end -= 1 }
    if end == 0 { return [slash] }
    return Array(path[..<end])
  }

  /// `basename($path, $suffix)`.
  package static func basename(_ path: String, suffix: String = "") -> String {
    var bytes = Array(path.utf8)
    while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
    if bytes == [UInt8(ascii: "/")] { return "" }
    if let slash = bytes.lastIndex(of: UInt8(ascii: "/")) { bytes = Array(bytes[(slash + 1)...]) }
    let suffixBytes = Array(suffix.utf8)
    if !suffixBytes.isEmpty, bytes.count > suffixBytes.count, bytes.suffix(suffixBytes.count).elementsEqual(suffixBytes)
    {
      bytes.removeLast(suffixBytes.count)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `$path` made absolute against `directory`, with `.` and `..` resolved lexically.
  package static func absolute(_ path: String, relativeTo directory: String) -> String {
    let joined = path.hasPrefix("/") ? path : directory + "/" + path
    var parts: [Substring] = []
    for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }
}
