import Diagnostics
import DomainNames
import HTTP
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// Closte's client API (DESIGN.md, "The Closte client API"): `/getdomains`, `/adddomainalias`,
/// `/deletedomainalias`. Every call goes through `perform`, the one request-and-retry path, which a
/// parallel batch can call from many tasks at once (the client holds no mutable state).
public struct ClosteClient: Sendable {
  public let endpoint: ClosteEndpoint
  public let transport: HTTPTransport
  public let policy: RetryPolicy
  public let clock: ClosteClock
  /// The bound for one call, all attempts and waits included (`--timeout`).
  public let timeout: Double
  /// Told about every attempt and every 429, so a batch can slow down as a whole.
  public let observer: ClosteTrafficObserver?
  /// Where debug lines go (never given the key or a URL that holds it).
  public let debug: @Sendable (String) -> Void
  /// The run's scrubber, which masks the key in a body before a preview of it is cut.
  public let redactor: SecretRedactor
  private let apiKey: String

  public init(
    endpoint: ClosteEndpoint, apiKey: String, transport: HTTPTransport, policy: RetryPolicy = RetryPolicy(),
    clock: ClosteClock = SystemClock(), timeout: Double = 45, observer: ClosteTrafficObserver? = nil,
    redactor: SecretRedactor = SecretRedactor(), debug: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.endpoint = endpoint
    self.apiKey = apiKey
    self.redactor = redactor
    redactor.register(apiKey)
    self.transport = transport
    self.policy = policy
    self.clock = clock
    self.timeout = timeout
    self.observer = observer
    self.debug = debug
  }

  // MARK: The three calls

  /// `GET /getdomains`: the aliases Closte has.
  public func listDomains() async throws -> [ClosteAlias] {
    let reply = try await perform(.getDomains)
    guard reply.success else { throw reply.refusal(call: "the domain list") }
    return try ClosteClient.aliases(in: reply)
  }

  /// The `domains` of a successful `/getdomains` answer; `api_bad_response` when it has none.
  public static func aliases(in reply: ClosteReply) throws -> [ClosteAlias] {
    guard let domains = reply.object["domains"] else {
      throw ClosteError.apiBadResponse(
        "it has no `domains` list", call: "/getdomains", body: reply.body, redactor: reply.redactor)
    }
    let entries: [JSONValue]
    switch domains {
    case .array(let list): entries = list
    case .object(let object): entries = object.map { $0.value }
    case .null: entries = []
    default:
      throw ClosteError.apiBadResponse(
        "`domains` is not a list", call: "/getdomains", body: reply.body, redactor: reply.redactor)
    }
    return entries.compactMap(ClosteAlias.init(entry:))
  }

  /// `POST /adddomainalias`. The reply may be a refusal (`success: false`): the caller decides.
  public func addAlias(_ domain: DomainName) async throws -> ClosteReply {
    try await perform(.addAlias(domain.name, wildcard: domain.isWildcard))
  }

  /// `POST /deletedomainalias`.
  public func removeAlias(_ domain: DomainName) async throws -> ClosteReply {
    try await perform(.removeAlias(domain.name, wildcard: domain.isWildcard))
  }

  /// Ultimate Multisite's connection test: an add with an empty domain, which changes nothing and
  /// is answered `Invalid or empty domain: ` when the key is accepted.
  public func probeKey() async throws -> ClosteReply {
    try await perform(.addAlias("", wildcard: false))
  }

  /// The same client, except that a 429 is thrown at once (`rateLimitHandedOver`) instead of retried
  /// here: for a batch that slows down as a whole (`BatchRunner`).
  public func handingRateLimitsToCaller() -> ClosteClient {
    var policy = self.policy
    policy.retriesRateLimits = false
    return ClosteClient(
      endpoint: endpoint, apiKey: apiKey, transport: transport, policy: policy, clock: clock, timeout: timeout,
      observer: observer, redactor: redactor, debug: debug)
  }

  // MARK: The one request-and-retry path

