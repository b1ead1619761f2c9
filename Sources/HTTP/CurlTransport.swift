import Diagnostics

/// The real transport: every call goes through the process's `CurlEngine` (libcurl's multi
/// interface), within the client's `timeout`, the connect timeout and the body cap of `limits`, and
/// through WordPress's proxy when wp-config.php names one.
public struct CurlTransport: HTTPTransport {
  public let limits: HTTPLimits
  public let proxy: WordPressProxy?
  private let engine: CurlEngine

  /// The transport, once libcurl is loaded (`api_unreachable` with how to install it, if it cannot be).
  public static func make(limits: HTTPLimits = HTTPLimits(), proxy: WordPressProxy? = nil) throws(ClosteError)
    -> CurlTransport
  {
    CurlTransport(limits: limits, proxy: proxy, engine: try CurlEngine.shared.get())
  }

  private init(limits: HTTPLimits, proxy: WordPressProxy?, engine: CurlEngine) {
    self.limits = limits
    self.proxy = proxy
    self.engine = engine
  }

  /// libcurl's version text, for `doctor`.
  public var libraryVersion: String { engine.library.version }

  public func send(_ request: HTTPRequest, timeout: Double) async throws(TransportFailure) -> HTTPResponse {
    let route = route(for: request.url)
    let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<CurlTransfer.Outcome, Never>) in
      guard
        let transfer = CurlTransfer(
          request, timeout: timeout, limits: limits, route: route, continuation: continuation)
      else {
        continuation.resume(returning: .failure(.unreachable("libcurl could not start a transfer (out of memory?)")))
        return
      }
      engine.submit(transfer)
    }
    return try outcome.get()
  }

  /// WordPress's proxy when it applies to `url`; straight there when WordPress would bypass it;
  /// libcurl's environment variables when wp-config.php names no proxy.
  package func route(for url: String) -> HTTPRoute {
    guard let proxy else { return .environment }
    return proxy.sendsThrough(url) ? .proxy(proxy) : .direct
  }
}

extension HTTPLimits {
  /// Seconds as libcurl's whole milliseconds, at least 1 (0 would mean "no limit" to libcurl).
  package static func milliseconds(_ seconds: Double) -> Int {
    guard seconds.isFinite else { return Int(Int32.max) }
    return max(1, Int(min((seconds * 1000).rounded(.up), Double(Int32.max))))
  }
}
