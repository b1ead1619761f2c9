import Diagnostics

extension ErrorCode {
  public static let invalidDomain = ErrorCode("invalid_domain")
}

/// A domain name closte will send to Closte: processed as UTS #46 says (`IDNA`: lower case,
/// internationalised labels checked by IDNA2008's rules and written in punycode, `xn--...`), no
/// trailing dot, and a wildcard only as the whole leftmost label (`*.example.com`).
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

  package static func normalise(_ input: String) throws -> String {
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
    let labels: [String]
    do {
      labels = try IDNA.asciiLabels(input)
    } catch {
      throw refuse(escaped(error.reason))
    }
    if let last = labels.last, last.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
      throw refuse("it is an IP address (or ends in a numeric label); Closte aliases are host names")
    }
    let joined = labels.joined(separator: ".")
    if joined.utf8.count > maximumLength { throw refuse("it is longer than \(maximumLength) characters") }
    return joined
  }

  /// The name as `DomainName` spells it, for comparing names that come from elsewhere (Closte's
  /// list): `BÜCHER.example.`, `bücher.example` and `xn--bcher-kva.example` are one key. A name that
  /// is not a domain name is its own key, as given.
  public static func comparisonKey(_ name: String) -> String {
    // ASCII without upper case or a final dot is its own key whether it is valid or not (processing
    // would give it back unchanged or refuse it): Closte's list of 100,000 such names skips the work.
    if !name.hasSuffix("."), name.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) { return name }
    return (try? normalise(name)) ?? name
  }

  /// The input as it may be shown back: invisible characters escaped, long input cut.
  private static func printable(_ input: String) -> String {
    let shown = escaped(String(String.UnicodeScalarView(input.unicodeScalars.prefix(120))))
    return input.unicodeScalars.count > 120 ? shown + "..." : shown
  }

  /// Control and format characters (zero-width ones, Bidi overrides) as `\u{...}`, so a message shows
  /// what was given and cannot reorder or hide the text around it.
  package static func escaped(_ text: String) -> String {
    var shown = ""
    for scalar in text.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
        shown += "\\u{" + String(scalar.value, radix: 16) + "}"
      default:
        shown.unicodeScalars.append(scalar)
      }
    }
    return shown
  }
}
