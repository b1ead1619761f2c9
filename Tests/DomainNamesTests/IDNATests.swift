import Testing

@testable import Diagnostics
@testable import DomainNames

/// The classes of names that used to become junk or look-alike punycode, each as UTS #46 says:
/// mapped, ignored, or refused with `invalid_domain` (exit 2) and a reason that names the problem.
@Suite struct IDNATests {
  @Test(arguments: [
    ("bücher.example", "xn--bcher-kva.example"),
    ("BÜCHER.example.", "xn--bcher-kva.example"),
    ("XN--BCHER-KVA.example", "xn--bcher-kva.example"),
    ("ex\u{00AD}ample.com", "example.com"),  // soft hyphen: ignored
    ("ex\u{200B}ample.com", "example.com"),  // zero width space: ignored (UTS #46 since Unicode 15.1)
    ("ex\u{FEFF}ample.com", "example.com"),  // zero width no-break space: ignored
    ("ｅｘａｍｐｌｅ．ｃｏｍ", "example.com"),  // fullwidth: mapped
    ("ＢÜＣＨＥＲ.de", "xn--bcher-kva.de"),
    ("＊．example.com", "*.example.com"),
    ("faß.de", "xn--fa-hia.de"),  // deviation: kept (non-transitional)
    ("ς.gr", "xn--3xa.gr"),
    ("\u{0915}\u{094D}\u{200D}\u{0937}.in", "xn--11b2ezcw70k.in"),  // ZWJ after a virama
    ("\u{0646}\u{0627}\u{0645}\u{0647}\u{200C}\u{0627}\u{06CC}.ir", "xn--mgba3gch31f060k.ir"),  // ZWNJ, joining
    ("l\u{00B7}l.cat", "xn--ll-0ea.cat"),
    ("ﬁ.com", "fi.com"),
    ("مثال.إختبار", "xn--mgbh0fb.xn--kgbechtv"),
  ])
  func mapsAsUTS46Says(_ input: String, _ expected: String) throws {
    #expect(try DomainName(validating: input).name == expected)
  }

  @Test(arguments: [
    ("a\u{200D}b.com", "joiner U+200D"),  // ZWJ out of context
    ("a\u{200C}b.com", "joiner U+200C"),  // ZWNJ out of context
    ("😀.com", "U+1F600"),
    ("i❤.ws", "U+2764"),
    ("\u{FFFD}.com", "U+FFFD (the replacement character"),
    ("ex\u{202E}ample.com", "U+202E"),  // right-to-left override
    ("\u{0301}ab.com", "combining mark"),
    ("ab--cd.com", "third and fourth places"),
    ("xn--zz.com", "not valid punycode"),
    ("xn--.com", "not valid punycode"),
    ("xn--abc-.com", "not valid punycode"),
    ("xn---tda.com", "is not how 'ü' is written in punycode"),
    ("xn--bcher-2pa.de", "U+00DC"),  // decodes to bÜcher: upper case is never in an xn-- label
    ("xn--ls8h.la", "U+1F4A9"),
    ("1مثال.com", "Bidi rule"),
    ("مثال.1com", "Bidi rule"),  // every label of a Bidi domain name
    ("مثالa.com", "Bidi rule"),
    ("\u{0661}\u{06F1}.com", "U+0661"),  // Arabic-Indic digits beside extended ones
    ("l\u{00B7}.cat", "U+00B7"),
  ])
  func refusesWithAReason(_ input: String, _ reason: String) {
    DomainNameTests().refuses(input, reason)
  }

  @Test func invalidUTF8IsRefusedNotEncoded() {
    for bytes: [UInt8] in [[0x62, 0xFC, 0x2E, 0x64, 0x65], [0xFF, 0x2E, 0x63, 0x6F], [0xED, 0xA0, 0x80, 0x2E, 0x63]] {
      #expect(throws: ClosteError.self) { try DomainName(validating: String(decoding: bytes, as: UTF8.self)) }
    }
  }

  @Test func aMessageShowsInvisibleCharactersEscaped() {
    do {
      let name = try DomainName(validating: "ex\u{202E}moc.elpmaxe")
      Issue.record("accepted as \(name)")
    } catch let error as ClosteError {
      #expect(!error.message.unicodeScalars.contains("\u{202E}"))
      #expect(error.message.contains("\\u{202e}"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func oneDomainHasOneKey() {
    let keys = ["bücher.example", "BÜCHER.example.", "xn--bcher-kva.example", "XN--Bcher-Kva.Example"]
      .map(DomainName.comparisonKey)
    #expect(Set(keys) == ["xn--bcher-kva.example"])
    #expect(DomainName.comparisonKey("not a domain") == "not a domain")
  }

  @Test func theBidiRuleOnClasses() {
    func rule(_ classes: String) -> Bool { IDNA.satisfiesBidiRule(Array(classes.utf8)) }
    #expect(rule("RRR"))
    #expect(rule("REM"))
    #expect(!rule("RLR"))  // 2: no L in a right-to-left label
    #expect(!rule("RO"))  // 3: ends with R, AL, EN or AN
    #expect(!rule("RNE"))  // 4: not both AN and EN
    #expect(!rule("ER"))  // 1: starts L, R or AL
    #expect(rule("LEL"))
    #expect(!rule("LR"))  // 5
    #expect(!rule("LS"))  // 6
    #expect(rule("LEMM"))
  }
}
