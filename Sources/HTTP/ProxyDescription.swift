/// How closte reaches a URL, in one sentence for `doctor`: WordPress's proxy, the environment's,
/// or none. Credentials are never part of it (the proxy's user name only).
public enum ProxyDescription {
  public static func route(to url: String, proxy: WordPressProxy?, environment: [String: String]) -> String {
    if let proxy {
      guard proxy.sendsThrough(url) else {
        return
          "Closte is reached directly: WP_PROXY_BYPASS_HOSTS (or localhost) excludes it from WordPress's proxy \(proxy.address)."
      }
      let user = proxy.username.map { ", as user \($0)" } ?? ""
      return "Closte is reached through WordPress's proxy \(proxy.address) (WP_PROXY_HOST\(user))."
    }
    let https = url.hasPrefix("https:")
    let names = (https ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy"]) + ["all_proxy", "ALL_PROXY"]
    guard let name = names.first(where: { !(environment[$0] ?? "").isEmpty }), let value = environment[name] else {
      return "Closte is reached directly (no WP_PROXY_HOST in wp-config.php, no proxy in the environment)."
    }
    let noProxy = environment["no_proxy"] ?? environment["NO_PROXY"]
    let exception = (noProxy ?? "").isEmpty ? "" : " unless no_proxy (\(noProxy ?? "")) names its host"
    return "Closte is reached through \(withoutCredentials(value)) (\(name) in the environment)\(exception)."
  }

  /// `http://user:secret@proxy:3128` without `user:secret@`.
  package static func withoutCredentials(_ address: String) -> String {
    let start = address.firstRange(of: "://")?.upperBound ?? address.startIndex
    let authority = address[start...].prefix { $0 != "/" }
    guard let at = authority.lastIndex(of: "@") else { return address }
    return String(address[..<start]) + String(address[address.index(after: at)...])
  }
}
