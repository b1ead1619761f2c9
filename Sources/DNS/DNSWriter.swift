/// Builds a DNS message. Names are compressed (RFC 1035 §4.1.4) against the names already written,
/// unless `compress` is off, so what the encoder writes is what a real server sends.
public struct DNSWriter: Sendable {
  public private(set) var bytes: [UInt8] = []
  public var compress: Bool
  /// Offsets of the name suffixes already written, keyed by their lower-cased labels.
  private var suffixes: [[[UInt8]]: Int] = [:]

  public init(compress: Bool = true) { self.compress = compress }

  public mutating func write(_ byte: UInt8) { bytes.append(byte) }

  public mutating func write(_ value: UInt16) {
    bytes.append(UInt8(value >> 8))
    bytes.append(UInt8(value & 0xFF))
  }

  public mutating func write(_ value: UInt32) {
    for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
  }

  public mutating func write<Bytes: Sequence>(bytes more: Bytes) where Bytes.Element == UInt8 {
    bytes.append(contentsOf: more)
  }

  public mutating func write(_ name: DNSName) {
    let labels = name.labels
    for index in labels.indices {
      let suffix = labels[index...].map(DNSName.lowercased)
      if compress, let target = suffixes[Array(suffix)] {
        write(UInt16(0xC000) | UInt16(target))
        return
      }
      // Only offsets that fit the 14 bits of a pointer can be pointed at later.
      if bytes.count < 0x4000 { suffixes[Array(suffix)] = bytes.count }
      write(UInt8(labels[index].count))
      write(bytes: labels[index])
    }
    write(UInt8(0))
  }

  /// Writes a 16-bit length, then what `body` writes, then patches the length in: for RDLENGTH
  /// and for the two-byte prefix of a message over TCP.
  public mutating func writeLengthPrefixed(_ body: (inout DNSWriter) throws -> Void) rethrows {
    let lengthOffset = bytes.count
    write(UInt16(0))
    try body(&self)
    let length = bytes.count - lengthOffset - 2
    bytes[lengthOffset] = UInt8((length >> 8) & 0xFF)
    bytes[lengthOffset + 1] = UInt8(length & 0xFF)
  }
}
