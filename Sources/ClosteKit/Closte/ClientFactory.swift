import ClosteAPI
import Diagnostics
import HTTP
import PHPReader
import Values
import WPConfig

/// Builds the Closte client of one command run from its options, environment and wp-config.php:
/// the one place where the real transport is wired in.
extension CommandContext {
  /// Where the key came from, for messages (never the key itself).
  public enum KeySource: String, Sendable {
    case environment = "the CLOSTE_CLIENT_API_KEY environment variable"
    case config = "wp-config.php"
  }

  /// The API key: `CLOSTE_CLIENT_API_KEY` from the environment, else the constant in wp-config.php.
  public func closteAPIKey() throws -> (key: String, source: KeySource) {
    if let key = environment["CLOSTE_CLIENT_API_KEY"] {
      guard !key.trimmingSpaces.isEmpty else { throw ClosteError.apiKeyEmpty(source: KeySource.environment.rawValue) }
      runtime.redactor.register(key)
      return (key, .environment)
    }
    let path: String
    do {
      path = try configPath()
    } catch let error as ClosteError {
      // A deleted working directory is its own error, not a missing key (nothing is looked up).
      if error.code == .workingDirectoryMissing { throw error }
      throw ClosteError.apiKeyMissing(
        "CLOSTE_CLIENT_API_KEY is not in the environment, and no wp-config.php was found (\(error.message)).")
    }
    guard let item = try config().constant("CLOSTE_CLIENT_API_KEY") else {
      throw ClosteError.apiKeyMissing("\(path) does not define CLOSTE_CLIENT_API_KEY.")
    }
    guard item.resolved, let value = item.value else {
      throw ClosteError.apiKeyMissing(
        "CLOSTE_CLIENT_API_KEY in \(path) (line \(item.line)) is an expression closte cannot evaluate"
          + (item.reason.map { ": \($0)" } ?? "") + ".")
    }
    let key: String
    switch value {
    case .string(let text): key = text
    case .int(let number): key = String(number)
    default: throw ClosteError.apiKeyEmpty(source: "\(path) (line \(item.line), a \(value.typeName))")
    }
    guard !key.trimmingSpaces.isEmpty else { throw ClosteError.apiKeyEmpty(source: "\(path) (line \(item.line))") }
    runtime.redactor.register(key)
    return (key, .config)
  }

  /// The API base from `--api-url`, `CLOSTE_API_URL` or the default, checked before any traffic.
  public func closteEndpoint() throws -> ClosteEndpoint {
    try ClosteEndpoint(option: invocation.string("api-url"), environment: environment)
  }

  /// `--timeout` (default 45 seconds) and `--retries` (default 3).
  public func closteRetryPolicy() throws -> (policy: RetryPolicy, timeout: Double) {
    let timeout = try invocation.seconds("timeout", in: 0.001...86400) ?? 45
    let retries = try invocation.integer("retries", in: 0...100) ?? 3
    return (RetryPolicy(maxRetries: retries), timeout)
  }

  /// `--connect-timeout` (default 10 seconds) and the body cap.
  public func httpLimits() throws -> HTTPLimits {
    HTTPLimits(
      connectTimeout: try invocation.seconds("connect-timeout", in: 0.001...86400) ?? HTTPLimits.defaultConnectTimeout)
  }

  /// WordPress's proxy from wp-config.php (`WP_PROXY_HOST` and `WP_PROXY_PORT`, ...), or nil when it
  /// names none, or when there is no readable wp-config.php (libcurl's `https_proxy`/`no_proxy` then apply).
  public func wordPressProxy() throws -> WordPressProxy? {
    // A wp-config.php that cannot be read names no proxy (its own command reports why).
    guard (try? configPath()) != nil, let config = try? config() else { return nil }
    func text(_ name: String) throws -> String? {
      guard let item = config.constant(name) else { return nil }
      guard item.resolved, let value = item.value else {
        throw ClosteError(
          .proxyInvalid,
          "\(name) in wp-config.php (line \(item.line)) is an expression closte cannot evaluate"
            + (item.reason.map { ": \($0)" } ?? "") + "; WordPress would send its HTTP calls through that proxy.",
          hint: "Define the WP_PROXY_* constants as plain values, or set https_proxy in the environment instead.")
      }
      return value.phpString
    }
    guard let host = try text("WP_PROXY_HOST"), let port = try text("WP_PROXY_PORT") else { return nil }
    let username = try text("WP_PROXY_USERNAME")
    let password = try text("WP_PROXY_PASSWORD")
    let bothGiven = username != nil && password != nil
    return WordPressProxy(
      host: host, port: port, username: bothGiven ? username : nil, password: bothGiven ? password : nil,
      bypassHosts: try text("WP_PROXY_BYPASS_HOSTS"))
  }

  /// A client for this run. `transport` and `observer` are for a batch that paces its own traffic.
  public func closteClient(
    transport: HTTPTransport? = nil, observer: ClosteTrafficObserver? = nil
  ) throws -> ClosteClient {
    let endpoint = try closteEndpoint()
    let (policy, timeout) = try closteRetryPolicy()
    let (key, source) = try closteAPIKey()
    let diagnostics = self.diagnostics
    diagnostics.debug(
      "Closte API \(endpoint.base), key from \(source.rawValue), timeout \(ClosteError.secondsText(timeout)) s, retries \(policy.maxRetries)"
    )
    return ClosteClient(
      endpoint: endpoint, apiKey: key,
      transport: try transport ?? CurlTransport.make(limits: httpLimits(), proxy: wordPressProxy()),
      policy: policy,
      clock: runtime.clock, timeout: timeout, observer: observer, redactor: runtime.redactor,
      debug: { diagnostics.debug($0) })
  }
}
