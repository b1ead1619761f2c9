/// A whole DNS message (RFC 1035 §4.1): header, then the question, answer, authority and
/// additional sections.
///
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                      ID                       |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |QR|   Opcode  |AA|TC|RD|RA|   Z    |   RCODE   |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                    QDCOUNT                    |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                    ANCOUNT                    |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                    NSCOUNT                    |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                    ARCOUNT                    |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///
/// The id is a parameter, never drawn inside the codec, so tests compare exact bytes.
public struct DNSMessage: Hashable, Sendable {
  public var id: UInt16
  public var isResponse: Bool
  public var opcode: UInt8
  public var isAuthoritative: Bool
  public var isTruncated: Bool
  public var recursionDesired: Bool
  public var recursionAvailable: Bool
  public var responseCode: DNSResponseCode
  public var questions: [DNSQuestion]
  public var answers: [DNSRecord]
  public var authorities: [DNSRecord]
  public var additionals: [DNSRecord]

  public init(
    id: UInt16, isResponse: Bool = false, opcode: UInt8 = 0, isAuthoritative: Bool = false,
    isTruncated: Bool = false, recursionDesired: Bool = true, recursionAvailable: Bool = false,
    responseCode: DNSResponseCode = .noError, questions: [DNSQuestion] = [], answers: [DNSRecord] = [],
    authorities: [DNSRecord] = [], additionals: [DNSRecord] = []
  ) {
    self.id = id
    self.isResponse = isResponse
    self.opcode = opcode
    self.isAuthoritative = isAuthoritative
    self.isTruncated = isTruncated
    self.recursionDesired = recursionDesired
    self.recursionAvailable = recursionAvailable
    self.responseCode = responseCode
    self.questions = questions
    self.answers = answers
    self.authorities = authorities
    self.additionals = additionals
  }

  /// A standard query with recursion desired, as a stub resolver sends it.
  public static func query(id: UInt16, name: DNSName, type: DNSRecordType) -> DNSMessage {
    DNSMessage(id: id, questions: [DNSQuestion(name: name, type: type)])
  }

  public func encode(compress: Bool = true) throws -> [UInt8] {
    var writer = DNSWriter(compress: compress)
    writer.write(id)
    var flags = UInt16(opcode & 0x0F) << 11 | UInt16(responseCode.rawValue & 0x0F)
    if isResponse { flags |= 0x8000 }
    if isAuthoritative { flags |= 0x0400 }
    if isTruncated { flags |= 0x0200 }
    if recursionDesired { flags |= 0x0100 }
    if recursionAvailable { flags |= 0x0080 }
    writer.write(flags)
    for count in [questions.count, answers.count, authorities.count, additionals.count] {
      guard count <= Int(UInt16.max) else {
        throw DNSWireError.badRecordData(type: "message", reason: "too many records")
      }
      writer.write(UInt16(count))
    }
    for question in questions { question.write(to: &writer) }
    for record in answers + authorities + additionals { try record.write(to: &writer) }
    return writer.bytes
  }

  /// Decodes a whole message; anything malformed throws a `DNSWireError`, never traps.
  public static func decode(_ bytes: [UInt8]) throws -> DNSMessage {
    var reader = DNSReader(bytes)
    var message = try readHeader(from: &reader)
    let counts = try (0..<4).map { _ in Int(try reader.readUInt16()) }
    message.questions = try (0..<counts[0]).map { _ in try DNSQuestion.read(from: &reader) }
    message.answers = try (0..<counts[1]).map { _ in try DNSRecord.read(from: &reader) }
    message.authorities = try (0..<counts[2]).map { _ in try DNSRecord.read(from: &reader) }
    message.additionals = try (0..<counts[3]).map { _ in try DNSRecord.read(from: &reader) }
    guard reader.isAtEnd else { throw DNSWireError.trailingBytes(count: reader.rest.count) }
    return message
  }

  /// The id and flags alone, with empty sections: enough to see that a UDP answer cut short
  /// mid-record was truncated (TC), so the question goes again over TCP.
  public static func decodeHeader(_ bytes: [UInt8]) throws -> DNSMessage {
    var reader = DNSReader(bytes)
    return try readHeader(from: &reader)
  }

  private static func readHeader(from reader: inout DNSReader) throws -> DNSMessage {
    let id = try reader.readUInt16()
    let flags = try reader.readUInt16()
    return DNSMessage(
      id: id, isResponse: flags & 0x8000 != 0, opcode: UInt8((flags >> 11) & 0x0F),
      isAuthoritative: flags & 0x0400 != 0, isTruncated: flags & 0x0200 != 0,
      recursionDesired: flags & 0x0100 != 0, recursionAvailable: flags & 0x0080 != 0,
      responseCode: DNSResponseCode(rawValue: UInt8(flags & 0x0F)))
  }
}

/// The question section's entry (RFC 1035 §4.1.2): QNAME, QTYPE, QCLASS.
public struct DNSQuestion: Hashable, Sendable {
  public var name: DNSName
  public var type: DNSRecordType
  public var questionClass: DNSClass

  public init(name: DNSName, type: DNSRecordType, questionClass: DNSClass = .internet) {
    self.name = name
    self.type = type
    self.questionClass = questionClass
  }

  package static func read(from reader: inout DNSReader) throws -> DNSQuestion {
    DNSQuestion(
      name: try DNSName.read(from: &reader), type: DNSRecordType(rawValue: try reader.readUInt16()),
      questionClass: DNSClass(rawValue: try reader.readUInt16()))
  }

  package func write(to writer: inout DNSWriter) {
    writer.write(name)
    writer.write(type.rawValue)
    writer.write(questionClass.rawValue)
  }
}

/// RCODE (RFC 1035 §4.1.1): what the server made of the question.
public struct DNSResponseCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let noError = DNSResponseCode(rawValue: 0)
  public static let formatError = DNSResponseCode(rawValue: 1)
  public static let serverFailure = DNSResponseCode(rawValue: 2)
  public static let nameError = DNSResponseCode(rawValue: 3)
  public static let notImplemented = DNSResponseCode(rawValue: 4)
  public static let refused = DNSResponseCode(rawValue: 5)

  public var description: String {
    ["NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED"].dropFirst(Int(rawValue)).first
      ?? "RCODE\(rawValue)"
  }
}
