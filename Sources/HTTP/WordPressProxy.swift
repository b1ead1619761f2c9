/// The proxy WordPress's HTTP API uses (`WP_HTTP_Proxy`), from the `WP_PROXY_*` constants of
/// wp-config.php, so closte's calls to Closte take the road Ultimate Multisite's own calls take.
/// `WP_PROXY_HOST` and `WP_PROXY_PORT` switch it on; `WP_PROXY_USERNAME` and `WP_PROXY_PASSWORD`
/// (a secret) add authentication when both are defined; `WP_PROXY_BYPASS_HOSTS` lists hosts reached
/// directly. As in WordPress, `localhost` is never proxied. (WordPress also bypasses the site's own
/// host, from the `siteurl` option in the database, which closte does not read; Closte's API is
/// never that host.)
public struct WordPressProxy: Sendable, Equatable {
  public var host: String
  public var port: String
  public var username: String?
  public var password: String?
  /// `WP_PROXY_BYPASS_HOSTS` as written: `localhost, www.example.com, *.wordpress.org`.
  public var bypassHosts: String?

  public init(host: String, port: String, username: String? = nil, password: String? = nil, bypassHosts: String? = nil)
  {
    self.host = host
    self.port = port
    self.username = username
    self.password = password
    self.bypassHosts = bypassHosts
  }

  /// `host:port`, as WordPress hands it to libcurl.
  public var address: String { host + ":" + port }

  /// WordPress's `send_through_proxy($uri)`.
  public func sendsThrough(_ url: String) -> Bool {
    // "Malformed URL, can not process, but this could mean ssl, so let through anyway."
    guard let target = WordPressProxy.host(of: url) else { return true }
    if target == "localhost" { return false }
    guard let bypassHosts else { return true }
    let hosts = WordPressProxy.splitList(bypassHosts)
    if bypassHosts.contains("*") {
      // preg_quote, then `*` becomes `.+`; anchored, case-insensitive.
      return !hosts.contains { WordPressProxy.wildcard($0.lowercased(), matches: target.lowercased()) }
    }
    return !hosts.contains(target)
  }

  /// `preg_split('|,\s*|', $list)`: split at each comma, dropping the white space after it.
  package static func splitList(_ list: String) -> [String] {
    list.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { index, part in
      index == 0 ? String(part) : String(part.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    }
  }

  /// A pattern where each `*` stands for one or more characters, matched against the whole host.
  package static func wildcard(_ pattern: String, matches host: String) -> Bool {
    let pattern = Array(pattern.utf8)
    let host = Array(host.utf8)
    func match(_ p: Int, _ h: Int) -> Bool {
      if p == pattern.count { return h == host.count }
      if pattern[p] == UInt8(ascii: "*") {
        var end = h + 1
        while end <= host.count {
          if match(p + 1, end) { return true }
          end += 1
        }
        return false
      }
      return h < host.count && pattern[p] == host[h] && match(p + 1, h + 1)
    }
    return match(0, 0)
  }

  /// The host of a URL as PHP's `parse_url` gives it (an IPv6 address keeps its brackets).
  package static func host(of url: String) -> String? {
    guard let schemeEnd = url.firstRange(of: "://") else { return nil }
    var rest = url[schemeEnd.upperBound...]
    if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
    if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
    if rest.hasPrefix("[") {
      guard let close = rest.firstIndex(of: "]") else { return nil }
      return String(rest[...close])
    }
    if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
    return rest.isEmpty ? nil : String(rest)
  }
}
