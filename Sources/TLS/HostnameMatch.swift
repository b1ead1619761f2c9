import Sockets

/// Host name verification as RFC 6125 (section 6.4) says it, done here rather than by OpenSSL so
/// the rule is visible and tested: names compare case-insensitively without a trailing dot; a
/// `*.` name matches exactly one leftmost label (`*.example.com` matches `a.example.com`, but
/// neither `example.com` nor `a.b.example.com`); a `*` anywhere else, a partial-label wildcard
/// (`a*.example.com`) and a wildcard over a single label (`*.com`) match nothing. The common name
/// counts only when the certificate has no subject alternative names at all.
public enum HostnameMatch {
  public static func matches(host: String, certificate: CertificateInfo) -> Bool {
    if let literal = SocketAddress(ip: host, port: 0) {
      return certificate.ipAddresses.contains { SocketAddress(ip: $0, port: 0) == literal }
    }
    let names = certificate.dnsNames ?? certificate.commonNames
    return names.contains { matches(host: host, pattern: $0) }
  }

  public static func matches(host: String, pattern: String) -> Bool {
    let host = normalized(host)
    let pattern = normalized(pattern)
    guard !host.isEmpty, !pattern.isEmpty, !host.contains("*") else { return false }
    guard pattern.hasPrefix("*.") else { return !pattern.contains("*") && host == pattern }
    let suffix = pattern.dropFirst(2)
    guard !suffix.contains("*"), suffix.contains("."), !suffix.hasPrefix("."), !suffix.hasSuffix(".") else {
      return false
    }
    guard let dot = host.firstIndex(of: ".") else { return false }
    let firstLabel = host[..<dot]
    let rest = host[host.index(after: dot)...]
    return !firstLabel.isEmpty && rest == suffix
  }

  private static func normalized(_ name: String) -> String {
    var text = name.lowercased()
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
