import Sockets

/// A stub resolver: asks the configured servers (from `/etc/resolv.conf`, or `--resolver`) and
/// returns typed results. UDP first, with the per-try timeout and attempts of resolv.conf; TCP when
/// the answer is truncated or UDP fails. Every call is bounded by a deadline; the message id comes
/// from `nextID`, so tests can predict the exact bytes.
///
/// Calls block the calling thread on `poll` until an answer or the deadline.
public struct Resolver: Sendable {
  public struct Configuration: Equatable, Sendable {
    public var servers: [DNSServerAddress]
    /// How long one try waits for an answer (resolv.conf's `timeout`).
    public var attemptTimeout: Double
    /// How many rounds over the servers (resolv.conf's `attempts`).
    public var attempts: Int
    /// The bound of one call when the caller gives no deadline (`--timeout`); nil: tries × servers × timeout.
    public var totalTimeout: Double?
    /// resolv.conf's `ndots` and search list: a name with fewer dots is tried with each search domain first.
    public var ndots: Int
    public var search: [DNSName]

    public init(
      servers: [DNSServerAddress], attemptTimeout: Double, attempts: Int, totalTimeout: Double? = nil,
      ndots: Int = ResolvConf.defaultNdots, search: [DNSName] = []
    ) {
      self.servers = servers
      self.attemptTimeout = attemptTimeout
      self.attempts = attempts
      self.totalTimeout = totalTimeout
      self.ndots = ndots
      self.search = search
    }

    /// The system's servers and options, or one `server` (still with the system's timeout, attempts and search list).
    public static func system(
      resolvConfPath: String = ResolvConf.defaultPath, environment: [String: String] = [:],
      server: DNSServerAddress? = nil, totalTimeout: Double? = nil
    ) -> Configuration {
      let conf = ResolvConf.load(path: resolvConfPath, environment: environment)
      return Configuration(
        servers: server.map { [$0] } ?? conf.servers, attemptTimeout: conf.timeout, attempts: conf.attempts,
        totalTimeout: totalTimeout, ndots: conf.ndots, search: conf.search)
    }

    /// How long one question may take when no server answers: every try of every server (glibc's
    /// 5 s × 2 with one server: 10 s), within `totalTimeout` when there is one.
    public var questionBudget: Double {
      let everyTry = attemptTimeout * Double(max(attempts, 1) * max(servers.count, 1))
      return totalTimeout.map { min($0, everyTry) } ?? everyTry
    }

    /// The names to ask, in order, for `name`, as glibc's `res_search` orders them: with fewer dots
    /// than `ndots`, each search domain appended, then the name as given; otherwise the name alone.
    /// (glibc also tries the search list after a name with enough dots is not found; closte does not,
    /// since a mapped domain is always fully qualified and `shop.example.com.corp.lan` would mislead.)
    public func searchNames(for name: DNSName) -> [DNSName] {
      guard name.labels.count - 1 < ndots, !search.isEmpty else { return [name] }
      var names = search.compactMap { try? DNSName(labels: name.labels + $0.labels) }
      if !names.contains(name) { names.append(name) }
      return names
    }
  }

  /// How many CNAME links are followed before giving up (BIND's limit is 16 too).
  public static let maximumChainLength = 16

  public var configuration: Configuration
  package let transport: DNSTransport
  package let nextID: @Sendable () -> UInt16

  public init(
    configuration: Configuration, transport: DNSTransport = SocketTransport(),
    nextID: @escaping @Sendable () -> UInt16 = { UInt16.random(in: 0...UInt16.max) }
  ) {
    self.configuration = configuration
    self.transport = transport
    self.nextID = nextID
  }

  /// A deadline for one question: every try of every server, within `totalTimeout`.
  public func defaultDeadline() -> Deadline {
    Deadline(secondsFromNow: configuration.questionBudget)
  }

