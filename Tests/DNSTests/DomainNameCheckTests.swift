import Testing

@testable import DNS
@testable import Diagnostics

/// A name to look up goes through the same UTS #46 processing as a domain for Closte (IDNATests),
/// with `_` and `--` allowed in its labels.
@Suite struct DomainNameCheckTests {
  @Test(arguments: [
    ("_acme-challenge.bücher.de", "_acme-challenge.xn--bcher-kva.de"),
    ("r3---sn-abc.example.com", "r3---sn-abc.example.com"),
    ("ｅｘａｍｐｌｅ.com", "example.com"),
  ])
  func namesToLookUpGoThroughTheSameProcessing(_ input: String, _ expected: String) throws {
    #expect(try DomainNameCheck.parse(input).description == expected)
  }

  @Test(arguments: ["a\u{200D}b.com", "😀.com", "xn--zz.com", "\u{FFFD}.com", "xn---tda.com", "_bü.de"])
  func namesToLookUpAreRefusedAsHostNamesAre(_ input: String) {
    #expect(throws: ClosteError.self) { try DomainNameCheck.parse(input) }
  }
}