  /// Sends `call`, retrying connection errors, HTTP 5xx and 429 (after `Retry-After`) with backoff,
  /// at most `policy.maxRetries` times, all within `timeout`. Returns Closte's JSON answer, which may
  /// be a refusal; throws `ClosteError` when there is no usable answer.
  public func perform(_ call: ClosteCall) async throws -> ClosteReply {
    let (response, attempts) = try await send(call)
    return try ClosteReply(response: response, call: call, attempts: attempts, redactor: redactor)
  }

  /// The retry loop of `perform`: the first answer that is not retried, unread, with the number of
  /// attempts it took (for a caller that reads a long answer its own way, as `aliasNames`).
  public func send(_ call: ClosteCall) async throws -> (response: HTTPResponse, attempts: Int) {
    let request = call.request(endpoint: endpoint, apiKey: apiKey)
    let deadline = clock.now().addingTimeInterval(timeout)
    var attempt = 0
    while true {
      attempt += 1
      let remaining = deadline.timeIntervalSince(clock.now())
      guard remaining > 0 else { throw ClosteError.apiTimeout(call: call.target, seconds: timeout) }
      await observer?.willSend(call)
      debug("\(call.method.rawValue) \(endpoint.base)\(call.target) (attempt \(attempt))\(call.describedFields)")
      let failure: ClosteError
      var retryAfter: Double?
      switch await exchange(request, timeout: remaining) {
      case .success(let response):
        debug("\(call.target): HTTP \(response.status), \(response.body.count) bytes")
        switch response.status {
        case 429:
          retryAfter = RetryPolicy.retryAfterSeconds(response.headers["retry-after"], now: clock.now())
          await observer?.rateLimited(retryAfter: retryAfter)
          if !policy.retriesRateLimits {
            throw ClosteError.rateLimitHandedOver(call: call.target, retryAfter: retryAfter)
          }
          failure = .apiRateLimited(call: call.target)
        case 500...599:
          // A 503 may say when to come back (RFC 9110, section 10.2.3).
          if response.status == 503 {
            retryAfter = RetryPolicy.retryAfterSeconds(response.headers["retry-after"], now: clock.now())
          }
          failure = .apiServerError(call: call.target, status: response.status)
        default:
          return (response, attempt)
        }
      case .failure(.timedOut):
        throw ClosteError.apiTimeout(call: call.target, seconds: timeout)
      case .failure(.tooLarge(let limit)):
        // Not retried: the next answer would be as large.
        throw ClosteError.apiResponseTooLarge(call: call.target, limit: limit)
      case .failure(.unreachable(let reason)), .failure(.dropped(let reason)):
        debug("\(call.target): \(reason)")
        failure = .apiUnreachable(call: call.target, reason: reason)
      }
      guard attempt <= policy.maxRetries else { throw failure }
      if let retryAfter, clock.now().addingTimeInterval(retryAfter) >= deadline {
        throw ClosteError.retryAfterPastDeadline(
          failure.code, call: call.target, retryAfter: retryAfter, timeout: timeout)
      }
      let wait = policy.delay(beforeRetry: attempt, retryAfter: retryAfter)
      guard clock.now().addingTimeInterval(wait) < deadline else { throw failure }
      debug("\(call.target): retrying in \(JSONWriter.formatDouble((wait * 1000).rounded() / 1000)) s")
      await clock.sleep(seconds: wait)
    }
  }

  private func exchange(_ request: HTTPRequest, timeout: Double) async -> Result<HTTPResponse, TransportFailure> {
    do {
      return .success(try await transport.send(request, timeout: timeout))
    } catch {
      return .failure(error)
    }
  }
}

/// Told about the traffic of a client, for a batch that paces many calls at once.
public protocol ClosteTrafficObserver: Sendable {
  /// Before every attempt (a batch may hold it back here while it slows down).
  func willSend(_ call: ClosteCall) async
  /// Closte answered 429; `retryAfter` is its `Retry-After` in seconds when given.
  func rateLimited(retryAfter: Double?) async
}

/// One call of Closte's client API.
public enum ClosteCall: Sendable, Equatable {
  case getDomains
  case addAlias(String, wildcard: Bool)
  case removeAlias(String, wildcard: Bool)

