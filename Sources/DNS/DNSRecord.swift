import Values

/// One resource record (RFC 1035 §4.1.3).
///
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     /                      NAME                     /
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                      TYPE                     |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                     CLASS                     |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                      TTL                      |
///     |                                               |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                   RDLENGTH                    |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--|
///     /                     RDATA                     /
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
public struct DNSRecord: Hashable, Sendable {
  public var name: DNSName
  public var recordClass: DNSClass
  public var ttl: UInt32
  public var data: DNSRecordData

  public init(name: DNSName, ttl: UInt32, data: DNSRecordData, recordClass: DNSClass = .internet) {
    self.name = name
    self.recordClass = recordClass
    self.ttl = ttl
    self.data = data
  }

  public var type: DNSRecordType { data.type }

  package static func read(from reader: inout DNSReader) throws -> DNSRecord {
    let name = try DNSName.read(from: &reader)
    let type = DNSRecordType(rawValue: try reader.readUInt16())
    let recordClass = DNSClass(rawValue: try reader.readUInt16())
    let ttl = try reader.readUInt32()
    let length = Int(try reader.readUInt16())
    var rdata = try reader.subReader(length)
    let data = try DNSRecordData.read(type: type, from: &rdata)
    guard rdata.isAtEnd else {
      throw DNSWireError.badRecordData(type: type.description, reason: "\(rdata.rest.count) bytes past its fields")
    }
    return DNSRecord(name: name, ttl: ttl, data: data, recordClass: recordClass)
  }

  package func write(to writer: inout DNSWriter) throws {
    writer.write(name)
    writer.write(type.rawValue)
    writer.write(recordClass.rawValue)
    writer.write(ttl)
    try writer.writeLengthPrefixed { try data.write(to: &$0) }
  }
}

/// The RDATA of a record, typed for the records closte reads; any other type keeps its raw bytes.
public enum DNSRecordData: Hashable, Sendable, CustomStringConvertible {
  case a(ARecord)
  case aaaa(AAAARecord)
  case cname(CNAMERecord)
  case ns(NSRecord)
  case txt(TXTRecord)
  case soa(SOARecord)
  case caa(CAARecord)
  case other(DNSRecordType, [UInt8])

  public var type: DNSRecordType {
    switch self {
    case .a: return .a
    case .aaaa: return .aaaa
    case .cname: return .cname
    case .ns: return .ns
    case .txt: return .txt
    case .soa: return .soa
    case .caa: return .caa
    case .other(let type, _): return type
    }
  }

  /// The value as `dig +short` would show it.
  public var description: String {
    switch self {
    case .a(let record): return record.address.description
    case .aaaa(let record): return record.address.description
    case .cname(let record): return record.target.description
    case .ns(let record): return record.host.description
    case .txt(let record): return record.strings.map { quoted($0) }.joined(separator: " ")
    case .soa(let soa):
      return "\(soa.primaryServer) \(soa.responsibleMailbox) \(soa.serial) \(soa.refresh) \(soa.retry) "
        + "\(soa.expire) \(soa.minimum)"
    case .caa(let caa): return "\(caa.flags) \(caa.tag) \(quoted(caa.value))"
    case .other(_, let bytes):
      return "\\# \(bytes.count)"
        + (bytes.isEmpty ? "" : " " + bytes.map { Hex.text($0, digits: 2, uppercase: true) }.joined())
    }
  }

  package static func read(type: DNSRecordType, from reader: inout DNSReader) throws -> DNSRecordData {
    switch type {
    case .a: return .a(try ARecord.read(from: &reader))
    case .aaaa: return .aaaa(try AAAARecord.read(from: &reader))
    case .cname: return .cname(try CNAMERecord.read(from: &reader))
    case .ns: return .ns(try NSRecord.read(from: &reader))
    case .txt: return .txt(try TXTRecord.read(from: &reader))
    case .soa: return .soa(try SOARecord.read(from: &reader))
    case .caa: return .caa(try CAARecord.read(from: &reader))
    default: return .other(type, Array(try reader.readBytes(reader.rest.count)))
    }
  }

  package func write(to writer: inout DNSWriter) throws {
    switch self {
    case .a(let record): record.write(to: &writer)
    case .aaaa(let record): record.write(to: &writer)
    case .cname(let record): record.write(to: &writer)
    case .ns(let record): record.write(to: &writer)
    case .txt(let record): try record.write(to: &writer)
    case .soa(let record): record.write(to: &writer)
    case .caa(let record): try record.write(to: &writer)
    case .other(_, let bytes): writer.write(bytes: bytes)
    }
  }
}

private func quoted(_ bytes: [UInt8]) -> String {
  var text = "\""
  for byte in bytes {
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): text += "\\" + String(UnicodeScalar(byte))
    case 0x20...0x7E: text.unicodeScalars.append(UnicodeScalar(byte))
    default:
      let digits = String(byte)
      text += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
    }
  }
  return text + "\""
}
