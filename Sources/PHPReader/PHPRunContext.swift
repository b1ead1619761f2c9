import Values

/// The process a `wp-config.php` is read in: WP-CLI's, a PHP CLI run. Its environment (which
/// `getenv()` and `$_SERVER` see; `$_ENV` is empty under Debian's `variables_order = GPCS`), the
/// `$_SERVER` entries WP-CLI sets from `--url` (none without it: no `HTTP_HOST`), and `ABSPATH`,
/// which WP-CLI defines as the WordPress root before it reads the file.
public struct PHPRunContext: Sendable, Hashable {
  public var environment: [String: String]
  /// WP-CLI's global `--url=<url>`, nil when not given.
  public var url: String?
  /// `ABSPATH` as WP-CLI defines it beforehand (the WordPress root, with a trailing `/`); nil
  /// leaves it to the file.
  public var abspath: String?

  public init(environment: [String: String], url: String? = nil, abspath: String? = nil) {
    self.environment = environment
    self.url = url
    self.abspath = abspath
  }

  /// `$_SERVER` keys a CLI run sets to values no reading of the file can know (the script that
  /// runs, the time it started, its arguments): reading them stays unresolved.
  package static let unknowableServerKeys: Set<String> = [
    "PHP_SELF", "SCRIPT_NAME", "SCRIPT_FILENAME", "PATH_TRANSLATED", "DOCUMENT_ROOT", "REQUEST_TIME",
    "REQUEST_TIME_FLOAT", "argv", "argc",
  ]

  /// `$_SERVER[key]` in this context: what WP-CLI's `--url` set, else the environment, else null.
  /// Unresolved for what a CLI run sets but closte cannot know.
  package func server(_ key: String) -> PHPResult {
    if let value = urlServerEntries[key] { return .value(value) }
    if let value = environment[key] { return .value(.string(value)) }
    if key == "DOCUMENT_ROOT", let abspath, abspath.count > 1 { return .value(.string(String(abspath.dropLast()))) }
    if PHPRunContext.unknowableServerKeys.contains(key) {
      return .unresolved("reads $_SERVER['\(key)'], which depends on how WP-CLI was started")
    }
    return .value(.null)
  }

  /// What WP-CLI's `set_url_params()` puts in `$_SERVER` for `--url`: `HTTP_HOST` (host[:port]),
  /// `SERVER_NAME`, `HTTPS` for an https URL, `REQUEST_URI`, `SERVER_PORT` and `QUERY_STRING`.
  package var urlServerEntries: [String: PHPValue] {
    guard let url else { return [:] }
    let parts = URLParts(url)
    var entries: [String: PHPValue] = [:]
    if let host = parts.host {
      if parts.scheme?.lowercased() == "https" { entries["HTTPS"] = .string("on") }
      entries["HTTP_HOST"] = .string(host + (parts.port.map { ":\($0)" } ?? ""))
      entries["SERVER_NAME"] = .string(host)
    }
    entries["REQUEST_URI"] = .string((parts.path ?? "") + (parts.query.map { "?" + $0 } ?? ""))
    entries["SERVER_PORT"] = parts.port.map(PHPValue.int) ?? .string("80")
    entries["QUERY_STRING"] = .string(parts.query ?? "")
    return entries
  }

  /// The parts of a URL as WP-CLI's `Utils\parse_url()` gives them (`http://` is assumed when
  /// the URL has no scheme).
  package struct URLParts {
    package var scheme: String?
    package var host: String?
    package var port: Int?
    package var path: String?
    package var query: String?

    package init(_ url: String) {
      var rest = Substring(url)
      if let range = rest.firstRange(of: "://") {
        scheme = String(rest[..<range.lowerBound])
        rest = rest[range.upperBound...]
      } else {
        scheme = "http"
      }
      if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
      if let mark = rest.firstIndex(of: "?") {
        query = String(rest[rest.index(after: mark)...])
        rest = rest[..<mark]
      }
      var authority = rest
      if let slash = rest.firstIndex(of: "/") {
        path = String(rest[slash...])
        authority = rest[..<slash]
      }
      if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
      if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]"),
        let number = Int(authority[authority.index(after: colon)...])
      {
        port = number
        authority = authority[..<colon]
      }
      host = authority.isEmpty ? nil : String(authority)
    }
  }
}