  public var target: String {
    switch self {
    case .getDomains: return "/getdomains"
    case .addAlias: return "/adddomainalias"
    case .removeAlias: return "/deletedomainalias"
    }
  }

  public var method: HTTPRequest.Method {
    if case .getDomains = self { return .get }
    return .post
  }

  /// The fields other than the key, for debug lines.
  package var describedFields: String {
    switch self {
    case .getDomains: return ""
    case .addAlias(let domain, let wildcard), .removeAlias(let domain, let wildcard):
      return " domain=\(domain) wildcard=\(wildcard ? 1 : 0)"
    }
  }

  package func request(endpoint: ClosteEndpoint, apiKey: String) -> HTTPRequest {
    let headers = [("User-Agent", HTTPRequest.userAgent), ("Accept", "application/json")]
    switch self {
    case .getDomains:
      return HTTPRequest(
        method: .get, url: endpoint.url(target) + "?" + FormEncoding.encode([("apikey", apiKey)]),
        target: target, headers: headers)
    case .addAlias(let domain, let wildcard), .removeAlias(let domain, let wildcard):
      let body = FormEncoding.encode([("apikey", apiKey), ("domain", domain), ("wildcard", wildcard ? "1" : "0")])
      return HTTPRequest(
        method: .post, url: endpoint.url(target), target: target,
        headers: headers + [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
    }
  }
}

/// Closte's JSON answer to one call: `success`, and `error` when it refused.
public struct ClosteReply: Sendable {
  public var success: Bool
  /// Closte's own message when it refused.
  public var error: String?
  public var object: JSONObject
  public var body: [UInt8]
  /// How many attempts it took (more than 1: an earlier attempt may have landed).
  public var attempts: Int
  /// The scrubber for a preview of `body` in an error.
  package let redactor: SecretRedactor

  package init(response: HTTPResponse, call: ClosteCall, attempts: Int, redactor: SecretRedactor) throws {
    self.redactor = redactor
    let parsed = try? JSONParser.parse(response.body)
    // Not the API at all (a wrong path, a redirect): whatever the body says.
    if [404, 405, 410].contains(response.status) || (300...399).contains(response.status) {
      throw ClosteError.apiBadResponse(
        "HTTP \(response.status)", call: call.target, body: response.body, redactor: redactor)
    }
    guard case .object(let object)? = parsed else {
      if response.status == 401 || response.status == 403 {
        throw ClosteError.apiUnauthorized("HTTP \(response.status)")
      }
      let what = response.status == 200 ? "it is not a JSON object" : "HTTP \(response.status), not a JSON object"
      throw ClosteError.apiBadResponse(what, call: call.target, body: response.body, redactor: redactor)
    }
    guard let success = object["success"].map(ClosteAlias.truthy) else {
      throw ClosteError.apiBadResponse(
        "it has no `success` member", call: call.target, body: response.body, redactor: redactor)
    }
    if response.status == 401 || response.status == 403 {
      throw ClosteError.apiUnauthorized(object["error"]?.stringValue ?? "HTTP \(response.status)")
    }
    self.success = success
    self.error = object["error"]?.stringValue ?? object["message"]?.stringValue
    self.object = object
    self.body = response.body
    self.attempts = attempts
  }

  /// The refusal as an error: `api_unauthorized` when Closte's message is about the key or
  /// permissions, else `api_refused` with Closte's own message.
  public func refusal(call: String) -> ClosteError {
    let message = error ?? "(no message)"
    let lower = message.lowercased()
    let aboutKey = ["key", "auth", "permission", "forbidden", "access denied", "not allowed"].contains {
      lower.contains($0)
    }
    return aboutKey ? .apiUnauthorized(message) : .apiRefused(message, call: call)
  }
}

/// `application/x-www-form-urlencoded`, as PHP's `$_POST` and `$_GET` read it.
public enum FormEncoding {
  public static func encode(_ fields: [(String, String)]) -> String {
    fields.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
  }

  package static func escape(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "*"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        out += percent(byte)
      }
    }
    return out
  }

  /// `%2F`: one byte, percent-encoded.
  package static func percent(_ byte: UInt8) -> String {
    "%" + Hex.text(byte, digits: 2, uppercase: true)
  }
}
