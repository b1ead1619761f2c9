/// PHP strings are bytes; closte's are Swift `String`s, which hold only valid Unicode. A byte that
/// is not part of valid UTF-8 (a Latin-1 `é` in a wp-config.php) is kept as one code point of the
/// last private use plane, U+10FF00 plus the byte, so that output writes the byte back as it was
/// (`OutputSink`) and JSON can tell the string is not UTF-8 (`json_encode`'s failure).
public enum PHPBytes {
  package static let base: UInt32 = 0x10FF00
  package static let escapedRange: ClosedRange<UInt32> = 0x10FF80...0x10FFFF

  /// The bytes as a string: valid UTF-8 as its characters, every other byte escaped.
  public static func string<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    let array = Array(bytes)
    var scalars = String.UnicodeScalarView()
    var index = 0
    while index < array.count {
      let length = validSequenceLength(array, at: index)
      if length == 0 {
        scalars.append(Unicode.Scalar(base + UInt32(array[index])) ?? "\u{FFFD}")
        index += 1
        continue
      }
      let piece = String(decoding: array[index..<(index + length)], as: UTF8.self)
      scalars.append(contentsOf: piece.unicodeScalars)
      index += length
    }
    return String(scalars)
  }

  /// The bytes `text` stands for: its UTF-8, with each escaped byte written as the byte itself.
  public static func bytes(_ text: String) -> [UInt8] {
    // An escaped byte is a four-byte sequence starting with 0xF4; most text has none.
    guard text.utf8.contains(0xF4) else { return Array(text.utf8) }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if escapedRange.contains(scalar.value) {
        out.append(UInt8(scalar.value - base))
      } else {
        out += Array(String(scalar).utf8)
      }
    }
    return out
  }

  /// Whether `text` stands for valid UTF-8 (it holds no escaped byte).
  public static func isValidUTF8(_ text: String) -> Bool {
    guard text.utf8.contains(0xF4) else { return true }
    return !text.unicodeScalars.contains { escapedRange.contains($0.value) }
  }

  /// The length of the well-formed UTF-8 sequence at `index` (no overlong forms, no surrogates,
  /// nothing above U+10FFFF), or 0 when the byte there does not start one.
  package static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let lead = bytes[index]
    func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
      index + offset < bytes.count && range.contains(bytes[index + offset])
    }
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: return continuation(1) ? 2 : 0
    case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
    case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
    case 0xE1...0xEF: return continuation(1) && continuation(2) ? 3 : 0
    case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
    default: return 0
    }
  }
}
