import Diagnostics
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// What one attempt of one operation of a batch came to.
public enum BatchAttempt<Value: Sendable>: Sendable {
  case succeeded(Value)
  case failed(ClosteError)
  /// Closte answered 429: the whole batch waits `retryAfter` seconds (nil: a default), slows
  /// down, and tries this operation again.
  case rateLimited(retryAfter: Double?)
}

/// How a batch went, for `--debug` and the benchmarks.
public struct BatchStatistics: Sendable, Equatable {
  public var operations = 0
  public var attempts = 0
  public var rateLimited = 0
  public var succeeded = 0
  public var failed = 0
  public var lowestParallelism = 0
  public var lowestRate: Double?
  public var seconds = 0.0

  package init(
    operations: Int = 0, attempts: Int = 0, rateLimited: Int = 0, succeeded: Int = 0, failed: Int = 0,
    lowestParallelism: Int = 0, lowestRate: Double? = nil, seconds: Double = 0.0
  ) {
    self.operations = operations
    self.attempts = attempts
    self.rateLimited = rateLimited
    self.succeeded = succeeded
    self.failed = failed
    self.lowestParallelism = lowestParallelism
    self.lowestRate = lowestRate
    self.seconds = seconds
  }

  public var summary: String {
    var text =
      "\(operations) operations, \(attempts) requests (\(rateLimited) answered 429), "
      + "\(succeeded) succeeded, \(failed) failed in \(JSONWriter.formatDouble((seconds * 100).rounded() / 100)) s; "
      + "lowest parallelism \(lowestParallelism)"
    if let lowestRate { text += ", lowest pace \(JSONWriter.formatDouble((lowestRate * 10).rounded() / 10))/s" }
    return text
  }
}

/// Runs many independent operations (one Closte request each) in parallel under a
/// `RateController`, and hands each final result to `completed` as it arrives, one at a time on
/// the caller's task. The one parallel path of `domain sync`, `domain add` and `domain remove`.
public struct BatchRunner: Sendable {
  /// The default `--concurrency`. 16 requests in flight hide a round trip of 50 to 100 ms (16 x 20 =
  /// 320 requests a second at 50 ms, where Closte's rate limit, not latency, sets the pace), while
  /// staying a handful of connections for one PHP application; a 429 halves it at once.
  public static let defaultConcurrency = 16
  public static let maximumConcurrency = 64

  public var concurrency: Int
  public var clock: ClosteClock
  /// The pause after a 429 that carried no usable `Retry-After`.
  public var defaultRetryAfter = 1.0
  /// An operation answered 429 this many times in a row is given up as `api_rate_limited`.
  public var maximumRateLimitRetries = 10
  /// How long one operation may take from its first attempt (the client's `--timeout`): a
  /// `Retry-After` that would keep it waiting past that fails it at once, with the time Closte asked
  /// for; one at least this long fails everything not yet done. Nil: no bound.
  public var operationTimeout: Double?

  public init(concurrency: Int, clock: ClosteClock) {
    self.concurrency = max(1, concurrency)
    self.clock = clock
  }

  private enum Event<Value: Sendable>: Sendable {
    case completed(index: Int, startedAt: Timestamp, attempt: BatchAttempt<Value>)
    case tick
  }

