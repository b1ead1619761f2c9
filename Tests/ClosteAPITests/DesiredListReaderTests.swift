import ClosteAPI
import Diagnostics
import DomainNames
import Testing

@Suite struct DesiredListReaderTests {
  /// A stand-in for `DomainName(validating:)`: lower case, one trailing dot, no spaces.
  static func normalize(_ input: String) throws -> String {
    var name = input.lowercased()
    if name.hasSuffix(".") { name.removeLast() }
    guard !name.isEmpty, !name.contains(" ") else {
      throw ClosteError(.invalidDomain, "'\(input)' is not a domain name: it contains a space.")
    }
    return name
  }

  static func read(_ text: String, chunkSize: Int = 65536) throws -> (items: [DesiredListReader.Item], format: String?)
  {
    let reader = DesiredListReader(source: BufferSource(text), chunkSize: chunkSize, normalize: normalize)
    var items: [DesiredListReader.Item] = []
    while let item = try reader.next() { items.append(item) }
    return (items, reader.format?.rawValue)
  }

  static let expected: [DesiredListReader.Item] = [
    .entry("example.com"), .entry("*.shop.example"), .entry("www.example.com"),
  ]

  @Test(
    arguments: [
      ("lines", "example.com\n# a comment\n\n  *.Shop.Example  \r\nwww.example.com."),
      ("json-array", #"[ "example.com", {"domain": "shop.example", "wildcard": true}, "www.example.com." ]"#),
      (
        "json-lines",
        #"""
        {"domain": "example.com", "wildcard": false}
        {"domain": "*.shop.example", "wildcard": 1}

        {"domain": "www.example.com.", "site_id": 3}
        """#
      ),
      ("json-lines", "\u{FEFF}\"example.com\"\n\"*.shop.example\"\n\"www.example.com\"\n"),
    ])
  func readsEachFormat(format: String, text: String) throws {
    for chunkSize in [1, 2, 3, 7, 65536] {
      let (items, detected) = try Self.read(text, chunkSize: chunkSize)
      #expect(detected == format)
      #expect(items == Self.expected, "chunk size \(chunkSize)")
    }
  }

  @Test func emptyInputIsAnEmptyList() throws {
    #expect(try Self.read("").items.isEmpty)
    #expect(try Self.read("\n  \n").items.isEmpty)
    #expect(try Self.read("[]").items.isEmpty)
  }

  @Test func invalidEntriesAreReportedWithTheirPlaceAndReadingGoesOn() throws {
    let lines = try Self.read("a.example\nnot a domain\n\nb.example\n").items
    #expect(lines.count == 3)
    guard case .invalid(let bad) = lines[1] else {
      Issue.record("expected an invalid entry")
      return
    }
    #expect(bad.location == "line 2")
    #expect(bad.input == "not a domain")
    #expect(bad.reason.contains("space"))
    #expect(lines[2] == .entry("b.example"))

    let jsonLines = try Self.read(
      """
      {"domain": "a.example"}
      {"domain": "a b"}
      {"domain": "*.c.example", "wildcard": false}
      {"name": "d.example", "wildcard": "yes"}
      {not json
      42
      {"domain": "e.example"}
      """
    ).items
    let reasons = jsonLines.compactMap { item -> String? in
      if case .invalid(let entry) = item { return entry.location + ": " + entry.reason }
      return nil
    }
    #expect(reasons.count == 5)
    #expect(reasons[0].hasPrefix("line 2: "))
    #expect(reasons[1] == "line 3: \"wildcard\" is false, but the domain starts with *.")
    #expect(reasons[2] == "line 4: \"wildcard\" must be true or false")
    #expect(reasons[3].hasPrefix("line 5: not valid JSON"))
    #expect(reasons[4] == "line 6: an entry must be a domain, or an object with a \"domain\" member")
    #expect(jsonLines.last == .entry("e.example"))

    let array = try Self.read(#"["a.example", 7, "b c", {"domain": "d.example"}]"#).items
    guard case .invalid(let seven) = array[1], case .invalid(let space) = array[2] else {
      Issue.record("expected invalid entries")
      return
    }
    #expect(seven.location == "element 2")
    #expect(space.location == "element 3")
    #expect(array[3] == .entry("d.example"))
  }

  @Test(
    arguments: [
      #"["a.example", "b.example""#,
      #"["a.example",]"#,
      #"["a.example" "b.example"]"#,
      #"[, "a.example"]"#,
      #"["a.example"] trailing"#,
      #"["a.example", {"domain": ]"#,
    ])
  func aBrokenJSONArrayIsFatal(text: String) {
    for chunkSize in [1, 5, 65536] {
      #expect(throws: ClosteError.self) { try Self.read(text, chunkSize: chunkSize) }
      do {
        _ = try Self.read(text, chunkSize: chunkSize)
      } catch let error as ClosteError {
        #expect(error.code == .invalidDesiredList)
        #expect(error.exitStatus == .usage)
      } catch {
        Issue.record("unexpected \(error)")
      }
    }
  }

  @Test func aLongListIsReadEntryByEntry() throws {
    var text = "["
    for index in 0..<5000 { text += (index > 0 ? "," : "") + "\"site-\(index).example\"" }
    text += "]"
    let items = try Self.read(text, chunkSize: 4096).items
    #expect(items.count == 5000)
    #expect(items.last == .entry("site-4999.example"))
  }

  /// The reason of each invalid entry, as `location: reason`.
  static func problems(_ bytes: [UInt8], chunkSize: Int = 65536) throws -> [String] {
    let reader = DesiredListReader(source: BufferSource(bytes), chunkSize: chunkSize, normalize: normalize)
    var problems: [String] = []
    while let item = try reader.next() {
      if case .invalid(let entry) = item { problems.append(entry.location + ": " + entry.reason) }
    }
    return problems
  }

  @Test func aLatin1FileIsRefusedNotDecodedIntoALookAlike() throws {
    // "café.example" in Latin-1: 0xE9 is not UTF-8.
    let latin1: [UInt8] = Array("a.example\ncaf".utf8) + [0xE9] + Array(".example\n".utf8)
    for chunkSize in [1, 3, 65536] {
      let problems = try Self.problems(latin1, chunkSize: chunkSize)
      #expect(problems.count == 1)
      #expect(problems.first?.hasPrefix("line 2: byte 4 (0xE9) is not UTF-8") == true)
    }
    let inArray: [UInt8] = Array(#"["a.example", "caf"#.utf8) + [0xE9] + Array(#".example"]"#.utf8)
    #expect(try Self.problems(inArray).first?.hasPrefix("element 2: byte 5 (0xE9) is not UTF-8") == true)
    let inJSONLines: [UInt8] = Array(#"{"domain": "caf"#.utf8) + [0xE9] + Array(#".example"}"#.utf8)
    #expect(try Self.problems(inJSONLines).first?.hasPrefix("line 1: byte 16 (0xE9) is not UTF-8") == true)
    // Valid UTF-8 is read as before.
    #expect(try Self.problems(Array("café.example\n".utf8)).isEmpty)
  }

  @Test func aByteOrderMarkIsAllowedOnlyAtTheVeryStart() throws {
    let bom = "\u{FEFF}"
    #expect(try Self.problems(Array((bom + "a.example\nb.example\n").utf8)).isEmpty)
    for text in [
      "a.example\n\(bom)b.example\n", "a.example\n\(bom)\nb.example\n", "\n\(bom)a.example\nb.example\n",
      "\"a.example\"\n\(bom)\"b.example\"\n", "[\"a.example\", \"b\(bom).example\"]",
      "{\"domain\": \"a.example\"}\n{\"domain\": \"b\\ufeff.example\"}\n",
    ] {
      for chunkSize in [1, 2, 65536] {
        let problems = try Self.problems(Array(text.utf8), chunkSize: chunkSize)
        #expect(problems.count == 1, "\(text.debugDescription), chunk size \(chunkSize)")
        #expect(problems.first?.contains("byte order mark") == true, "\(problems)")
      }
    }
  }

  @Test func aJSONLinesListCutInsideAnEntryEndsInAnInvalidEntry() throws {
    let cut = "{\"domain\": \"a.example\"}\n{\"domain\": \"b.exa"
    for chunkSize in [1, 7, 65536] {
      let problems = try Self.problems(Array(cut.utf8), chunkSize: chunkSize)
      #expect(problems.count == 1)
      #expect(problems.first?.hasPrefix("line 2: not valid JSON") == true)
    }
  }
}
