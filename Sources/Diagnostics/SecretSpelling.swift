import Values

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
  //
  // Worked out for the 128 ASCII characters at every start that registers a secret, so written with
  // plain loops into arrays of known size: closures, sets and intermediate strings made this the
  // largest part of `config get`'s time.

  /// One character's spellings: itself and each encoding of it, then each encoding of those.
  package static func alternatives(_ scalar: Unicode.Scalar) -> [[UInt8]] {
    var raw: [UInt8] = []
    raw.reserveCapacity(4)
    UTF8.encode(scalar) { raw.append($0) }
    var all: [[UInt8]] = [raw]
    all.reserveCapacity(32)
    func add(_ bytes: [UInt8]) { if !bytes.isEmpty, !all.contains(bytes) { all.append(bytes) } }
    let once = encodings(of: raw, scalar: scalar)
    for spelling in once { add(spelling) }
    for spelling in once where spelling != raw {
      add(percentReserved(spelling, upper: true))
      add(percentReserved(spelling, upper: false))
      add(escaped(spelling, inPHP: false))
      add(escaped(spelling, inPHP: true))
    }
    return all
  }

  /// The spellings of one character one encoding deep.
  private static func encodings(of raw: [UInt8], scalar: Unicode.Scalar) -> [[UInt8]] {
    var out: [[UInt8]] = [percent(raw, upper: true), percent(raw, upper: false)]
    if scalar == " " { out.append([UInt8(ascii: "+")]) }
    if scalar.value < 0x20 || scalar.value == 0x7F { out.append([UInt8(ascii: " ")]) }
    if let named = jsonNamed(scalar) { out.append([UInt8(ascii: "\\"), named]) }
    out.append(jsonUnicode(scalar, upper: false))
    out.append(jsonUnicode(scalar, upper: true))
    if scalar == "\"" { out.append([UInt8(ascii: "\""), UInt8(ascii: "\"")]) }
    if scalar == "'" { out.append([UInt8(ascii: "\\"), UInt8(ascii: "'")]) }
    return out
  }

  /// The letter of JSON's short escape for `scalar` (`n` for a line feed, `/` for a slash...).
  private static func jsonNamed(_ scalar: Unicode.Scalar) -> UInt8? {
    switch scalar {
    case "\"", "\\", "/": return UInt8(scalar.value)
    case "\u{08}": return UInt8(ascii: "b")
    case "\u{0C}": return UInt8(ascii: "f")
    case "\n": return UInt8(ascii: "n")
    case "\r": return UInt8(ascii: "r")
    case "\t": return UInt8(ascii: "t")
    default: return nil
    }
  }

  private static func percent(_ bytes: [UInt8], upper: Bool) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 3)
    for byte in bytes {
      out.append(UInt8(ascii: "%"))
      Hex.append(byte, digits: 2, uppercase: upper, to: &out)
    }
    return out
  }

  /// Percent-encoding as a URL encoder applies it to text: letters, digits and `-._~` stay.
  private static func percentReserved(_ bytes: [UInt8], upper: Bool) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 3)
    for byte in bytes {
      let plain =
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
        || byte == UInt8(ascii: "~")
      if plain {
        out.append(byte)
      } else {
        out.append(UInt8(ascii: "%"))
        Hex.append(byte, digits: 2, uppercase: upper, to: &out)
      }
    }
    return out
  }

  private static func jsonUnicode(_ scalar: Unicode.Scalar, upper: Bool) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(12)
    UTF16.encode(scalar) { unit in
      out.append(UInt8(ascii: "\\"))
      out.append(UInt8(ascii: "u"))
      Hex.append(unit, digits: 4, uppercase: upper, to: &out)
    }
    return out
  }

  /// A spelling (ASCII after one encoding) inside a JSON string (`\\`, `\"`, `\/` escaped), or inside
  /// a PHP single-quoted string or a CSV field (`\\`, `\'`, `""`).
  private static func escaped(_ bytes: [UInt8], inPHP: Bool) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      switch (byte, inPHP) {
      case (UInt8(ascii: "\\"), _): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case (UInt8(ascii: "\""), false): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
      case (UInt8(ascii: "/"), false): out += [UInt8(ascii: "\\"), UInt8(ascii: "/")]
      case (UInt8(ascii: "'"), true): out += [UInt8(ascii: "\\"), UInt8(ascii: "'")]
      case (UInt8(ascii: "\""), true): out += [UInt8(ascii: "\""), UInt8(ascii: "\"")]
      default: out.append(byte)
      }
    }
    return out
  }
}
