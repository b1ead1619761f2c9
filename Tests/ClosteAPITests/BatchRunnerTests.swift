import ClosteAPI
import Diagnostics
import Foundation
import Testing
import Values

@Suite struct BatchRunnerTests {
  /// Counts calls, and answers 429 beyond `limit` calls per virtual second (a fixed window, as the
  /// simulator's `--rate-limit`).
  final class FakeCloste: @unchecked Sendable {
    let clock: BatchTestClock
    let limit: Int
    let failing: Set<Int>
    private let lock = NSLock()
    private(set) var calls = 0
    private(set) var limited = 0
    private(set) var maximumInFlight = 0
    private var inFlight = 0
    private var windowStart = Timestamp.distantPast
    private var windowCount = 0

    init(clock: BatchTestClock, limit: Int = 0, failing: Set<Int> = []) {
      self.clock = clock
      self.limit = limit
      self.failing = failing
    }

    func call(_ index: Int) async -> BatchAttempt<Int> {
      let overLimit = arrive()
      await Task.yield()
      leave()
      if overLimit { return .rateLimited(retryAfter: 1) }
      if failing.contains(index) { return .failed(ClosteError(.internalError, "no \(index)")) }
      return .succeeded(index)
    }

    private func leave() {
      lock.lock()
      inFlight -= 1
      lock.unlock()
    }

    private func arrive() -> Bool {
      lock.lock()
      calls += 1
      inFlight += 1
      maximumInFlight = max(maximumInFlight, inFlight)
      let now = clock.now()
      if now.timeIntervalSince(windowStart) >= 1 {
        windowStart = now
        windowCount = 0
      }
      windowCount += 1
      let overLimit = limit > 0 && windowCount > limit
      if overLimit { limited += 1 }
      lock.unlock()
      return overLimit
    }
  }

  @Test func runsEveryOperationOnceAndReportsEachResult() async {
    let clock = BatchTestClock()
    let fake = FakeCloste(clock: clock, failing: [3, 7])
    var seen: [Int: Bool] = [:]
    let statistics = await BatchRunner(concurrency: 4, clock: clock).run(count: 50, operation: fake.call) {
      index, result in
      if case .success(let value) = result { #expect(value == index) }
      seen[index] = (try? result.get()) != nil
    }
    #expect(seen.count == 50)
    #expect(seen.filter { !$0.value }.keys.sorted() == [3, 7])
    #expect(fake.calls == 50)
    #expect(fake.maximumInFlight <= 4)
    #expect(statistics.attempts == 50)
    #expect(statistics.succeeded == 48)
    #expect(statistics.failed == 2)
  }

  @Test func aRateLimitSlowsTheWholeBatchToTheLimit() async {
    let clock = BatchTestClock()
    let fake = FakeCloste(clock: clock, limit: 20)
    var succeeded = 0
    let statistics = await BatchRunner(concurrency: 16, clock: clock).run(count: 400, operation: fake.call) {
      _, result in
      if case .success = result { succeeded += 1 }
    }
    #expect(succeeded == 400)
    // Near the limit: 400 at 20/s is 20 s; pacing just under it costs a little more.
    #expect(statistics.seconds >= 19)
    #expect(statistics.seconds <= 20 * 1.3)
    // Only the first burst and the occasional probe meet a 429, and each is retried once.
    #expect(fake.limited == statistics.rateLimited)
    #expect(fake.limited <= 40)
    #expect(statistics.lowestParallelism < 16)
  }

  @Test func anOperationLimitedTooOftenFails() async {
    let clock = BatchTestClock()
    var runner = BatchRunner(concurrency: 2, clock: clock)
    runner.maximumRateLimitRetries = 3
    var errors: [ClosteError] = []
    let statistics = await runner.run(
      count: 1, operation: { _ -> BatchAttempt<Int> in .rateLimited(retryAfter: nil) }
    ) { _, result in
      if case .failure(let error) = result { errors.append(error) }
    }
    #expect(errors.map(\.code) == [.apiRateLimited])
    #expect(statistics.attempts == 4)
    // Each 429 without Retry-After waited the default second.
    #expect(statistics.seconds >= 3)
  }

  @Test func anEmptyBatchDoesNothing() async {
    let statistics = await BatchRunner(concurrency: 4, clock: BatchTestClock()).run(
      count: 0, operation: { _ -> BatchAttempt<Int> in .succeeded(0) }
    ) { _, _ in Issue.record("no operation expected") }
    #expect(statistics.attempts == 0)
  }
}
