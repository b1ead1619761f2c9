/// The check of a name to look up (`dns check <domain>`, `ssl check`, `domain status`, `--expect=<host>`).
/// Wider than `DomainName`, which checks what Closte gets: a DNS name may have `_` in its labels
/// (`_acme-challenge.example.com`). An internationalised name goes through `DomainName`'s punycode
/// first, so `bücher.de` is looked up as `xn--bcher-kva.de`, as Closte holds it. Otherwise: letters,
/// digits, `-` and `_` in labels, no `-` at either end of one, `*` only as a whole leftmost label;
/// case and a final dot do not matter.
public enum DomainNameCheck {
  public static func parse(_ text: String) throws -> DNSName {
    var trimmed = text.trimmingSpaces.lowercased()
    if trimmed.unicodeScalars.contains(where: { !$0.isASCII }) {
      trimmed = try DomainName(validating: trimmed).name
    }
    func invalid(_ why: String) -> ClosteError {
      ClosteError(
        .invalidDomain, "'\(text)' is not a domain name: \(why).",
        hint: "Give the bare domain, as example.com or www.example.com (no scheme, port or path).",
        exitStatus: .usage)
    }
    guard !trimmed.contains("://"), !trimmed.contains("/"), !trimmed.contains(":") else {
      throw invalid("a domain has no scheme, port or path")
    }
    let name: DNSName
    do {
      name = try DNSName(trimmed)
    } catch {
      throw invalid("\(error)")
    }
    guard !name.labels.isEmpty else { throw invalid("it is empty") }
    for (index, label) in name.labels.enumerated() {
      if label == [UInt8(ascii: "*")] && index == 0 { continue }
      guard
        label.allSatisfy({
          (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        })
      else { throw invalid("'\(DNSName.text(of: label))' has a character a host name cannot have") }
      guard label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else {
        throw invalid("a label cannot start or end with '-'")
      }
    }
    return name
  }
}

// `invalid_domain` is declared beside `DomainName`, in Closte/DomainName.swift.
