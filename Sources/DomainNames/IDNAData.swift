/// The tables of `IDNATables`, read once on first use (only a name with non-ASCII or an `xn--` label
/// needs them) and looked up by binary search. scripts/gen-idna-table.py describes the records.
package struct IDNAData: Sendable {
  /// What UTS #46 mapping does with one code point (non-transitional, STD3 rules off).
  package enum Mapping: Equatable {
    case valid
    case disallowed
    case ignored
    case mapped([Unicode.Scalar])
  }

  /// The IDNA2008 class (RFC 5892) of a code point.
  package enum CodePointClass: UInt8 {
    case pvalid = 0x50  // P
    case contextJ = 0x4A  // J
    case contextO = 0x4F  // O
    case disallowed = 0x58  // X
  }

  /// What IDNA2008's rules need to know of an allowed code point: one ASCII letter each for its class,
  /// Bidi class (`L`, `R`, `A` for AL, `N` for AN, `E` EN, `S` ES, `C` CS, `T` ET, `O` ON, `B` BN,
  /// `M` NSM, `U` unknown, `Z` any other), joining type (`L`, `D`, `R`, `T`, `_`) and script
  /// (`G` Greek, `H` Hebrew, `I` Hiragana, `K` Katakana, `C` Han, `_`).
  package struct Properties: Equatable {
    package var codePointClass: CodePointClass
    package var bidi: UInt8
    package var joining: UInt8
    package var script: UInt8

    package init(codePointClass: CodePointClass, bidi: UInt8, joining: UInt8, script: UInt8) {
      self.codePointClass = codePointClass
      self.bidi = bidi
      self.joining = joining
      self.script = script
    }
  }

  package static let shared = IDNAData()

  private var mappingStarts: [UInt32] = []
  private var mappingKinds: [UInt8] = []
  /// The delta of a `D` record, or the index in `mappingTexts` of an `M` record.
  private var mappingArguments: [Int32] = []
  private var mappingTexts: [[Unicode.Scalar]] = []
  private var propertyStarts: [UInt32] = []
  private var propertyValues: [Properties] = []

  private init() {
    readMapping(Array(IDNATables.mapping.utf8))
    readProperties(Array(IDNATables.properties.utf8))
  }

  package func mapping(of scalar: Unicode.Scalar) -> Mapping {
    let index = Self.lastStart(in: mappingStarts, atMost: scalar.value)
    switch mappingKinds[index] {
    case UInt8(ascii: "V"): return .valid
    case UInt8(ascii: "I"): return .ignored
    case UInt8(ascii: "A"):
      guard (scalar.value - mappingStarts[index]) % 2 == 0 else { return .valid }
      return Unicode.Scalar(scalar.value + 1).map { .mapped([$0]) } ?? .disallowed
    case UInt8(ascii: "D"):
      let target = Int64(scalar.value) + Int64(mappingArguments[index])
      return Unicode.Scalar(UInt32(clamping: target)).map { .mapped([$0]) } ?? .disallowed
    case UInt8(ascii: "M"): return .mapped(mappingTexts[Int(mappingArguments[index])])
    default: return .disallowed
    }
  }

  package func properties(of scalar: Unicode.Scalar) -> Properties {
    propertyValues[Self.lastStart(in: propertyStarts, atMost: scalar.value)]
  }

  // MARK: - Reading the records

  private mutating func readMapping(_ bytes: [UInt8]) {
    Self.forEachRecord(bytes) { start, index in
      let kind = bytes[index]
      index += 1
      var argument: Int32 = 0
      switch kind {
      case UInt8(ascii: "D"):
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let delta = Int32(Self.hex(bytes, &index))
        argument = negative ? -delta : delta
      case UInt8(ascii: "M"):
        var text: [Unicode.Scalar] = []
        while index < bytes.count, Self.hexDigit(bytes[index]) != nil {
          if let scalar = Unicode.Scalar(UInt32(Self.hex(bytes, &index))) { text.append(scalar) }
          if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 }
        }
        argument = Int32(mappingTexts.count)
        mappingTexts.append(text)
      default: break
      }
      mappingStarts.append(start)
      mappingKinds.append(kind)
      mappingArguments.append(argument)
    }
  }

  private mutating func readProperties(_ bytes: [UInt8]) {
    Self.forEachRecord(bytes) { start, index in
      guard index + 4 <= bytes.count else {
        index = bytes.count
        return
      }
      propertyStarts.append(start)
      propertyValues.append(
        Properties(
          codePointClass: CodePointClass(rawValue: bytes[index]) ?? .disallowed, bidi: bytes[index + 1],
          joining: bytes[index + 2], script: bytes[index + 3]))
      index += 4
    }
  }

  /// Calls `read` with each record's first code point (the sum of the hex distances so far) and the
  /// index just after that number; `read` moves the index past the rest of its record.
  private static func forEachRecord(_ bytes: [UInt8], _ read: (UInt32, inout Int) -> Void) {
    var index = 0
    var start: UInt32 = 0
    while true {
      while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
      guard index < bytes.count else { return }
      start += UInt32(hex(bytes, &index))
      read(start, &index)
    }
  }

  private static func hex(_ bytes: [UInt8], _ index: inout Int) -> Int {
    var value = 0
    while index < bytes.count, let digit = hexDigit(bytes[index]) {
      value = value * 16 + digit
      index += 1
    }
    return value
  }

  /// Lower-case hex only: upper-case letters are the records' kinds and properties.
  private static func hexDigit(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
    default: return nil
    }
  }

  /// The index of the last start at or below `value` (the first start is 0).
  private static func lastStart(in starts: [UInt32], atMost value: UInt32) -> Int {
    var low = 0
    var high = starts.count
    while high - low > 1 {
      let middle = (low + high) / 2
      if starts[middle] <= value { low = middle } else { high = middle }
    }
    return low
  }
}
