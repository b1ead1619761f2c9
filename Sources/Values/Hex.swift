/// Hexadecimal digits as closte writes them: JSON's `\u00e9`, percent-encoding's `%2F`, a digest's
/// 64 digits, a DNS name's escaped byte. One writer, so every format agrees on padding and case.
package enum Hex {
  /// The last `digits` hex digits of `value`, zero-padded, appended to `out`.
  package static func append<Number: BinaryInteger>(
    _ value: Number, digits: Int, uppercase: Bool, to out: inout [UInt8]
  ) {
    for shift in (0..<digits).reversed() {
      let digit = UInt8(truncatingIfNeeded: (value >> (4 * shift)) & 0xF)
      out.append(
        digit < 10 ? UInt8(ascii: "0") + digit : (uppercase ? UInt8(ascii: "A") : UInt8(ascii: "a")) + digit - 10)
    }
  }

  /// The last `digits` hex digits of `value`, zero-padded.
  package static func text<Number: BinaryInteger>(_ value: Number, digits: Int, uppercase: Bool) -> String {
    var out: [UInt8] = []
    append(value, digits: digits, uppercase: uppercase, to: &out)
    return String(decoding: out, as: UTF8.self)
  }
}