  /// Asks for `type` records of `name`. Never throws: a failure is `DNSLookup.failure`.
  public func query(_ name: DNSName, _ type: DNSRecordType, deadline: Deadline? = nil) -> DNSLookup {
    let deadline = deadline ?? defaultDeadline()
    let id = nextID()
    let question = DNSQuestion(name: name, type: type)
    var lookup = DNSLookup(name: name, type: type)
    let query: [UInt8]
    do {
      query = try DNSMessage.query(id: id, name: name, type: type).encode(compress: false)
    } catch {
      lookup.failure = .malformed("\(error)")
      return lookup
    }
    var lastFailure = DNSFailure.timeout
    for _ in 0..<max(configuration.attempts, 1) {
      for server in configuration.servers {
        guard !deadline.hasPassed else {
          lookup.failure = lastFailure
          return lookup
        }
        lookup.server = server
        let tryDeadline = deadline.capped(atSecondsFromNow: configuration.attemptTimeout)
        let outcome = ask(
          query, id: id, question: question, server: server, tryDeadline: tryDeadline, deadline: deadline)
        lookup.usedTCP = outcome.usedTCP
        switch outcome.result {
        case .success(let message):
          lookup.message = message
          if message.responseCode == .nameError { lookup.failure = .nameNotFound(name) }
          return lookup
        case .failure(let failure):
          lastFailure = failure
        }
      }
    }
    lookup.failure = lastFailure
    return lookup
  }

  /// One try at one server: UDP, then TCP when the answer is truncated or UDP fails outright. The
  /// TCP exchange has one try's time too, so a server that accepts and never speaks costs a try.
  /// A server error (SERVFAIL, REFUSED) is a failure, so the next server gets asked.
  private func ask(
    _ query: [UInt8], id: UInt16, question: DNSQuestion, server: DNSServerAddress, tryDeadline: Deadline,
    deadline: Deadline
  ) -> (result: Result<DNSMessage, DNSFailure>, usedTCP: Bool) {
    let udpAnswer: [UInt8]
    do {
      udpAnswer = try transport.exchangeUDP(query, with: server, deadline: tryDeadline) {
        $0.count >= 2 && UInt16($0[0]) << 8 | UInt16($0[1]) == id
      }
    } catch SocketFailure.timedOut {
      return (.failure(.timeout), false)
    } catch {
      return (overTCP(query, id: id, question: question, server: server, deadline: tryDeadline), true)
    }
    switch check(udpAnswer, id: id, question: question) {
    case .success(let message) where message.isTruncated:
      // A fresh try's worth of time for the TCP question, as glibc gives it.
      let tcpDeadline = deadline.capped(atSecondsFromNow: configuration.attemptTimeout)
      return (overTCP(query, id: id, question: question, server: server, deadline: tcpDeadline), true)
    case let other:
      return (other, false)
    }
  }

  private func overTCP(
    _ query: [UInt8], id: UInt16, question: DNSQuestion, server: DNSServerAddress, deadline: Deadline
  ) -> Result<DNSMessage, DNSFailure> {
    do {
      let answer = try transport.exchangeTCP(query, with: server, deadline: deadline)
      return check(answer, id: id, question: question)
    } catch SocketFailure.timedOut {
      return .failure(.timeout)
    } catch {
      return .failure(.unreachable("\(server): \(error)"))
    }
  }

  /// Decodes an answer and checks it answers this question; maps the RCODE.
  private func check(_ bytes: [UInt8], id: UInt16, question: DNSQuestion) -> Result<DNSMessage, DNSFailure> {
    let message: DNSMessage
    do {
      message = try DNSMessage.decode(bytes)
    } catch {
      // A truncated UDP answer may stop mid-record; its header still says so, and TCP will tell.
      if let header = try? DNSMessage.decodeHeader(bytes), header.isTruncated, header.isResponse, header.id == id {
        return .success(header)
      }
      return .failure(.malformed("\(error)"))
    }
    guard message.isResponse, message.id == id else { return .failure(.malformed("not an answer to the query")) }
    if message.isTruncated { return .success(message) }
    guard message.questions == [question] else { return .failure(.malformed("it answers another question")) }
    switch message.responseCode {
    case .noError, .nameError: return .success(message)
    default: return .failure(.serverFailure(message.responseCode))
    }
  }
}
