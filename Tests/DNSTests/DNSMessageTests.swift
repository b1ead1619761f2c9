import Testing

@testable import DNS

@Suite struct DNSMessageTests {
  static let exampleQuery: [UInt8] = [
    0x12, 0x34,  // id
    0x01, 0x00,  // flags: RD
    0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  // QDCOUNT 1
    7, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65, 3, 0x63, 0x6F, 0x6D, 0,  // example.com
    0x00, 0x01, 0x00, 0x01,  // A, IN
  ]

  /// A real-looking answer to that query: a CNAME www → example.com and its A record, names compressed.
  static let exampleAnswer: [UInt8] = [
    0x12, 0x34, 0x81, 0x80,  // QR RD RA, NOERROR
    0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,
    3, 0x77, 0x77, 0x77, 7, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65, 3, 0x63, 0x6F, 0x6D, 0,  // 12: www.example.com
    0x00, 0x01, 0x00, 0x01,
    0xC0, 0x0C, 0x00, 0x05, 0x00, 0x01, 0x00, 0x00, 0x0E, 0x10, 0x00, 0x02, 0xC0, 0x10,  // CNAME → example.com (ptr 16)
    0xC0, 0x10, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x01, 0x2C, 0x00, 0x04, 203, 0, 113, 10,  // A 203.0.113.10
  ]

  @Test func encodesAQueryByteForByte() throws {
    let query = DNSMessage.query(id: 0x1234, name: "example.com", type: .a)
    #expect(try query.encode(compress: false) == DNSMessageTests.exampleQuery)
    #expect(try query.encode() == DNSMessageTests.exampleQuery)
  }

