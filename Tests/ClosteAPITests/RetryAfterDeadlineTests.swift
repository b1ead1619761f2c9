import Foundation
import TestSupport
import Testing

@testable import ClosteAPI
@testable import Diagnostics

/// A `Retry-After` never keeps a call waiting past its deadline (`--timeout`), on 429 and on 503, in
/// the single path and in the batch: when the wait would pass it, the call fails at once, saying how
/// long Closte asked to wait.
@Suite struct RetryAfterDeadlineTests {
  @Test(arguments: [(429, ErrorCode.apiRateLimited), (503, ErrorCode.apiServerError)])
  func aLongRetryAfterFailsAtOnceWithTheTimeAsked(status: Int, code: ErrorCode) async throws {
    let clock = VirtualClock()
    let transport = ScriptedTransport([.answer(status, #"{"success":false}"#, ["retry-after": "3600"])])
    let client = try ClientFixture.client(transport, clock: clock, timeout: 3)
    do {
      _ = try await client.listDomains()
      Issue.record("expected an error")
    } catch let error as ClosteError {
      #expect(error.code == code)
      #expect(error.message.contains("3600 seconds"))
      #expect(error.message.contains("--timeout of 3 seconds"))
      #expect(error.details?["retry_after"] == .double(3600))
    }
    #expect(clock.sleeps.isEmpty)
    #expect(transport.requests.count == 1)
  }

  @Test func aRetryAfterWithinTheDeadlineIsHonouredAsGiven() async throws {
    let clock = VirtualClock()
    let transport = ScriptedTransport([
      .answer(503, #"{"success":false}"#, ["retry-after": "20"]),
      .answer(429, #"{"success":false}"#, ["retry-after": "70"]),
      .answer(200, #"{"success":true,"domains":[]}"#),
    ])
    let client = try ClientFixture.client(transport, clock: clock, timeout: 120)
    #expect(try await client.listDomains().isEmpty)
    // 70 s is waited in full: retrying sooner than Closte asked only meets another 429.
    #expect(clock.sleeps == [20, 70])
  }

  @Test func aBatchFailsEverythingNotDoneWhenThePauseIsLongerThanTheTimeout() async {
    let clock = BatchTestClock()
    var runner = BatchRunner(concurrency: 2, clock: clock)
    runner.operationTimeout = 3
    var outcomes: [Int: Result<Int, ClosteError>] = [:]
    let statistics = await runner.run(
      count: 50, operation: { _ -> BatchAttempt<Int> in .rateLimited(retryAfter: 3600) },
      completed: { outcomes[$0] = $1 })
    #expect(outcomes.count == 50)
    #expect(statistics.failed == 50)
    #expect(statistics.attempts <= 2)
    for case .failure(let error) in outcomes.values {
      #expect(error.code == .apiRateLimited)
      #expect(error.message.contains("3600 seconds"))
    }
    #expect(clock.now().timeIntervalSince(clock.start) < 1)
  }

  @Test func aBatchWaitsOutAShortPauseAndGivesUpOnlyWhatWouldPassItsDeadline() async {
    let clock = BatchTestClock()
    var runner = BatchRunner(concurrency: 4, clock: clock)
    runner.operationTimeout = 10
    let answered = Counter()
    var outcomes: [Int: Result<Int, ClosteError>] = [:]
    let statistics = await runner.run(
      count: 8,
      operation: { index -> BatchAttempt<Int> in
        // The first answer is a 429 asking for 4 s; the rest go through.
        answered.next() == 1 ? .rateLimited(retryAfter: 4) : .succeeded(index)
      },
      completed: { outcomes[$0] = $1 })
    #expect(statistics.succeeded == 8)
    #expect(statistics.rateLimited == 1)
    #expect(clock.now().timeIntervalSince(clock.start) >= 4)
  }
}
