/// A CAA record: which certificate authorities may issue for the name (RFC 8659 §4.1).
///
///     +0-1-2-3-4-5-6-7-|0-1-2-3-4-5-6-7-|
///     | Flags          | Tag Length = n |
///     +----------------|----------------+...+---------------+
///     | Tag char 0     | Tag char 1     |...| Tag char n-1  |
///     +----------------|----------------+...+---------------+
///     +----------------|----------------+.....+----------------+
///     | Value byte 0   | Value byte 1   |.....| Value byte m-1 |
///     +----------------|----------------+.....+----------------+
///
/// The value runs to the end of RDATA. A CAA record that forbids Let's Encrypt is one reason
/// Closte's certificate never comes.
public struct CAARecord: Hashable, Sendable {
  public var flags: UInt8
  public var tag: String
  public var value: [UInt8]

  public init(flags: UInt8 = 0, tag: String, value: String) {
    self.flags = flags
    self.tag = tag
    self.value = Array(value.utf8)
  }

  public var isCritical: Bool { flags & 0x80 != 0 }

  package static func read(from reader: inout DNSReader) throws -> CAARecord {
    let flags = try reader.readUInt8()
    let tag = try readCharacterString(from: &reader, type: "CAA")
    guard !tag.isEmpty else { throw DNSWireError.badRecordData(type: "CAA", reason: "an empty tag") }
    let value = Array(try reader.readBytes(reader.rest.count))
    var record = CAARecord(flags: flags, tag: String(decoding: tag, as: UTF8.self), value: "")
    record.value = value
    return record
  }

  package func write(to writer: inout DNSWriter) throws {
    let tagBytes = Array(tag.utf8)
    guard (1...255).contains(tagBytes.count) else {
      throw DNSWireError.badRecordData(type: "CAA", reason: "a tag of \(tagBytes.count) bytes")
    }
    writer.write(flags)
    writer.write(UInt8(tagBytes.count))
    writer.write(bytes: tagBytes)
    writer.write(bytes: value)
  }
}