  @Test func decodesAnAnswerWithCompressionPointers() throws {
    let message = try DNSMessage.decode(DNSMessageTests.exampleAnswer)
    #expect(message.id == 0x1234)
    #expect(message.isResponse && message.recursionDesired && message.recursionAvailable)
    #expect(!message.isTruncated)
    #expect(message.responseCode == .noError)
    #expect(message.questions == [DNSQuestion(name: "www.example.com", type: .a)])
    #expect(
      message.answers == [
        DNSRecord(name: "www.example.com", ttl: 3600, data: .cname(CNAMERecord("example.com"))),
        DNSRecord(
          name: "example.com", ttl: 300, data: .a(ARecord(try #require(IPv4Address("203.0.113.10"))))),
      ])
  }

  @Test func encodesWithTheSamePointersARealServerUses() throws {
    let message = try DNSMessage.decode(DNSMessageTests.exampleAnswer)
    #expect(try message.encode() == DNSMessageTests.exampleAnswer)
  }

  @Test func everyTruncationOfAnAnswerIsAnErrorNeverACrash() {
    let bytes = DNSMessageTests.exampleAnswer
    for length in 0..<bytes.count {
      #expect(throws: DNSWireError.self) { try DNSMessage.decode(Array(bytes.prefix(length))) }
    }
  }

  @Test func everyTruncationKeepsATruncatedHeaderReadable() throws {
    var bytes = DNSMessageTests.exampleAnswer
    bytes[2] |= 0x02  // TC
    let header = try DNSMessage.decodeHeader(Array(bytes.prefix(40)))
    #expect(header.isTruncated && header.id == 0x1234)
  }

  @Test func refusesTrailingBytes() {
    #expect(throws: DNSWireError.trailingBytes(count: 1)) {
      try DNSMessage.decode(DNSMessageTests.exampleQuery + [0])
    }
  }

  @Test(arguments: [
    // An A record with 5 bytes of RDATA.
    ("A", [UInt8]([0x00, 0x01]), [UInt8]([1, 2, 3, 4, 5])),
    // An AAAA record with 4.
    ("AAAA", [0x00, 0x1C], [1, 2, 3, 4]),
    // A CNAME whose name runs past RDLENGTH (the bytes after belong to nothing).
    ("CNAME", [0x00, 0x05], [3, 0x61, 0x62]),
    // A TXT string longer than its RDATA.
    ("TXT", [0x00, 0x10], [9, 0x61]),
    // A CAA with an empty tag.
    ("CAA", [0x01, 0x01], [0, 0]),
    // An SOA cut before its numbers end.
    ("SOA", [0x00, 0x06], [0, 0, 0, 0, 0, 1]),
  ])
  func refusesMalformedRecordData(type: String, typeBytes: [UInt8], rdata: [UInt8]) {
    var bytes: [UInt8] = [0, 1, 0x81, 0x80, 0, 0, 0, 1, 0, 0, 0, 0]
    bytes += [0] + typeBytes + [0, 1, 0, 0, 0, 60] + [0, UInt8(rdata.count)] + rdata
    #expect(throws: DNSWireError.self) { try DNSMessage.decode(bytes) }
  }

  static let everyType: [DNSRecordData] = [
    .a(ARecord(IPv4Address(bytes: [192, 0, 2, 1]))),
    .aaaa(AAAARecord(IPv6Address(bytes: [0x20, 0x01, 0x0D, 0xB8] + Array(repeating: 0, count: 11) + [1]))),
    .cname(CNAMERecord("target.example.com")),
    .ns(NSRecord("ns1.example.com")),
    .txt(TXTRecord([Array("v=spf1 -all".utf8), [], Array(repeating: 0x41, count: 255)])),
    .soa(
      SOARecord(
        primaryServer: "ns1.example.com", responsibleMailbox: "hostmaster.example.com", serial: 2_024_062_501,
        refresh: 7200, retry: 3600, expire: 1_209_600, minimum: 300)),
    .caa(CAARecord(flags: 128, tag: "issue", value: "letsencrypt.org")),
    .other(DNSRecordType(rawValue: 99), [1, 2, 3]),
  ]

  @Test(arguments: [true, false])
  func roundTripsEveryRecordType(compress: Bool) throws {
    let records = DNSMessageTests.everyType.map { DNSRecord(name: "example.com", ttl: 60, data: $0) }
    let message = DNSMessage(
      id: 7, isResponse: true, isAuthoritative: true, recursionAvailable: true, responseCode: .nameError,
      questions: [DNSQuestion(name: "example.com", type: .a)], answers: Array(records.prefix(4)),
      authorities: [records[5]], additionals: [records[4], records[6], records[7]])
    let bytes = try message.encode(compress: compress)
    #expect(try DNSMessage.decode(bytes) == message)
  }

  @Test func compressionMakesTheMessageShorter() throws {
    let records = (1...5).map { index in
      DNSRecord(name: "www.example.com", ttl: 60, data: .ns(NSRecord(try! DNSName("ns\(index).example.com"))))
    }
    let message = DNSMessage(id: 1, isResponse: true, answers: records)
    #expect(try message.encode().count < message.encode(compress: false).count)
  }

  @Test(arguments: [
    (DNSRecordData.txt(TXTRecord([Array("a \"q\"".utf8)])), #""a \"q\"""#),
    (.caa(CAARecord(tag: "issue", value: "letsencrypt.org")), #"0 issue "letsencrypt.org""#),
    (.other(DNSRecordType(rawValue: 99), [0xAB, 1]), ##"\# 2 AB01"##),
    (
      .soa(
        SOARecord(
          primaryServer: "ns.t", responsibleMailbox: "h.t", serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5)),
      "ns.t h.t 1 2 3 4 5"
    ),
  ])
  func printsValuesAsDigDoes(data: DNSRecordData, text: String) {
    #expect(data.description == text)
  }

  @Test(arguments: [("A", 1), ("aaaa", 28), ("CAA", 257), ("TYPE99", 99)])
  func namesRecordTypes(text: String, value: UInt16) {
    #expect(DNSRecordType(text)?.rawValue == value)
    #expect(DNSRecordType(rawValue: value).description == text.uppercased())
  }
}
