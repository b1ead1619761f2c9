/// Answers whose body is hostile, for the client's body cap (issue 12): `--body-fault=<kind>`.
///   huge       a 200 MB JSON-looking body with its Content-Length announced
///   endless    a chunked body that never ends
///   gzip-bomb  `Content-Encoding: gzip`, 1.3 MB on the wire that inflate to 200 MB of spaces
/// The bytes are made as they are sent, so the simulator's own memory stays small.
enum BodyFault: String {
  case huge
  case endless
  case gzipBomb = "gzip-bomb"

  static let hugeSize = 200 * 1024 * 1024

  var answer: HTTPServer.Answer {
    switch self {
    case .huge:
      var sent = 0
      return .stream(
        status: 200, headers: [("Content-Type", "application/json")], length: BodyFault.hugeSize,
        next: {
          guard sent < BodyFault.hugeSize else { return nil }
          let count = min(64 * 1024, BodyFault.hugeSize - sent)
          sent += count
          return BodyFault.filler(count, first: sent == count)
        })
    case .endless:
      var first = true
      return .stream(
        status: 200, headers: [("Content-Type", "application/json")], length: nil,
        next: {
          defer { first = false }
          return BodyFault.filler(64 * 1024, first: first)
        })
    case .gzipBomb:
      let bytes = GzipBomb.shared
      var offset = 0
      return .stream(
        status: 200, headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")],
        length: bytes.count,
        next: {
          guard offset < bytes.count else { return nil }
          let end = min(offset + 64 * 1024, bytes.count)
          defer { offset = end }
          return Array(bytes[offset..<end])
        })
    }
  }

  /// Spaces, after an opening `{"success":true,"pad":"` on the first piece: valid JSON never closes.
  static func filler(_ count: Int, first: Bool) -> [UInt8] {
    var bytes = [UInt8](repeating: UInt8(ascii: " "), count: count)
    if first {
      let head = Array(#"{"success":true,"domains":[],"pad":""#.utf8)
      bytes.replaceSubrange(0..<min(head.count, count), with: head.prefix(count))
    }
    return bytes
  }
}

/// A gzip member (RFC 1952) whose DEFLATE data (RFC 1951) is one fixed-Huffman block: a literal
/// space, then back-references of length 258 at distance 1, each 13 bits, so 200 MB of spaces take
/// about 1.3 MB. Written by hand: the simulator links no zlib.
enum GzipBomb {
  static let inflatedSize = BodyFault.hugeSize

  static let shared: [UInt8] = make(inflatedSize)

  static func make(_ size: Int) -> [UInt8] {
    var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
    var bits = BitWriter()
    bits.write(1, count: 1)  // BFINAL
    bits.write(1, count: 2)  // BTYPE 01: fixed Huffman codes
    bits.writeCode(fixedLiteral(Int(UInt8(ascii: " "))))
    var remaining = size - 1
    while remaining >= 258 {
      bits.writeCode((0b1100_0101, 8))  // length code 285: 258 bytes, no extra bits
      bits.writeCode((0, 5))  // distance code 0: distance 1
      remaining -= 258
    }
    for _ in 0..<remaining { bits.writeCode(fixedLiteral(Int(UInt8(ascii: " ")))) }
    bits.writeCode((0, 7))  // end of block (256)
    out += bits.finish()
    let crc = CRC32.ofRepeated(UInt8(ascii: " "), count: size)
    for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
    let length = UInt32(truncatingIfNeeded: size)
    for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: length >> UInt32(shift))) }
    return out
  }

  /// The fixed Huffman code of a literal byte (RFC 1951, 3.2.6): 0-143 are 8 bits from 0x30.
  static func fixedLiteral(_ value: Int) -> (code: Int, length: Int) {
    value < 144 ? (0x30 + value, 8) : (0x190 + value - 144, 9)
  }

  /// DEFLATE's bit order: values least significant bit first, Huffman codes most significant first.
  struct BitWriter {
    var bytes: [UInt8] = []
    var current: UInt32 = 0
    var used = 0

    mutating func write(_ value: Int, count: Int) {
      for index in 0..<count { push((value >> index) & 1) }
    }

    mutating func writeCode(_ code: (code: Int, length: Int)) {
      for index in stride(from: code.length - 1, through: 0, by: -1) { push((code.code >> index) & 1) }
    }

    private mutating func push(_ bit: Int) {
      current |= UInt32(bit) << UInt32(used)
      used += 1
      if used == 8 {
        bytes.append(UInt8(current))
        current = 0
        used = 0
      }
    }

    func finish() -> [UInt8] { used > 0 ? bytes + [UInt8(current)] : bytes }
  }
}

/// CRC-32 (the gzip trailer's) of one byte repeated `count` times, in O(log count): a run of
/// zeros multiplies the register by x^(8·count) modulo the polynomial (zlib's `crc32_combine` way),
/// so the run of `byte` is the run of zeros XOR the CRC of `byte` repeated with a zero start.
enum CRC32 {
  static let polynomial: UInt32 = 0xEDB8_8320

  /// a·b modulo the polynomial, in CRC-32's reflected bit order.
  static func multiply(_ a: UInt32, _ b: UInt32) -> UInt32 {
    var product: UInt32 = 0
    var b = b
    var mask: UInt32 = 1 << 31
    while mask != 0 {
      if a & mask != 0 { product ^= b }
      b = b & 1 != 0 ? (b >> 1) ^ polynomial : b >> 1
      mask >>= 1
    }
    return product
  }

  /// x^(8·count) modulo the polynomial.
  static func shift(bytes count: Int) -> UInt32 {
    var result: UInt32 = 1 << 31  // x^0
    var power: UInt32 = 1 << 23  // x^8
    var count = count
    while count > 0 {
      if count & 1 != 0 { result = multiply(result, power) }
      power = multiply(power, power)
      count >>= 1
    }
    return result
  }

  static func ofRepeated(_ byte: UInt8, count: Int) -> UInt32 {
    // Without the pre- and post-inversion, CRC is linear: crc(run) = crc0(run) with the start 0xFFFFFFFF
    // shifted through; and crc0 of a repeated byte is found by doubling the run.
    var register = multiply(0xFFFF_FFFF, shift(bytes: count))
    register ^= linearRun(byte, count: count)
    return register ^ 0xFFFF_FFFF
  }

  /// The CRC register after `count` copies of `byte` from a zero start, by doubling.
  static func linearRun(_ byte: UInt8, count: Int) -> UInt32 {
    var one: UInt32 = UInt32(byte)
    for _ in 0..<8 { one = one & 1 != 0 ? (one >> 1) ^ polynomial : one >> 1 }
    var result: UInt32 = 0
    var block = one  // the register of a run of `length` bytes
    var length = 1
    var count = count
    while count > 0 {
      if count & 1 != 0 { result = multiply(result, shift(bytes: length)) ^ block }
      block = multiply(block, shift(bytes: length)) ^ block
      length *= 2
      count >>= 1
    }
    return result
  }
}
