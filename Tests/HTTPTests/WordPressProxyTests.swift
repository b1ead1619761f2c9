import Testing

@testable import HTTP

/// WordPress's `WP_HTTP_Proxy::send_through_proxy`, case by case.
@Suite struct WordPressProxyTests {
  static let cases: [(bypass: String?, url: String, proxied: Bool)] = [
    (nil, "https://app.closte.com/api/client/getdomains", true),
    (nil, "http://localhost:8080/x", false),
    (nil, "http://LOCALHOST/x", true),  // WordPress compares 'localhost' exactly
    ("app.closte.com", "https://app.closte.com/api", false),
    ("App.Closte.com", "https://app.closte.com/api", true),  // without a *, the list is compared exactly
    ("example.org, app.closte.com", "https://app.closte.com/api", false),
    ("example.org,app.closte.com", "https://app.closte.com/api", false),
    ("example.org,  app.closte.com", "https://app.closte.com/api", false),
    ("*.closte.com", "https://app.closte.com/api", false),
    ("*.CLOSTE.com", "https://app.closte.com/api", false),  // with a *, case-insensitive
    ("*.closte.com", "https://closte.com/api", true),  // * is one or more characters
    ("app.*", "https://app.closte.com/api", false),
    ("example.org, *.wordpress.org", "https://app.closte.com/api", true),
    ("127.0.*", "http://127.0.0.1:8080/getdomains", false),
    ("app.closte.com", "https://user:pw@app.closte.com:443/x?y", false),
    ("[::1]", "http://[::1]:8080/x", false),
    ("app.closte.com", "not a url", true),
  ]

  @Test(arguments: cases)
  func sendsThroughAsWordPressDoes(_ bypass: String?, _ url: String, _ proxied: Bool) {
    let proxy = WordPressProxy(host: "proxy.internal", port: "3128", bypassHosts: bypass)
    #expect(proxy.sendsThrough(url) == proxied)
  }

  @Test func theEnvironmentsProxyIsShownWithoutItsCredentials() {
    let text = ProxyDescription.route(
      to: "https://app.closte.com/api/client", proxy: nil,
      environment: ["https_proxy": "http://deploy:s3cret@proxy.internal:3128"])
    #expect(text == "Closte is reached through http://proxy.internal:3128 (https_proxy in the environment).")
  }
}