  /// Runs `operation(i)` for `i` in `0..<count`.
  public func run<Value: Sendable>(
    count: Int, operation: @escaping @Sendable (Int) async -> BatchAttempt<Value>,
    completed: (Int, Result<Value, ClosteError>) -> Void
  ) async -> BatchStatistics {
    var statistics = BatchStatistics()
    statistics.operations = count
    guard count > 0 else { return statistics }
    let began = clock.now()
    var controller = RateController(parallelism: concurrency)
    var nextFresh = 0
    var retries: [Int] = []
    var retryHead = 0
    var rateLimitCount: [Int: Int] = [:]
    /// When each operation not yet finished first started (for `operationTimeout`).
    var firstStart: [Int: Timestamp] = [:]
    var finished = 0
    let clock = self.clock
    let timeout = operationTimeout
    func give(_ index: Int, _ error: ClosteError) {
      statistics.failed += 1
      finished += 1
      rateLimitCount[index] = nil
      firstStart[index] = nil
      completed(index, .failure(error))
    }

    await withTaskGroup(of: Event<Value>.self) { group in
      var tickPending = false
      while finished < count {
        // Start whatever the controller allows.
        var wait: Double?
        while retryHead < retries.count || nextFresh < count {
          let now = clock.now()
          let decision = controller.decision(at: now)
          guard decision == .start else {
            if case .wait(let seconds) = decision { wait = seconds }
            break
          }
          let index: Int
          if retryHead < retries.count {
            index = retries[retryHead]
            retryHead += 1
          } else {
            index = nextFresh
            nextFresh += 1
          }
          controller.started(at: now)
          if timeout != nil && firstStart[index] == nil { firstStart[index] = now }
          statistics.attempts += 1
          group.addTask { .completed(index: index, startedAt: now, attempt: await operation(index)) }
        }
        if let wait, !tickPending {
          tickPending = true
          group.addTask {
            await clock.sleep(seconds: wait)
            return .tick
          }
        }
        guard let event = await group.next() else { break }
        switch event {
        case .tick:
          tickPending = false
        case .completed(let index, let startedAt, let attempt):
          let now = clock.now()
          switch attempt {
          case .succeeded(let value):
            controller.succeeded(at: now)
            statistics.succeeded += 1
            finished += 1
            rateLimitCount[index] = nil
            firstStart[index] = nil
            completed(index, .success(value))
          case .failed(let error):
            controller.failed(at: now)
            give(index, error)
          case .rateLimited(let retryAfter):
            statistics.rateLimited += 1
            let pause = retryAfter ?? defaultRetryAfter
            controller.rateLimited(retryAfter: pause, startedAt: startedAt, at: now)
            let times = (rateLimitCount[index] ?? 0) + 1
            let resume = now.addingTimeInterval(pause)
            let pastDeadline = { (operation: Int) -> Bool in
              guard let timeout, let began = firstStart[operation] else { return false }
              return resume >= began.addingTimeInterval(timeout)
            }
            if times > maximumRateLimitRetries {
              give(index, .rateLimitExhausted(times))
            } else if let timeout, pastDeadline(index) {
              let error = ClosteError.retryAfterPastDeadline(
                .apiRateLimited, call: nil, retryAfter: pause, timeout: timeout)
              give(index, error)
              // Those waiting to try again cannot wait that long either; and a pause as long as the
              // whole timeout leaves no operation time to finish: all that is not done fails now.
              let waiting = retries[retryHead...].filter(pastDeadline)
              retries = retries[retryHead...].filter { !pastDeadline($0) }
              retryHead = 0
              for operation in waiting { give(operation, error) }
              if pause >= timeout {
                for operation in retries[retryHead...] { give(operation, error) }
                retries = []
                retryHead = 0
                while nextFresh < count {
                  give(nextFresh, error)
                  nextFresh += 1
                }
              }
            } else {
              rateLimitCount[index] = times
              retries.append(index)
            }
          }
          if retryHead > 1024 && retryHead * 2 > retries.count {
            retries.removeFirst(retryHead)
            retryHead = 0
          }
        }
      }
      group.cancelAll()
    }
    statistics.lowestParallelism = controller.lowestParallelism
    statistics.lowestRate = controller.lowestRate
    statistics.seconds = clock.now().timeIntervalSince(began)
    return statistics
  }
}

extension ClosteError {
  package static func rateLimitExhausted(_ times: Int) -> ClosteError {
    ClosteError(
      .apiRateLimited, "Closte answered 429 (too many requests) \(times) times in a row.",
      hint: "Run the command again later, or with a lower --concurrency.")
  }
}
