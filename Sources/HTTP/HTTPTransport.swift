/// One HTTP exchange, as the Closte client needs it. The transport is a parameter of the client, so
/// unit tests answer from a script and the real one (`CurlTransport`, in `HTTP/`) is wired in one factory.
public protocol HTTPTransport: Sendable {
  /// Sends `request` and waits at most `timeout` seconds for the whole answer.
  func send(_ request: HTTPRequest, timeout: Double) async throws(TransportFailure) -> HTTPResponse
}

public struct HTTPRequest: Sendable, Equatable {
  public enum Method: String, Sendable { case get = "GET", post = "POST" }

  public var method: Method
  /// The full URL (it may carry the key in its query: never print it; print `target`).
  public var url: String
  /// The path alone, for logs and errors: `/getdomains`.
  public var target: String
  public var headers: [(String, String)]
  public var body: [UInt8]

  public init(method: Method, url: String, target: String, headers: [(String, String)] = [], body: [UInt8] = []) {
    self.method = method
    self.url = url
    self.target = target
    self.headers = headers
    self.body = body
  }

  public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
    lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
      && lhs.headers.map { $0.0 + ":" + $0.1 } == rhs.headers.map { $0.0 + ":" + $0.1 }
  }
}

public struct HTTPResponse: Sendable, Equatable {
  public var status: Int
  /// Header names in lower case.
  public var headers: [String: String]
  public var body: [UInt8]

  public init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
    self.status = status
    self.headers = headers
    self.body = body
  }
}

/// Why an exchange produced no answer.
public enum TransportFailure: Error, Sendable, Equatable {
  /// The whole-call time ran out.
  case timedOut
  /// No connection: refused, no route, name not found.
  case unreachable(String)
  /// Connected, and the connection ended without a complete answer.
  case dropped(String)
  /// The answer's body passed `limit` bytes (after any decompression), and reading it was stopped.
  case tooLarge(limit: Int)

  public var reason: String {
    switch self {
    case .timedOut: return "timed out"
    case .unreachable(let reason), .dropped(let reason): return reason
    case .tooLarge(let limit): return "the answer is larger than \(ByteCount.text(limit))"
    }
  }
}
