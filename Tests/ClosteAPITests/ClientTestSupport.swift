import Foundation
import Values

@testable import ClosteAPI
@testable import Diagnostics
@testable import HTTP

/// A clock that moves only when slept on, and remembers every sleep.
final class VirtualClock: ClosteClock, @unchecked Sendable {
  private let lock = NSLock()
  private var current = Timestamp(timeIntervalSince1970: 1_700_000_000)
  private var slept: [Double] = []

  func now() -> Timestamp {
    lock.lock()
    defer { lock.unlock() }
    return current
  }

  func sleep(seconds: Double) async { advance(seconds, record: true) }

  func advance(_ seconds: Double, record: Bool = false) {
    lock.lock()
    current = current.addingTimeInterval(seconds)
    if record { slept.append(seconds) }
    lock.unlock()
  }

  var sleeps: [Double] {
    lock.lock()
    defer { lock.unlock() }
    return slept
  }
}

/// Answers requests from a script, in order, and records what was sent.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
  enum Step {
    case answer(Int, String, [String: String] = [:])
    case fail(TransportFailure)
    /// Takes this many (virtual) seconds, then times out.
    case hang(Double)
  }

  private let lock = NSLock()
  private var steps: [Step]
  private var sent: [HTTPRequest] = []
  private let clock: VirtualClock?

  init(_ steps: [Step], clock: VirtualClock? = nil) {
    self.steps = steps
    self.clock = clock
  }

  var requests: [HTTPRequest] {
    lock.lock()
    defer { lock.unlock() }
    return sent
  }

  private func next(_ request: HTTPRequest) -> Step {
    lock.lock()
    defer { lock.unlock() }
    sent.append(request)
    return steps.isEmpty ? .answer(200, #"{"success":true,"domains":[]}"#) : steps.removeFirst()
  }

  func send(_ request: HTTPRequest, timeout: Double) async throws(TransportFailure) -> HTTPResponse {
    switch next(request) {
    case .answer(let status, let body, let headers):
      return HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
    case .fail(let failure): throw failure
    case .hang(let seconds):
      clock?.advance(min(seconds, timeout))
      throw .timedOut
    }
  }
}

enum ClientFixture {
  static let key = "canary-KEY-7f3a9d"

  static func client(
    _ transport: ScriptedTransport, clock: VirtualClock, retries: Int = 3, timeout: Double = 45,
    debug: @escaping @Sendable (String) -> Void = { _ in }
  ) throws -> ClosteClient {
    ClosteClient(
      endpoint: try ClosteEndpoint(validating: "https://app.closte.test/api/client"), apiKey: key,
      transport: transport, policy: RetryPolicy(maxRetries: retries, random: { 0.5 }), clock: clock,
      timeout: timeout, debug: debug)
  }
}
