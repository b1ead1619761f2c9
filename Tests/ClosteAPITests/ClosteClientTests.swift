import Foundation
import Testing
import Values

@testable import ClosteAPI
@testable import Diagnostics
@testable import DomainNames

@Suite struct ClosteClientTests {
  @Test func sendsTheDocumentedRequests() async throws {
    let clock = VirtualClock()
    let transport = ScriptedTransport([
      .answer(200, #"{"success":true,"domains":["a.com"]}"#), .answer(200, #"{"success":true}"#),
      .answer(200, #"{"success":true}"#),
    ])
    let client = try ClientFixture.client(transport, clock: clock)
    _ = try await client.listDomains()
    _ = try await client.addAlias(try DomainName(validating: "*.example.com"))
    _ = try await client.removeAlias(try DomainName(validating: "b.example.com"))
    let sent = transport.requests
    #expect(sent[0].method == .get)
    #expect(sent[0].url == "https://app.closte.test/api/client/getdomains?apikey=\(ClientFixture.key)")
    #expect(sent[0].target == "/getdomains")
    #expect(sent[1].url == "https://app.closte.test/api/client/adddomainalias")
    #expect(
      String(decoding: sent[1].body, as: UTF8.self) == "apikey=\(ClientFixture.key)&domain=*.example.com&wildcard=1")
    #expect(String(decoding: sent[2].body, as: UTF8.self).hasSuffix("&domain=b.example.com&wildcard=0"))
    #expect(sent[1].headers.contains { $0.0 == "User-Agent" && $0.1 == "closte/\(ClosteVersion.current)" })
    #expect(sent[1].headers.contains { $0.0 == "Content-Type" && $0.1 == "application/x-www-form-urlencoded" })
  }

  @Test func retriesServerErrorsWithBackoff() async throws {
    let clock = VirtualClock()
    let transport = ScriptedTransport([
      .answer(500, "oops"), .answer(502, "oops"), .answer(200, #"{"success":true,"domains":[]}"#),
    ])
    let aliases = try await ClientFixture.client(transport, clock: clock).listDomains()
    #expect(aliases.isEmpty)
    #expect(transport.requests.count == 3)
    // base 0.5 s doubling, half fixed and half jitter (0.5 here): 0.375, then 0.75.
    #expect(clock.sleeps == [0.375, 0.75])
  }

  @Test func honoursRetryAfter() async throws {
    let clock = VirtualClock()
    let transport = ScriptedTransport([
      .answer(429, "", ["retry-after": "7"]), .answer(200, #"{"success":true,"domains":[]}"#),
    ])
    _ = try await ClientFixture.client(transport, clock: clock).listDomains()
    #expect(clock.sleeps == [7])
  }

  @Test func retryAfterAsHTTPDate() {
    let now = Timestamp(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
    #expect(RetryPolicy.retryAfterSeconds("Wed, 21 Oct 2015 07:28:30 GMT", now: now) == 30)
    #expect(RetryPolicy.retryAfterSeconds("12", now: now) == 12)
    #expect(RetryPolicy.retryAfterSeconds("soon", now: now) == nil)
  }

  @Test(arguments: [
    ([ScriptedTransport.Step.answer(500, "x"), .answer(500, "x"), .answer(500, "x")], ErrorCode.apiServerError),
    ([.answer(429, ""), .answer(429, ""), .answer(429, "")], .apiRateLimited),
    ([.fail(.unreachable("connection refused")), .fail(.unreachable("r")), .fail(.dropped("d"))], .apiUnreachable),
  ])
  func givesUpAfterTheRetries(_ steps: [ScriptedTransport.Step], _ code: ErrorCode) async throws {
    let transport = ScriptedTransport(steps)
    let client = try ClientFixture.client(transport, clock: VirtualClock(), retries: 2)
    do {
      _ = try await client.listDomains()
      Issue.record("no failure")
    } catch let error as ClosteError {
      #expect(error.code == code)
    }
    #expect(transport.requests.count == 3)
  }

  @Test func noRetriesWhenZero() async throws {
    let transport = ScriptedTransport([.answer(500, "x"), .answer(200, #"{"success":true,"domains":[]}"#)])
    let client = try ClientFixture.client(transport, clock: VirtualClock(), retries: 0)
    await #expect(throws: ClosteError.self) { try await client.listDomains() }
    #expect(transport.requests.count == 1)
  }

  @Test func timeoutBoundsTheWholeCall() async throws {
    let clock = VirtualClock()
    // A 429 asking for 40 s, then a hang: the second attempt gets only what is left of 45 s.
    let transport = ScriptedTransport([.answer(429, "", ["retry-after": "40"]), .hang(1000)], clock: clock)
    let client = try ClientFixture.client(transport, clock: clock)
    let start = clock.now()
    do {
      _ = try await client.listDomains()
      Issue.record("no timeout")
    } catch let error as ClosteError {
      #expect(error.code == .apiTimeout)
    }
    #expect(clock.now().timeIntervalSince(start) <= 45)
  }

  @Test func retryWaitBeyondTheDeadlineEndsTheCall() async throws {
    let clock = VirtualClock()
    let transport = ScriptedTransport([.answer(429, "", ["retry-after": "50"])], clock: clock)
    let client = try ClientFixture.client(transport, clock: clock, timeout: 45)
    do {
      _ = try await client.listDomains()
    } catch let error as ClosteError {
      #expect(error.code == .apiRateLimited)
    }
    #expect(clock.sleeps.isEmpty)
    #expect(transport.requests.count == 1)
  }

  @Test(arguments: [
    ("<html>maintenance</html>", 200, ErrorCode.apiBadResponse),
    ("[1,2]", 200, .apiBadResponse),
    (#"{"domains":[]}"#, 200, .apiBadResponse),
    (#"{"success":true,"domains":"many"}"#, 200, .apiBadResponse),
    (#"{"success":true}"#, 200, .apiBadResponse),
    ("", 404, .apiBadResponse),
    ("", 403, .apiUnauthorized),
    (#"{"success":false,"error":"Invalid API key"}"#, 200, .apiUnauthorized),
    (#"{"success":false,"error":"Account suspended"}"#, 200, .apiRefused),
  ])
  func classifiesAnswers(_ body: String, _ status: Int, _ code: ErrorCode) async throws {
    let transport = ScriptedTransport([.answer(status, body)])
    let client = try ClientFixture.client(transport, clock: VirtualClock())
    do {
      _ = try await client.listDomains()
      Issue.record("accepted \(body)")
    } catch let error as ClosteError {
      #expect(error.code == code)
      #expect(!error.message.contains(ClientFixture.key))
    }
    #expect(transport.requests.count == 1)
  }

  @Test func badResponseShowsTheFirstBytes() async throws {
    let transport = ScriptedTransport([.answer(200, "<html>\n<body>Closte is down</body></html>")])
    do {
      _ = try await ClientFixture.client(transport, clock: VirtualClock()).listDomains()
    } catch let error as ClosteError {
      #expect(error.message.contains("'<html> <body>Closte is down</body></html>'"))
    }
  }

  @Test func debugLinesNeverCarryTheKey() async throws {
    let lines = LineCollector()
    let transport = ScriptedTransport([
      .answer(500, "x"), .answer(200, #"{"success":true,"domains":[]}"#), .answer(200, #"{"success":true}"#),
    ])
    let client = try ClientFixture.client(transport, clock: VirtualClock(), debug: { lines.add($0) })
    _ = try await client.listDomains()
    _ = try await client.addAlias(try DomainName(validating: "a.example.com"))
    #expect(lines.all.count >= 5)
    #expect(lines.all.allSatisfy { !$0.contains(ClientFixture.key) && !$0.contains("apikey") })
  }
}

final class LineCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []
  func add(_ line: String) {
    lock.lock()
    lines.append(line)
    lock.unlock()
  }
  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return lines
  }
}
