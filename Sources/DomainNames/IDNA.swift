/// A domain name to ASCII as UTS #46 processing does it (Unicode IDNA Compatibility Processing,
/// section 4): non-transitional mapping, NFC, then each label checked by IDNA2008's rules: its code
/// points (RFC 5892: PVALID, CONTEXTJ for the joiners ZWJ/ZWNJ, CONTEXTO), hyphens, no leading
/// combining mark, the Bidi rule of RFC 5893 in a name that holds right-to-left text, and for an
/// `xn--` label: valid punycode that decodes to such a label and encodes back to the same one.
/// What Python's `idna.encode(name, uts46=True)` accepts and writes, apart from closte's rules
/// in `DomainName` (wildcards, numeric top labels) and two stricter ones here: the round trip of
/// `xn--` labels, and the Bidi rule for every label of a Bidi domain name (UTS #46 4.1 step 8).
package enum IDNA {
  /// Why a name was refused, in words for an `invalid_domain` message.
  package struct Refusal: Error, Equatable {
    package var reason: String

    package init(reason: String) {
      self.reason = reason
    }
  }

  package enum Mode {
    /// A name closte sends to Closte: every label as UTS #46 says.
    case hostName
    /// A name to look up in DNS: an ASCII label (not `xn--`) may also hold `_` and `--`
    /// (`_acme-challenge`, `r3---sn-abc`); any other label is checked as a host name's.
    case lookup
  }

  /// The labels of `input` in ASCII: lower case, `xn--` punycode, without the root's final dot.
  /// A first label `*` is kept as it is (the callers decide about wildcards).
  package static func asciiLabels(_ input: String, mode: Mode = .hostName) throws(Refusal) -> [String] {
    let text = try mapped(input)
    var labels = text.split(separator: ".", omittingEmptySubsequences: false)
    if labels.count > 1, labels.last?.isEmpty == true { labels.removeLast() }
    if labels == [""] { throw Refusal(reason: "it is empty") }
    var ascii: [String] = []
    var unicodeLabels: [[Unicode.Scalar]] = []
    for (position, label) in labels.enumerated() {
      if label.isEmpty { throw Refusal(reason: "it has an empty label (two dots in a row, or a leading dot)") }
      if label == "*" && position == 0 {
        if labels.count == 1 { throw Refusal(reason: "a wildcard needs a domain after `*.`") }
        ascii.append("*")
        continue
      }
      if label.contains("*") {
        throw Refusal(reason: "a wildcard may only be the whole leftmost label, as in *.example.com")
      }
      let encoded: String
      if label.utf8.allSatisfy({ $0 < 0x80 }) && !label.hasPrefix("xn--") {
        let loose = mode == .lookup
        try checkASCII(label, underscores: loose, doubleHyphens: loose)
        encoded = String(label)
        if !(loose && label.contains("_")) { unicodeLabels.append(Array(label.unicodeScalars)) }
      } else if label.hasPrefix("xn--") {
        let decoded = try decodeALabel(label)
        try checkULabel(decoded, shown: String(label))
        encoded = String(label)
        unicodeLabels.append(decoded)
      } else {
        let scalars = Array(label.unicodeScalars)
        try checkULabel(scalars, shown: String(label))
        guard let punycode = try? Punycode.encode(String(label)) else {
          throw Refusal(reason: "label '\(label)' cannot be written in punycode")
        }
        encoded = "xn--" + punycode
        unicodeLabels.append(scalars)
      }
      if encoded.utf8.count > DomainName.maximumLabelLength {
        throw Refusal(reason: "label '\(label)' is longer than \(DomainName.maximumLabelLength) characters")
      }
      ascii.append(encoded)
    }
    try checkBidiDomain(unicodeLabels)
    return ascii
  }

  // MARK: - Mapping (UTS #46 section 4, steps 1 and 2)

  /// The input mapped code point by code point, then in NFC.
  package static func mapped(_ input: String) throws(Refusal) -> String {
    if input.utf8.allSatisfy({ $0 < 0x80 }) { return input.lowercased() }
    let data = IDNAData.shared
    var output = String.UnicodeScalarView()
    for scalar in input.unicodeScalars {
      switch data.mapping(of: scalar) {
      case .valid: output.append(scalar)
      case .ignored: continue
      case .mapped(let replacement): output.append(contentsOf: replacement)
      case .disallowed: throw Refusal(reason: "it contains \(describe(scalar)), which a domain name cannot hold")
      }
    }
    return nfc(String(output))
  }

  /// Canonical composition (NFC), by the standard library's own normaliser (the one `String`
  /// comparison uses), so closte needs neither Foundation nor ICU for it.
  package static func nfc(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
    return String(decoding: text._nfcCodeUnits, as: UTF8.self)
  }

  // MARK: - Labels (UTS #46 section 4.1, RFC 5891 section 5.4)

  private static func checkASCII(_ label: Substring, underscores: Bool, doubleHyphens: Bool) throws(Refusal) {
    for byte in label.utf8 {
      let allowed =
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        || byte == UInt8(ascii: "-") || (underscores && byte == UInt8(ascii: "_"))
      if !allowed { throw Refusal(reason: "label '\(label)' contains '\(Character(Unicode.Scalar(byte)))'") }
    }
    try checkHyphens(Array(label.unicodeScalars), shown: String(label), doubleHyphens: doubleHyphens)
  }

  private static func checkHyphens(_ label: [Unicode.Scalar], shown: String, doubleHyphens: Bool) throws(Refusal) {
    if label.first == "-" || label.last == "-" {
      throw Refusal(reason: "label '\(shown)' starts or ends with a hyphen")
    }
    if !doubleHyphens && label.count >= 4 && label[2] == "-" && label[3] == "-" {
      throw Refusal(reason: "label '\(shown)' has '--' in its third and fourth places, which only xn-- labels may")
    }
  }

  /// An `xn--` label's Unicode form: valid punycode of a label with non-ASCII that encodes back to
  /// exactly this label (so one name has one spelling).
  private static func decodeALabel(_ label: Substring) throws(Refusal) -> [Unicode.Scalar] {
    let body = String(label.dropFirst(4))
    guard label.utf8.allSatisfy({ $0 < 0x80 }), !body.isEmpty, !body.hasSuffix("-"),
      let decoded = try? Punycode.decode(body)
    else { throw Refusal(reason: "label '\(label)' is not valid punycode") }
    guard decoded.unicodeScalars.contains(where: { !$0.isASCII }) else {
      throw Refusal(reason: "label '\(label)' decodes to plain ASCII ('\(decoded)'), which is never written as xn--")
    }
    guard (try? Punycode.encode(decoded)) == body else {
      throw Refusal(reason: "label '\(label)' is not how '\(decoded)' is written in punycode")
    }
    return Array(decoded.unicodeScalars)
  }

  /// IDNA2008's rules for a label with non-ASCII (as typed and mapped, or decoded from `xn--`).
  private static func checkULabel(_ label: [Unicode.Scalar], shown: String) throws(Refusal) {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: label)
    // Compared as code points: String's == already treats canonically equivalent text as equal.
    if Array(nfc(String(view)).unicodeScalars) != label {
      throw Refusal(reason: "label '\(shown)' is not in Unicode normalization form C")
    }
    try checkHyphens(label, shown: shown, doubleHyphens: false)
    if let first = label.first, isMark(first) {
      throw Refusal(reason: "label '\(shown)' starts with a combining mark (\(describe(first)))")
    }
    let data = IDNAData.shared
    for (index, scalar) in label.enumerated() {
      let properties = data.properties(of: scalar)
      switch properties.codePointClass {
      case .pvalid: break
      case .contextJ:
        guard joinerIsInContext(label, index) else {
          throw Refusal(reason: "label '\(shown)' has the joiner \(describe(scalar)) where IDNA2008 does not allow it")
        }
      case .contextO:
        guard otherIsInContext(label, index) else {
          throw Refusal(reason: "label '\(shown)' has \(describe(scalar)) where IDNA2008 does not allow it")
        }
      case .disallowed:
        throw Refusal(reason: "label '\(shown)' contains \(describe(scalar)), which a domain name cannot hold")
      }
      if properties.bidi == UInt8(ascii: "U") {
        throw Refusal(
          reason: "label '\(shown)' contains \(describe(scalar)), which closte's Unicode data does not know")
      }
    }
  }

  private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  /// RFC 5892 appendix A.1 (ZWNJ) and A.2 (ZWJ): after a virama, or ZWNJ between joining letters.
  private static func joinerIsInContext(_ label: [Unicode.Scalar], _ index: Int) -> Bool {
    if index > 0 && label[index - 1].properties.canonicalCombiningClass.rawValue == 9 { return true }
    guard label[index] == "\u{200C}" else { return false }
    let data = IDNAData.shared
    func joining(_ position: Int) -> UInt8 { data.properties(of: label[position]).joining }
    var before = index - 1
    while before >= 0 && joining(before) == UInt8(ascii: "T") { before -= 1 }
    guard before >= 0, [UInt8(ascii: "L"), UInt8(ascii: "D")].contains(joining(before)) else { return false }
    var after = index + 1
    while after < label.count && joining(after) == UInt8(ascii: "T") { after += 1 }
    return after < label.count && [UInt8(ascii: "R"), UInt8(ascii: "D")].contains(joining(after))
  }

  /// RFC 5892 appendix A.3 to A.9.
  private static func otherIsInContext(_ label: [Unicode.Scalar], _ index: Int) -> Bool {
    let data = IDNAData.shared
    func script(_ scalar: Unicode.Scalar) -> UInt8 { data.properties(of: scalar).script }
    let value = label[index].value
    switch value {
    case 0x00B7:  // MIDDLE DOT, only in l·l (Catalan)
      return index > 0 && index + 1 < label.count && label[index - 1] == "l" && label[index + 1] == "l"
    case 0x0375:  // GREEK LOWER NUMERAL SIGN, before a Greek letter
      return index + 1 < label.count && script(label[index + 1]) == UInt8(ascii: "G")
    case 0x05F3, 0x05F4:  // HEBREW PUNCTUATION GERESH and GERSHAYIM, after a Hebrew letter
      return index > 0 && script(label[index - 1]) == UInt8(ascii: "H")
    case 0x30FB:  // KATAKANA MIDDLE DOT, in a label with Hiragana, Katakana or Han
      return label.contains { $0.value != 0x30FB && [0x49, 0x4B, 0x43].contains(script($0)) }
    case 0x0660...0x0669:  // ARABIC-INDIC DIGITS, never beside the extended ones
      return !label.contains { (0x06F0...0x06F9).contains($0.value) }
    case 0x06F0...0x06F9:
      return !label.contains { (0x0660...0x0669).contains($0.value) }
    default:
      return false
    }
  }

  // MARK: - Bidi (RFC 5893 section 2)

  /// In a Bidi domain name (one with a right-to-left character: Bidi class R, AL or AN), every
  /// label must satisfy the six conditions of the Bidi rule.
  private static func checkBidiDomain(_ labels: [[Unicode.Scalar]]) throws(Refusal) {
    let data = IDNAData.shared
    let rightToLeft: Set<UInt8> = [UInt8(ascii: "R"), UInt8(ascii: "A"), UInt8(ascii: "N")]
    let classes = labels.map { label in label.map { $0.isASCII ? asciiBidi($0) : data.properties(of: $0).bidi } }
    guard classes.contains(where: { $0.contains(where: rightToLeft.contains) }) else { return }
    for (label, bidi) in zip(labels, classes) where !satisfiesBidiRule(bidi) {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: label)
      throw Refusal(
        reason: "label '\(String(view))' breaks the Bidi rule for names with right-to-left text (RFC 5893)")
    }
  }

  /// The Bidi class of the ASCII a label may hold: letters L, digits EN, `-` ES.
  private static func asciiBidi(_ scalar: Unicode.Scalar) -> UInt8 {
    switch scalar {
    case "0"..."9": return UInt8(ascii: "E")
    case "-": return UInt8(ascii: "S")
    default: return UInt8(ascii: "L")
    }
  }

  /// The six conditions, on a label's Bidi classes (letters as in `IDNAData.Properties`).
  package static func satisfiesBidiRule(_ classes: [UInt8]) -> Bool {
    func letters(_ text: String) -> Set<UInt8> { Set(text.utf8) }
    guard let first = classes.first else { return false }
    let trimmed = classes.reversed().drop { $0 == UInt8(ascii: "M") }
    guard let last = trimmed.first else { return false }
    if first == UInt8(ascii: "R") || first == UInt8(ascii: "A") {
      // 2: only R, AL, AN, EN, ES, CS, ET, ON, BN, NSM; 3: ends R, AL, EN or AN (then NSM);
      // 4: not both EN and AN.
      return classes.allSatisfy(letters("RANESCTOBM").contains) && letters("RAEN").contains(last)
        && !(classes.contains(UInt8(ascii: "E")) && classes.contains(UInt8(ascii: "N")))
    }
    // 1: starts L, R or AL; 5: only L, EN, ES, CS, ET, ON, BN, NSM; 6: ends L or EN (then NSM).
    return first == UInt8(ascii: "L") && classes.allSatisfy(letters("LESCTOBM").contains)
      && letters("LE").contains(last)
  }

  /// `U+200B`, and a word on the replacement character, which is what invalid UTF-8 became.
  package static func describe(_ scalar: Unicode.Scalar) -> String {
    var hex = String(scalar.value, radix: 16, uppercase: true)
    while hex.count < 4 { hex = "0" + hex }
    if scalar.value == 0xFFFD { return "U+FFFD (the replacement character: the input was not valid UTF-8?)" }
    return "U+" + hex
  }
}
