import CCurlLoader
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The real transport: one `URLSession` per client, so connections are kept alive and reused across
/// calls. The whole-call bound is enforced here with a timer that cancels the task, as URLSession's
/// own timeout is an idle timeout.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
  private let session: URLSession

  /// `maximumConnections` caps the connections kept to one host (the batch's concurrency).
  public init(maximumConnections: Int = 6) {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = max(1, maximumConnections)
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpShouldSetCookies = false
    configuration.httpCookieAcceptPolicy = .never
    // Redirects are never followed: the key travels with every request, and a redirect could send it
    // elsewhere (or in clear). A 3xx comes back as it is, and is reported as not the API.
    session = URLSession(configuration: configuration, delegate: RefuseRedirects(), delegateQueue: nil)
  }

  /// The transport, once libcurl (which URLSession drives, loaded on first use) is there.
  public static func make(maximumConnections: Int) throws -> URLSessionTransport {
    guard closte_curl_load() == 1 else {
      throw ClosteError(
        .apiUnreachable, "closte cannot make HTTP calls: \(String(cString: closte_curl_error())).",
        hint: "Install the system's libcurl (Debian and Ubuntu: apt-get install libcurl4).")
    }
    return URLSessionTransport(maximumConnections: maximumConnections)
  }

  deinit { session.finishTasksAndInvalidate() }

  public func send(_ request: HTTPRequest, timeout: Double) async throws(TransportFailure) -> HTTPResponse {
    guard let url = URL(string: request.url) else { throw .unreachable("the URL cannot be used") }
    var urlRequest = URLRequest(url: url)
    urlRequest.httpMethod = request.method.rawValue
    urlRequest.timeoutInterval = max(timeout, 0.001)
    for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
    if request.method == .post { urlRequest.httpBody = Data(request.body) }

    let outcome = await withCheckedContinuation {
      (continuation: CheckedContinuation<Result<HTTPResponse, TransportFailure>, Never>) in
      let once = ResumeOnce(continuation)
      let task = session.dataTask(with: urlRequest) { data, response, error in
        once.resume(URLSessionTransport.outcome(data: data, response: response, error: error))
      }
      DispatchQueue.global().asyncAfter(deadline: .now() + max(timeout, 0.001)) {
        if once.resume(.failure(.timedOut)) { task.cancel() }
      }
      task.resume()
    }
    return try outcome.get()
  }

  private static func outcome(data: Data?, response: URLResponse?, error: Error?) -> Result<
    HTTPResponse, TransportFailure
  > {
    if let error = error as? URLError {
      switch error.code {
      case .timedOut: return .failure(.timedOut)
      case .networkConnectionLost, .badServerResponse, .zeroByteResource, .cannotParseResponse:
        return .failure(.dropped("the connection closed without an answer"))
      case .cannotConnectToHost: return .failure(.unreachable("connection refused"))
      case .cannotFindHost, .dnsLookupFailed: return .failure(.unreachable("the host name was not found"))
      case .notConnectedToInternet: return .failure(.unreachable("no network"))
      case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
        .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
        return .failure(.unreachable("the TLS connection failed (certificate not trusted?)"))
      default: return .failure(.unreachable("network error \(error.code.rawValue)"))
      }
    }
    if error != nil { return .failure(.unreachable("network error")) }
    guard let http = response as? HTTPURLResponse else { return .failure(.dropped("no HTTP answer")) }
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
    }
    return .success(HTTPResponse(status: http.statusCode, headers: headers, body: [UInt8](data ?? Data())))
  }
}

private final class RefuseRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}

/// Resumes a continuation exactly once, whichever of the answer and the timer comes first.
private final class ResumeOnce: @unchecked Sendable {
  private let lock = NSLock()
  private var continuation: CheckedContinuation<Result<HTTPResponse, TransportFailure>, Never>?

  init(_ continuation: CheckedContinuation<Result<HTTPResponse, TransportFailure>, Never>) {
    self.continuation = continuation
  }

  @discardableResult
  func resume(_ value: Result<HTTPResponse, TransportFailure>) -> Bool {
    lock.lock()
    let pending = continuation
    continuation = nil
    lock.unlock()
    pending?.resume(returning: value)
    return pending != nil
  }
}
