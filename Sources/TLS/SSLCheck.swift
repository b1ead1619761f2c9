import Diagnostics
import Sockets
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// What to check: a host name, on a port, within a time limit.
public struct SSLCheckRequest: Sendable {
  public var domain: String
  public var port: UInt16
  /// The whole check (resolution, connection, handshake) is bounded by this many seconds.
  public var timeout: Double
  /// Connecting to one address and the TLS handshake on it are bounded by this many seconds.
  public var connectTimeout: Double
  /// Extra trusted authorities (PEM) beside the system's trust store.
  public var caFile: String?
  /// Connect to this address instead of resolving the domain (the certificate a server serves for
  /// the name before DNS points there).
  public var connectTo: String?

  public init(
    domain: String, port: UInt16 = 443, timeout: Double = 45, connectTimeout: Double = 10, caFile: String? = nil,
    connectTo: String? = nil
  ) {
    self.domain = domain
    self.port = port
    self.timeout = timeout
    self.connectTimeout = connectTimeout
    self.caFile = caFile
    self.connectTo = connectTo
  }
}

/// `ssl check`: resolve, connect, handshake with SNI, verify, and give the verdict.
public struct SSLCheck: Sendable {
  public var resolver: HostResolver
  public var now: @Sendable () -> Timestamp
  /// The TLS client shared by every run (its trust store loaded once); nil: each run makes its own
  /// from the request's `caFile`.
  public var client: TLSClient?

  public init(
    resolver: HostResolver, now: @escaping @Sendable () -> Timestamp = { Timestamp.now }, client: TLSClient? = nil
  ) {
    self.resolver = resolver
    self.now = now
    self.client = client
  }

  /// Runs the check. Throws only when it cannot start (an unreadable `--ca-file`, a bad
  /// `--connect-to`); every network outcome is a report.
  public func run(_ request: SSLCheckRequest) async throws -> SSLReport {
    let deadline = Deadline(secondsFromNow: request.timeout)
    let host = request.domain.hasSuffix(".") ? String(request.domain.dropLast()) : request.domain
    let client = try self.client ?? TLSClient(caFile: request.caFile)
    func failure(_ reason: SSLReason, _ message: String, address: String? = nil) -> SSLReport {
      SSLReport(domain: host, port: request.port, address: address, reason: reason, message: message)
    }

    let candidates: [String]
    if let connectTo = request.connectTo {
      guard SocketAddress(ip: connectTo, port: request.port) != nil else {
        throw ClosteError.invalidArguments("--connect-to must be an IP address; got '\(connectTo)'.")
      }
      candidates = [connectTo]
    } else {
      do {
        candidates = try await resolver.addresses(of: host, timeout: request.timeout)
      } catch let error as ClosteError {
        return failure(.unreachable, error.message)
      }
      if deadline.hasPassed { return failure(.timeout, "Resolving \(host) took longer than the timeout.") }
    }
    guard !candidates.isEmpty else { return failure(.unreachable, "\(host) has no address.") }

    var lastProblem = "nothing answered"
    for candidate in candidates {
      guard let address = SocketAddress(ip: candidate, port: request.port) else { continue }
      // A careful client's bound: the connection and the handshake within the connect timeout.
      let connectDeadline = deadline.capped(atSecondsFromNow: request.connectTimeout)
      let limit = Self.seconds(min(request.connectTimeout, request.timeout))
      let socket: Socket
      do {
        socket = try Socket.connect(.stream, to: address, deadline: connectDeadline)
      } catch .timedOut {
        return failure(.timeout, "Connecting to \(address) took longer than \(limit).")
      } catch {
        lastProblem = "\(address): \(error)"
        continue
      }
      defer { socket.close() }
      let peer: PeerCertificate
      do {
        peer = try client.handshake(
          on: socket, serverName: SocketAddress(ip: host, port: 0) == nil ? host : nil, deadline: connectDeadline)
      } catch .socket(.timedOut) {
        return failure(
          .timeout, "\(address) accepted the connection but finished no TLS handshake within \(limit).",
          address: address.description)
      } catch .socket(let why) {
        return failure(.unreachable, "\(address): \(why)", address: address.description)
      } catch .tls(let why) {
        return failure(
          .handshakeFailed, "The TLS handshake with \(address) failed: \(why).", address: address.description)
      }
      return verdict(peer, host: host, request: request, address: address)
    }
    return failure(.unreachable, "Could not connect to \(host) on port \(request.port) (\(lastProblem)).")
  }

  private func verdict(_ peer: PeerCertificate, host: String, request: SSLCheckRequest, address: SocketAddress)
    -> SSLReport
  {
    let certificate = peer.certificate
    let reason = SSLVerdict.reason(
      verifyErrors: peer.verifyErrors, hostnameMatches: HostnameMatch.matches(host: host, certificate: certificate))
    let now = now()
    let daysLeft = certificate.notAfter.map { Int(($0.timeIntervalSince(now) / 86400).rounded()) }
    let leafInPeriod =
      certificate.notBefore.map { $0 <= now } ?? false && certificate.notAfter.map { now <= $0 } ?? false
    return SSLReport(
      domain: host, port: request.port, address: address.description, reason: reason,
      message: SSLVerdict.message(
        for: reason, domain: host, certificate: certificate, daysLeft: daysLeft, outdatedIssuer: peer.outdatedIssuer,
        leafInPeriod: leafInPeriod),
      certificate: certificate, protocolVersion: peer.protocolVersion, daysLeft: daysLeft)
  }

  private static func seconds(_ value: Double) -> String { "\(JSONWriter.formatDouble(value)) s" }
}
