import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

extension ErrorCode {
  public static let invalidDomain = ErrorCode("invalid_domain")
}

/// A domain name closte will send to Closte: lower case, no trailing dot, internationalised labels
/// in punycode (`xn--...`), and a wildcard only as the whole leftmost label (`*.example.com`).
/// Made only by `DomainName(validating:)`, so anything holding one has already been checked.
public struct DomainName: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The ASCII name as Closte gets it, `*.` included for a wildcard.
  public let name: String

  public var isWildcard: Bool { name.hasPrefix("*.") }
  /// The name without its `*.`.
  public var base: String { isWildcard ? String(name.dropFirst(2)) : name }
  public var labels: [Substring] { base.split(separator: ".") }
  public var description: String { name }

  public static func < (lhs: DomainName, rhs: DomainName) -> Bool { lhs.name < rhs.name }

  /// Validates and normalises what a user typed. Throws `invalid_domain` (exit 2) with the reason.
  public init(validating input: String) throws {
    name = try DomainName.normalise(input)
  }

  private init(checked: String) { name = checked }

  /// The `www.` twin of a plain (not wildcard, not already `www.`) name.
  public var wwwTwin: DomainName? {
    guard !isWildcard, !name.hasPrefix("www."), name.count + 4 <= DomainName.maximumLength else { return nil }
    return DomainName(checked: "www." + name)
  }

  public static let maximumLength = 253
  public static let maximumLabelLength = 63

  static func normalise(_ input: String) throws -> String {
    func refuse(_ reason: String) -> ClosteError {
      ClosteError(
        .invalidDomain, "'\(printable(input))' is not a domain name: \(reason).",
        hint: "Give a bare host name such as example.com or *.example.com (no scheme, path or port).",
        exitStatus: .usage)
    }
    if input.isEmpty { throw refuse("it is empty") }
    if input.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      throw refuse("it contains a control character")
    }
    if input.contains(where: { $0 == " " || $0 == "\t" })
      || input.unicodeScalars.contains(where: \.properties.isWhitespace)
    {
      throw refuse("it contains a space")
    }
    if input.contains("://") { throw refuse("it is a URL; give only the host name") }
    if input.contains("/") || input.contains("?") || input.contains("#") { throw refuse("it contains a path") }
    if input.contains("@") { throw refuse("it contains a user name") }
    if input.contains(":") { throw refuse("it contains a port") }
    // As IDNA maps them: canonical composition (NFC), lower case, and the ideographic full stops as dots.
    // (`_nfcCodeUnits` is the standard library's own NFC, which Foundation's
    // `precomposedStringWithCanonicalMapping` needs ICU for.)
    var text = String(decoding: input._nfcCodeUnits, as: UTF8.self).lowercased()
    for fullStop in ["\u{3002}", "\u{FF0E}", "\u{FF61}"] { text = text.replacingAll(fullStop, with: ".") }
    if text.hasSuffix(".") { text.removeLast() }
    if text.isEmpty { throw refuse("it is empty") }
    var labels = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var wildcard = false
    if labels.first == "*" {
      wildcard = true
      labels.removeFirst()
      if labels.isEmpty { throw refuse("a wildcard needs a domain after `*.`") }
    }
    var ascii: [String] = []
    for label in labels {
      if label.isEmpty { throw refuse("it has an empty label (two dots in a row, or a leading dot)") }
      if label.contains("*") { throw refuse("a wildcard may only be the whole leftmost label, as in *.example.com") }
      let encoded: String
      if label.unicodeScalars.allSatisfy(\.isASCII) {
        encoded = label
      } else {
        guard let punycode = try? Punycode.encode(label) else { throw refuse("label '\(label)' cannot be encoded") }
        encoded = "xn--" + punycode
      }
      if encoded.utf8.count > maximumLabelLength {
        throw refuse("label '\(label)' is longer than \(maximumLabelLength) characters")
      }
      for byte in encoded.utf8 where !(isLetterOrDigit(byte) || byte == UInt8(ascii: "-")) {
        throw refuse("label '\(label)' contains '\(Character(Unicode.Scalar(byte)))'")
      }
      if encoded.hasPrefix("-") || encoded.hasSuffix("-") {
        throw refuse("label '\(label)' starts or ends with a hyphen")
      }
      ascii.append(encoded)
    }
    if let last = ascii.last, last.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
      throw refuse("it is an IP address (or ends in a numeric label); Closte aliases are host names")
    }
    let joined = (wildcard ? "*." : "") + ascii.joined(separator: ".")
    if joined.utf8.count > maximumLength { throw refuse("it is longer than \(maximumLength) characters") }
    return joined
  }

  private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  /// The input as it may be shown back: control characters escaped, long input cut.
  private static func printable(_ input: String) -> String {
    var shown = ""
    for scalar in input.unicodeScalars.prefix(120) {
      if scalar.value < 0x20 || scalar.value == 0x7F {
        shown += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
    return input.unicodeScalars.count > 120 ? shown + "..." : shown
  }
}
