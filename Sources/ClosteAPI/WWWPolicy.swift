import DomainNames

/// Ultimate Multisite's `auto_create_www_subdomain` setting: whether adding `example.com` also adds
/// `www.example.com`.
public enum WWWPolicy: String, Sendable, CaseIterable {
  case always
  /// Only for a main domain: two labels (`example.com`), or three when the last two are one of
  /// Ultimate Multisite's multi-part suffixes (`example.co.uk`).
  case mainOnly = "main_only"
  case never

  /// Ultimate Multisite's default list (its `wu_multi_part_tlds` filter).
  public static let multiPartSuffixes: Set<String> = ["co.uk", "com.au", "co.nz", "com.br", "co.in"]

  /// Ultimate Multisite's `Domain_Manager::is_main_domain`.
  public static func isMainDomain(_ domain: DomainName) -> Bool {
    let labels = domain.labels
    if labels.count <= 2 { return true }
    return labels.count == 3 && multiPartSuffixes.contains(labels.suffix(2).joined(separator: "."))
  }

  /// The names to send for `domain`: itself, then its `www.` twin when this policy asks for one.
  /// Wildcards and names that already start with `www.` get no twin.
  public func expand(_ domain: DomainName) -> [DomainName] {
    guard let twin = domain.wwwTwin else { return [domain] }
    switch self {
    case .always: return [domain, twin]
    case .mainOnly: return WWWPolicy.isMainDomain(domain) ? [domain, twin] : [domain]
    case .never: return [domain]
    }
  }
}
