import Diagnostics
import DomainNames
import Values

/// The check of a name to look up (`dns check <domain>`, `ssl check`, `domain status`, `--expect=<host>`).
/// Wider than `DomainName`, which checks what Closte gets: a DNS name may have `_` in its labels
/// (`_acme-challenge.example.com`) and `--` (`r3---sn-abc.example`). Otherwise the name is
/// processed as `DomainName`'s (`IDNA`, UTS #46), so `bücher.de` is looked up as `xn--bcher-kva.de`,
/// as Closte holds it, and a name with invisible or look-alike characters is refused. Letters,
/// digits, `-` and `_` in ASCII labels, no `-` at either end of one, `*` only as a whole leftmost
/// label; case and a final dot do not matter.
public enum DomainNameCheck {
  public static func parse(_ text: String) throws -> DNSName {
    let trimmed = text.trimmingSpaces
    func invalid(_ why: String) -> ClosteError {
      ClosteError(
        .invalidDomain, "'\(DomainName.escaped(text))' is not a domain name: \(why).",
        hint: "Give the bare domain, as example.com or www.example.com (no scheme, port or path).",
        exitStatus: .usage)
    }
    guard !trimmed.contains("://"), !trimmed.contains("/"), !trimmed.contains(":") else {
      throw invalid("a domain has no scheme, port or path")
    }
    let ascii: String
    do {
      ascii = try IDNA.asciiLabels(trimmed, mode: .lookup).joined(separator: ".")
    } catch {
      throw invalid(DomainName.escaped(error.reason))
    }
    do {
      return try DNSName(ascii)
    } catch {
      throw invalid("\(error)")
    }
  }
}

// `invalid_domain` is declared beside `DomainName`, in Closte/DomainName.swift.
