/// Every way one secret may be written in text that leaves the process, as a pattern matched over
/// bytes: each character of the secret may appear raw or in any of the spellings closte, PHP, a
/// web server or a log writer give it — percent-encoded (either case of hex), form-encoded (`+` for
/// a space), JSON-escaped (`\/`, `\n`, `\u00xx` in either case, surrogate pairs), CSV-quoted
/// (`""`), PHP-single-quoted (`\'`), flattened (a control character shown as a space) — and those
/// spellings spelled once more (a JSON body quoted inside a JSON answer: `\\\/`). The characters may
/// mix spellings, as encoders that escape only some characters produce.
package struct SecretSpelling: Sendable {
  /// The secret this pattern was made from, and the secrets it stands for (a line of a multi-line
  /// secret stands for the whole secret).
  package let secret: String
  package let origins: Set<String>
  /// For each character of the secret, the byte strings it may appear as.
  package let units: [[[UInt8]]]

  package init(_ secret: String, origins: Set<String>) {
    self.secret = secret
    self.origins = origins
    units = secret.unicodeScalars.map { scalar in
      scalar.isASCII ? SecretSpelling.asciiAlternatives[Int(scalar.value)] : SecretSpelling.alternatives(scalar)
    }
  }

  /// The spellings of each ASCII character, worked out once: a salt's 64 characters are looked up.
  private static let asciiAlternatives: [[[UInt8]]] = (0..<128).map { alternatives(Unicode.Scalar(UInt8($0))) }

  /// The bytes a match may start with.
  package var firstBytes: Set<UInt8> { Set(units.first?.compactMap(\.first) ?? []) }

  package enum Match: Equatable {
    case none
    /// The text from the start up to `end` (exclusive) spells the secret.
    case full(end: Int)
    /// The text ends while it still spells the beginning of the secret: more bytes may complete it.
    case partial
  }

  /// Whether the secret is spelled in `text` from `start` on; the longest spelling when several are.
  /// `positions` and `next` are scratch space the caller keeps, so the scan allocates nothing.
  package func match(
    _ text: UnsafeBufferPointer<UInt8>, from start: Int, positions: inout [Int], next: inout [Int]
  ) -> Match {
    positions.removeAll(keepingCapacity: true)
    positions.append(start)
    var partial = false
    for unit in units {
      next.removeAll(keepingCapacity: true)
      for position in positions {
        let available = text.count - position
        for alternative in unit {
          if available >= alternative.count {
            if SecretSpelling.equal(text, at: position, alternative, count: alternative.count),
              !next.contains(position + alternative.count)
            {
              next.append(position + alternative.count)
            }
          } else if SecretSpelling.equal(text, at: position, alternative, count: available) {
            partial = true
          }
        }
      }
      if next.isEmpty { return partial ? .partial : .none }
      swap(&positions, &next)
    }
    return .full(end: positions.max() ?? start)
  }

  private static func equal(_ text: UnsafeBufferPointer<UInt8>, at position: Int, _ bytes: [UInt8], count: Int) -> Bool
  {
    var index = 0
    while index < count {
      if text[position + index] != bytes[index] { return false }
      index += 1
    }
    return true
  }

  // MARK: The spellings of one character

  /// One character's spellings: itself and each encoding of it, then each encoding of those.
  package static func alternatives(_ scalar: Unicode.Scalar) -> [[UInt8]] {
    let raw = Array(String(scalar).utf8)
    var all: [[UInt8]] = [raw]
    func add(_ bytes: [UInt8]) { if !bytes.isEmpty, !all.contains(bytes) { all.append(bytes) } }
    let once = encodings(of: raw, scalar: scalar)
    once.forEach(add)
    for spelling in once where spelling != raw {
      for encoder in wholeEncoders { add(encoder(spelling)) }
    }
    return all
  }

  /// The spellings of one character one encoding deep.
  private static func encodings(of raw: [UInt8], scalar: Unicode.Scalar) -> [[UInt8]] {
    var out: [[UInt8]] = [percent(raw, upper: true), percent(raw, upper: false)]
    if scalar == " " { out.append(Array("+".utf8)) }
    if scalar.value < 0x20 || scalar.value == 0x7F { out.append(Array(" ".utf8)) }
    if let named = jsonNamed[scalar] { out.append(Array(named.utf8)) }
    out.append(jsonUnicode(scalar, upper: false))
    out.append(jsonUnicode(scalar, upper: true))
    if scalar == "\"" { out.append(Array("\"\"".utf8)) }
    if scalar == "'" { out.append(Array("\\'".utf8)) }
    if scalar == "\\" { out.append(Array("\\\\".utf8)) }
    return out
  }

  /// Encodings applied to a whole spelling (the second layer: an escaped body quoted once more).
  private static let wholeEncoders: [([UInt8]) -> [UInt8]] = [
    { percentReserved($0, upper: true) }, { percentReserved($0, upper: false) }, jsonEscaped, phpQuoted,
  ]

  private static let jsonNamed: [Unicode.Scalar: String] = [
    "\"": "\\\"", "\\": "\\\\", "/": "\\/", "\u{08}": "\\b", "\u{0C}": "\\f", "\n": "\\n", "\r": "\\r",
    "\t": "\\t",
  ]

  private static func percent(_ bytes: [UInt8], upper: Bool) -> [UInt8] {
    bytes.flatMap { [UInt8(ascii: "%")] + hex($0, digits: 2, upper: upper) }
  }

  /// Percent-encoding as a URL encoder applies it to text: letters, digits and `-._~` stay.
  private static func percentReserved(_ bytes: [UInt8], upper: Bool) -> [UInt8] {
    bytes.flatMap { byte -> [UInt8] in
      let plain =
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        || Array("-._~".utf8).contains(byte)
      return plain ? [byte] : percent([byte], upper: upper)
    }
  }

  private static func jsonUnicode(_ scalar: Unicode.Scalar, upper: Bool) -> [UInt8] {
    String(scalar).utf16.flatMap { Array("\\u".utf8) + hex(Int($0), digits: 4, upper: upper) }
  }

  /// A spelling (ASCII after one encoding) inside a JSON string.
  private static func jsonEscaped(_ bytes: [UInt8]) -> [UInt8] {
    bytes.flatMap { byte -> [UInt8] in
      switch byte {
      case UInt8(ascii: "\\"): return Array("\\\\".utf8)
      case UInt8(ascii: "\""): return Array("\\\"".utf8)
      case UInt8(ascii: "/"): return Array("\\/".utf8)
      default: return [byte]
      }
    }
  }

  /// A spelling inside a PHP single-quoted string or a CSV field.
  private static func phpQuoted(_ bytes: [UInt8]) -> [UInt8] {
    bytes.flatMap { byte -> [UInt8] in
      switch byte {
      case UInt8(ascii: "\\"): return Array("\\\\".utf8)
      case UInt8(ascii: "'"): return Array("\\'".utf8)
      case UInt8(ascii: "\""): return Array("\"\"".utf8)
      default: return [byte]
      }
    }
  }

  private static func hex<Number: BinaryInteger>(_ value: Number, digits: Int, upper: Bool) -> [UInt8] {
    let table = Array((upper ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
    return (0..<digits).reversed().map { table[Int((value >> (4 * $0)) & 0xF)] }
  }
}
