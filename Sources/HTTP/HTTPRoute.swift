import CCurlLoader

/// How a request reaches its host.
package enum HTTPRoute: Sendable, Equatable {
  /// As libcurl's environment says: `https_proxy`, `http_proxy`, `all_proxy` and `no_proxy`.
  case environment
  /// Straight to the host, whatever the environment says.
  case direct
  /// Through this proxy (`WP_PROXY_*` from wp-config.php).
  case proxy(WordPressProxy)

  package func apply(to easy: UnsafeMutableRawPointer) {
    func setText(_ option: Int32, _ value: String) {
      _ = value.withCString { closte_curl_easy_setopt_pointer(easy, option, $0) }
    }
    switch self {
    case .environment: break
    case .direct: setText(Int32(CLOSTE_CURLOPT_PROXY), "")
    case .proxy(let proxy):
      setText(Int32(CLOSTE_CURLOPT_PROXY), proxy.address)
      _ = closte_curl_easy_setopt_long(easy, Int32(CLOSTE_CURLOPT_PROXYTYPE), CLOSTE_CURLPROXY_HTTP)
      if let username = proxy.username, let password = proxy.password {
        setText(Int32(CLOSTE_CURLOPT_PROXYUSERNAME), username)
        setText(Int32(CLOSTE_CURLOPT_PROXYPASSWORD), password)
        _ = closte_curl_easy_setopt_long(easy, Int32(CLOSTE_CURLOPT_PROXYAUTH), CLOSTE_CURLAUTH_ANY)
      }
    }
  }
}
