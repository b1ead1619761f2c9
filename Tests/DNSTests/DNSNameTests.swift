import Testing

@testable import DNS

@Suite struct DNSNameTests {
  @Test(arguments: [
    ("example.com", "example.com", 2), ("Example.COM.", "example.com", 2), (".", ".", 0),
    ("*.shop.example", "*.shop.example", 3),
  ])
  func parsesText(text: String, printed: String, labels: Int) throws {
    let name = try DNSName(text)
    #expect(name.labels.count == labels)
    #expect(name == (try DNSName(printed)))
  }

  @Test(arguments: ["", "a..b", ".a", String(repeating: "a", count: 64) + ".com"])
  func refusesBadText(text: String) {
    #expect(throws: DNSWireError.self) { try DNSName(text) }
  }

  @Test func refusesNamesOver255Bytes() {
    // 4 labels of 63 bytes: 4 × 64 + 1 = 257 bytes on the wire.
    let long = Array(repeating: String(repeating: "a", count: 63), count: 4).joined(separator: ".")
    #expect(throws: DNSWireError.nameTooLong) { try DNSName(long) }
    let fits = Array(repeating: String(repeating: "a", count: 63), count: 3).joined(separator: ".")
    #expect((try? DNSName(fits)) != nil)
  }

  @Test func comparesWithoutCase() {
    #expect(DNSName("WWW.Example.com") == DNSName("www.example.COM"))
    #expect(Set([DNSName("A.test"), DNSName("a.test")]).count == 1)
    #expect(DNSName("a.b.example.com").isSubdomain(of: "example.com"))
    #expect(!DNSName("example.com").isSubdomain(of: "a.example.com"))
  }

  @Test func escapesOddBytesWhenPrinted() throws {
    let name = try DNSName(labels: [[0x61, 0x2E, 0x62], [0x20, 0x5C]])
    #expect(name.description == #"a\.b.\032\\"#)
  }

  // Reading names: the message bytes are written out, so each case shows the wire format.

  @Test func readsAPlainName() throws {
    var reader = DNSReader([3, 0x77, 0x77, 0x77, 4, 0x74, 0x65, 0x73, 0x74, 0, 0xAA])
    #expect(try DNSName.read(from: &reader) == "www.test")
    #expect(reader.offset == 10)
  }

  @Test func followsACompressionPointerAndResumesAfterIt() throws {
    // 0: "test", 6: "www" + pointer to 0, then one more byte.
    let bytes: [UInt8] = [4, 0x74, 0x65, 0x73, 0x74, 0, 3, 0x77, 0x77, 0x77, 0xC0, 0x00, 0xAA]
    var reader = DNSReader(bytes)
    _ = try reader.readBytes(6)
    #expect(try DNSName.read(from: &reader) == "www.test")
    #expect(reader.offset == 12)
    #expect(try reader.readUInt8() == 0xAA)
  }

  @Test func followsAChainOfPointers() throws {
    // 0: "test"; 6: "b" + ptr 0; 10: "a" + ptr 6; 14: ptr 10 → a.b.test
    let bytes: [UInt8] = [4, 0x74, 0x65, 0x73, 0x74, 0, 1, 0x62, 0xC0, 0, 1, 0x61, 0xC0, 6, 0xC0, 10]
    var reader = DNSReader(bytes)
    _ = try reader.readBytes(14)
    #expect(try DNSName.read(from: &reader) == "a.b.test")
    #expect(reader.isAtEnd)
  }

  @Test(arguments: [
    // A pointer to itself.
    ([UInt8]([0xC0, 0x00]), 0, DNSWireError.pointerLoop(offset: 0)),
    // Two names pointing at each other: from 4, "b" then 0; there "a" then back to 4.
    ([1, 0x61, 0xC0, 0x04, 1, 0x62, 0xC0, 0x00], 4, DNSWireError.pointerLoop(offset: 2)),
    // A forward pointer.
    ([0xC0, 0x02, 0x00], 0, DNSWireError.pointerLoop(offset: 0)),
    // A pointer past the end.
    ([0, 0xC0, 0x20], 1, DNSWireError.pointerOutOfRange(offset: 1, target: 32)),
    // A length byte of 64 (0b01 prefix): a label over 63.
    ([0x40] + Array(repeating: 0x61, count: 64) + [0], 0, DNSWireError.labelTooLong(offset: 0, length: 64)),
    // A length byte with the 0b10 prefix.
    ([0x80, 0], 0, DNSWireError.labelTooLong(offset: 0, length: 128)),
    // A label that runs past the end.
    ([5, 0x61, 0x62], 0, DNSWireError.truncated(offset: 1)),
    // No terminating zero.
    ([1, 0x61], 0, DNSWireError.truncated(offset: 2)),
    // Half a pointer.
    ([0xC0], 0, DNSWireError.truncated(offset: 1)),
  ])
  func refusesMalformedNames(bytes: [UInt8], start: Int, expected: DNSWireError) throws {
    var reader = DNSReader(bytes)
    _ = try reader.readBytes(start)
    #expect(throws: expected) { try DNSName.read(from: &reader) }
  }

  @Test func refusesANameOver255BytesBuiltWithPointers() throws {
    // 0: five labels of 50 bytes end at offset 255 with a zero; a name at 256: 50 bytes + ptr 0
    // makes 51 + 255 + 1 > 255.
    var bytes: [UInt8] = []
    for _ in 0..<5 { bytes += [50] + Array(repeating: 0x61, count: 50) }
    bytes.append(0)
    let start = bytes.count
    bytes += [50] + Array(repeating: 0x62, count: 50) + [0xC0, 0x00]
    var reader = DNSReader(bytes)
    _ = try reader.readBytes(start)
    #expect(throws: DNSWireError.nameTooLong) { try DNSName.read(from: &reader) }
  }
}
