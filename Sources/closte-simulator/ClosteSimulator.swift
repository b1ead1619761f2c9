import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Closte's client API in memory: the aliases, the faults, the counters and the request log.
/// Everything is behind one lock; the latency is waited outside it, so requests overlap.
final class ClosteSimulator: @unchecked Sendable {
  private struct Alias {
    var domain: String
    var wildcard: Bool
  }

  private let lock = Lock()
  private let key: String
  private var faults: Faults
  private var initialFaults: Faults
  private var aliases: [Alias?] = []
  private var index: [String: Int] = [:]
  private var aliasCount = 0
  private var requestCount = 0
  private var byPath: [String: Int] = [:]
  private var byStatus: [Int: Int] = [:]
  private var dropped = 0
  private var hung = 0
  private var inFlight = 0
  private var maxInFlight = 0
  private var log: [String] = []
  private var windowStart = Date()
  private var windowCount = 0
  private let logFile: AppendFile?
  weak var server: HTTPServer?

  init(options: SimulatorOptions) throws {
    key = options.key
    faults = options.faults
    initialFaults = options.faults
    if let path = options.logFile {
      guard let file = AppendFile(path: path) else { throw UsageError("cannot write --log=\(path)") }
      logFile = file
    } else {
      logFile = nil
    }
    if let file = options.seedFile {
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        throw UsageError("cannot read --seed=\(file)")
      }
      for line in text.split(whereSeparator: \.isNewline) {
        let name = line.trimmedBlanks.lowercased()
        if !name.isEmpty && !name.hasPrefix("#") { insert(name, wildcard: name.hasPrefix("*.")) }
      }
    }
    seed(count: options.seedCount, prefix: "site-", suffix: ".example.test")
  }

  // MARK: Routing

  func handle(_ request: HTTPServer.Request) -> HTTPServer.Answer {
    if request.path.hasPrefix("/_simulator/") { return control(request) }
    let path = "/" + (request.path.split(separator: "/").last.map(String.init) ?? "")
    var fields = request.query
    if request.method == "POST" {
      for (name, value) in FormDecoding.decode(String(decoding: request.body, as: UTF8.self)) { fields[name] = value }
    }
    let keyState = fields["apikey"] == nil ? "missing" : (fields["apikey"] == key ? "valid" : "invalid")

    lock.lock()
    requestCount += 1
    let seq = requestCount
    byPath[path, default: 0] += 1
    inFlight += 1
    maxInFlight = max(maxInFlight, inFlight)
    let fault = faults.redirectTo.map { Fault.redirect($0) } ?? takeFault(path: path)
    let latency = faults.latencyMilliseconds
    let retryAfter = faults.retryAfter
    lock.unlock()

    if latency > 0 { usleep(useconds_t(latency * 1000)) }
    var (answer, status, outcome) = respond(
      request, path: path, fields: fields, keyState: keyState, fault: fault, retryAfter: retryAfter)
    if case .none = fault, let bodyFault = bodyFault(path: path) {
      (answer, status, outcome) = (bodyFault.answer, 200, "fault: \(bodyFault.rawValue) body")
    }

    lock.lock()
    inFlight -= 1
    switch answer {
    case .drop: dropped += 1
    case .hang: hung += 1
    case .response, .stream: byStatus[status, default: 0] += 1
    }
    var entry = "{\"seq\":\(seq),\"method\":\(JSONText.string(request.method)),\"path\":\(JSONText.string(path))"
    if let domain = fields["domain"] { entry += ",\"domain\":\(JSONText.string(domain))" }
    if let wildcard = fields["wildcard"] { entry += ",\"wildcard\":\(JSONText.string(wildcard))" }
    entry += ",\"key\":\"\(keyState)\",\"status\":\(status),\"outcome\":\(JSONText.string(outcome))"
    entry += ",\"user_agent\":\(JSONText.string(request.headers["user-agent"] ?? ""))"
    entry += ",\"connection\":\(request.connection)}"
    log.append(entry)
    if log.count > 200_000 { log.removeFirst(100_000) }
    logFile?.append(entry + "\n")
    lock.unlock()
    return answer
  }

  /// `--keep-alive-max`: answers per connection before the server closes it silently (0: never).
  var keepAliveMax: Int {
    lock.lock()
    defer { lock.unlock() }
    return faults.keepAliveMax
  }

  /// The hostile body this request gets instead of its answer (`--body-fault`), if any.
  private func bodyFault(path: String) -> BodyFault? {
    lock.lock()
    defer { lock.unlock() }
    if let only = faults.faultPath, only != path && "/" + only != path { return nil }
    return faults.bodyFault
  }

  private enum Fault {
    case none, drop, fail, limit, unavailable, malformed, hang
    case redirect(String)
  }

  /// Which fault this request meets (called under the lock).
  private func takeFault(path: String) -> Fault {
    if let hang = faults.hangPath, hang == path || "/" + hang == path { return .hang }
    if let only = faults.faultPath, only != path && "/" + only != path { return .none }
    if faults.dropFirst > 0 {
      faults.dropFirst -= 1
      return .drop
    }
    if faults.failFirst > 0 {
      faults.failFirst -= 1
      return .fail
    }
    if faults.limitFirst > 0 {
      faults.limitFirst -= 1
      return .limit
    }
    if faults.unavailableFirst > 0 {
      faults.unavailableFirst -= 1
      return .unavailable
    }
    if faults.rateLimit > 0 {
      let now = Date()
      if now.timeIntervalSince(windowStart) >= 1 {
        windowStart = now
        windowCount = 0
      }
      windowCount += 1
      if windowCount > faults.rateLimit { return .limit }
    }
    if faults.malformedFirst > 0 {
      faults.malformedFirst -= 1
      return .malformed
    }
    return .none
  }

  private func respond(
    _ request: HTTPServer.Request, path: String, fields: [String: String], keyState: String, fault: Fault,
    retryAfter: String
  ) -> (HTTPServer.Answer, Int, String) {
    switch fault {
    case .redirect(let target):
      return (json(301, "{}", extra: [("Location", target + path)]), 301, "fault: redirect")
    case .drop: return (.drop, 0, "fault: dropped")
    case .hang: return (.hang, 0, "fault: hung")
    case .limit:
      return (
        json(429, #"{"success":false,"error":"Too many requests"}"#, extra: [("Retry-After", retryAfter)]), 429,
        "fault: 429"
      )
    case .unavailable:
      return (
        json(503, #"{"success":false,"error":"Service unavailable"}"#, extra: [("Retry-After", retryAfter)]), 503,
        "fault: 503"
      )
    case .malformed:
      return (
        .response(
          status: 200, headers: [("Content-Type", "text/html")],
          body: Array("<html><body>Closte is under maintenance</body></html>".utf8)), 200, "fault: malformed"
      )
    case .fail:
      lock.lock()
      let afterApply = faults.failAfterApply
      lock.unlock()
      var outcome = "fault: 500"
      if afterApply { outcome += " after " + api(request, path: path, fields: fields, keyState: keyState).outcome }
      return (
        .response(status: 500, headers: [("Content-Type", "text/html")], body: Array("Internal Server Error".utf8)),
        500, outcome
      )
    case .none:
      let result = api(request, path: path, fields: fields, keyState: keyState)
      lock.lock()
      let echo = faults.echoKey
      lock.unlock()
      if let echo, keyState == "valid" {
        return (echo.answer(status: result.status, body: result.body, key: key), result.status, result.outcome)
      }
      return (json(result.status, result.body), result.status, result.outcome)
    }
  }

  /// The API itself.
  private func api(_ request: HTTPServer.Request, path: String, fields: [String: String], keyState: String) -> (
    status: Int, body: String, outcome: String
  ) {
    func refuse(_ message: String, _ outcome: String) -> (Int, String, String) {
      (200, "{\"success\":false,\"error\":\(JSONText.string(message))}", outcome)
    }
    switch path {
    case "/getdomains":
      lock.lock()
      let noList = faults.noGetDomains
      lock.unlock()
      if noList { return (404, #"{"success":false,"error":"Not found"}"#, "not found") }
      guard request.method == "GET" || request.method == "POST" else { return (405, "{}", "method not allowed") }
      guard keyState == "valid" else { return refuse("Invalid API key", "refused: key") }
      return (200, listBody(), "listed")
    case "/adddomainalias", "/deletedomainalias":
      guard request.method == "POST" else {
        return (405, #"{"success":false,"error":"Method not allowed"}"#, "method not allowed")
      }
      guard keyState == "valid" else { return refuse("Invalid API key", "refused: key") }
      let domain = (fields["domain"] ?? "").trimmedBlanks.lowercased()
      guard ClosteSimulator.plausible(domain) else {
        return refuse("Invalid or empty domain: \(fields["domain"] ?? "")", "refused: invalid domain")
      }
      let wildcard = fields["wildcard"] == "1"
      guard wildcard == domain.hasPrefix("*."), fields["wildcard"] == "0" || fields["wildcard"] == "1" else {
        return refuse("The wildcard field must be 1 for a *. domain and 0 otherwise.", "refused: wildcard flag")
      }
      lock.lock()
      defer { lock.unlock() }
      if faults.refuseDomain == domain { return refuse("Domain is blocked: \(domain)", "refused: blocked") }
      if faults.confirmOtherDomain {
        let other = JSONText.string((wildcard ? "*.other-" + domain.dropFirst(2) : "other-" + domain))
        return (200, "{\"success\":true,\"message\":\"Done\",\"domain\":\(other)}", "fault: confirmed another domain")
      }
      if path == "/adddomainalias" {
        guard index[domain] == nil else { return refuse("Domain alias already exists: \(domain)", "refused: exists") }
        insert(domain, wildcard: wildcard)
        return (200, #"{"success":true,"message":"Domain alias added"}"#, "added")
      }
      guard let position = index[domain] else { return refuse("Domain alias not found: \(domain)", "refused: absent") }
      aliases[position] = nil
      index[domain] = nil
      aliasCount -= 1
      return (200, #"{"success":true,"message":"Domain alias deleted"}"#, "removed")
    default:
      return (404, #"{"success":false,"error":"Not found"}"#, "not found")
    }
  }

  private func listBody() -> String {
    lock.lock()
    defer { lock.unlock() }
    var body = #"{"success":true,"domains":["#
    body.reserveCapacity(aliasCount * 64 + 64)
    var first = true
    for alias in aliases {
      guard let alias else { continue }
      if !first { body += "," }
      first = false
      if faults.entryShape == "string" {
        body += JSONText.string(alias.domain)
      } else {
        body += "{\"domain\":\(JSONText.string(alias.domain)),\"wildcard\":\(alias.wildcard ? 1 : 0)"
        body += ",\"ssl_status\":\"pending\"}"
      }
    }
    return body + "]}"
  }

  /// Host-name characters only: what Closte's own check would let through.
  static func plausible(_ domain: String) -> Bool {
    guard !domain.isEmpty, domain.count <= 253 else { return false }
    let body = domain.hasPrefix("*.") ? String(domain.dropFirst(2)) : domain
    return body.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
      !label.isEmpty && label.count <= 63
        && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
  }

  /// Adds an alias (called under the lock, or before serving).
  private func insert(_ domain: String, wildcard: Bool) {
    guard index[domain] == nil else { return }
    index[domain] = aliases.count
    aliases.append(Alias(domain: domain, wildcard: wildcard))
    aliasCount += 1
  }

  private func seed(count: Int, prefix: String, suffix: String) {
    guard count > 0 else { return }
    let start = aliases.count
    for number in 0..<count { insert("\(prefix)\(start + number + 1)\(suffix)", wildcard: false) }
  }

  private func json(_ status: Int, _ body: String, extra: [(String, String)] = []) -> HTTPServer.Answer {
    .response(status: status, headers: [("Content-Type", "application/json")] + extra, body: Array(body.utf8))
  }

  // MARK: The control API

  private func control(_ request: HTTPServer.Request) -> HTTPServer.Answer {
    switch (request.method, request.path) {
    case ("GET", "/_simulator/stats"):
      lock.lock()
      defer { lock.unlock() }
      let paths = byPath.sorted { $0.key < $1.key }.map { "\(JSONText.string($0.key)):\($0.value)" }
      let statuses = byStatus.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }
      var body = "{\"requests\":\(requestCount),\"by_path\":{\(paths.joined(separator: ","))}"
      body += ",\"by_status\":{\(statuses.joined(separator: ","))},\"dropped\":\(dropped),\"hung\":\(hung)"
      body += ",\"domains\":\(aliasCount),\"connections\":\(server?.connectionsAccepted ?? 0)"
      body += ",\"open_connections\":\(server?.connectionsOpen ?? 0)"
      body += ",\"in_flight\":\(inFlight),\"max_in_flight\":\(maxInFlight)}"
      return json(200, body)
    case ("GET", "/_simulator/requests"):
      lock.lock()
      let body = "[" + log.joined(separator: ",") + "]"
      lock.unlock()
      return json(200, body)
    case ("GET", "/_simulator/domains"):
      lock.lock()
      let body = aliases.compactMap { $0?.domain }.map { $0 + "\n" }.joined()
      lock.unlock()
      return .response(status: 200, headers: [("Content-Type", "text/plain")], body: Array(body.utf8))
    case ("POST", "/_simulator/seed"):
      let count = Int(request.query["count"] ?? "") ?? 0
      lock.lock()
      seed(count: count, prefix: request.query["prefix"] ?? "site-", suffix: request.query["suffix"] ?? ".example.test")
      for line in String(decoding: request.body, as: UTF8.self).split(whereSeparator: \.isNewline) {
        let name = line.trimmedBlanks.lowercased()
        if !name.isEmpty { insert(name, wildcard: name.hasPrefix("*.")) }
      }
      let total = aliasCount
      lock.unlock()
      return json(200, "{\"success\":true,\"domains\":\(total)}")
    case ("POST", "/_simulator/faults"):
      lock.lock()
      defer { lock.unlock() }
      do {
        for (name, value) in request.query {
          guard try faults.set(name, value) else {
            return json(400, "{\"error\":\(JSONText.string("unknown fault \(name)"))}")
          }
        }
      } catch let error as UsageError {
        return json(400, "{\"error\":\(JSONText.string(error.message))}")
      } catch {
        return json(400, #"{"error":"bad fault"}"#)
      }
      return json(200, #"{"success":true}"#)
    case ("POST", "/_simulator/reset"):
      lock.lock()
      aliases = []
      index = [:]
      aliasCount = 0
      requestCount = 0
      byPath = [:]
      byStatus = [:]
      dropped = 0
      hung = 0
      maxInFlight = inFlight
      log = []
      faults = initialFaults
      faults.dropFirst = 0
      faults.failFirst = 0
      faults.limitFirst = 0
      faults.unavailableFirst = 0
      faults.malformedFirst = 0
      lock.unlock()
      return json(200, #"{"success":true}"#)
    default:
      return json(404, #"{"error":"unknown control path"}"#)
    }
  }
}
