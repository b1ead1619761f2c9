import Values

#if canImport(Glibc)
  import Glibc
#endif

/// Decides when the next request of a batch may start, so that a whole batch slows down together
/// when Closte answers 429 instead of each request retrying blindly.
///
/// - At most `parallelism` requests are in flight; it starts at `--concurrency`.
/// - A 429 pauses every start until its `Retry-After` has passed.
/// - A 429 is also a congestion signal (AIMD, as TCP does it): the parallelism is halved, and the
///   batch is paced: after its first 429, at 95% of the rate Closte accepted (the successes of the
///   second before it, counted once the pause is over and every answer of the burst is in); after a
///   later one, at 90% of the pace that met it. Only the first 429 of a burst cuts: answers to
///   requests that started before the cut are the same signal.
/// - Calm recovers: one more parallel request per `parallelism` successes; a pace that has not met
///   a 429 grows by a quarter every `growthInterval` seconds, then one more request per second every
///   `probeInterval` seconds while below 95% of the pace that met the last 429, six times slower
///   above it (a limit that was lifted is found again).
///
/// A pure value: time is passed in, so tests drive it exactly.
public struct RateController: Sendable {
  public enum Decision: Equatable, Sendable {
    /// Start one request now.
    case start
    /// Nothing may start for this many seconds.
    case wait(seconds: Double)
    /// As many requests as allowed are in flight: wait for one to finish.
    case full
  }

  public let maximumParallelism: Int
  public private(set) var parallelism: Int
  public private(set) var inFlight = 0
  /// Requests per second once Closte has rate-limited the batch; nil while unpaced.
  public private(set) var rate: Double?
  public private(set) var pausedUntil = Timestamp.distantPast
  /// The lowest parallelism and pace the batch came down to (for the statistics).
  public private(set) var lowestParallelism: Int
  public private(set) var lowestRate: Double?

  /// Seconds without a 429 before the pace is raised by one request per second.
  public var probeInterval = 5.0
  /// Seconds between growths of a pace that has not met a 429 yet.
  public var growthInterval = 2.0
  /// The slowest pace a batch is cut to.
  public var minimumRate = 0.5

  /// The pace that last met a 429 (or, at the first, the rate Closte had just accepted).
  private var ceiling: Double?
  private var nextStart = Timestamp.distantPast
  private var lastCut = Timestamp.distantPast
  private var lastProbe = Timestamp.distantPast
  private var successesSinceGrowth = 0
  /// Set at the first 429 of an unpaced batch: the pace is measured once the pause is over.
  private var estimateAfter: Timestamp?
  /// Completion times of recent successes (the last 3 seconds), to measure the accepted rate.
  private var recentSuccesses: [Timestamp] = []

  public init(parallelism: Int) {
    maximumParallelism = max(1, parallelism)
    self.parallelism = maximumParallelism
    lowestParallelism = maximumParallelism
  }

  public func decision(at now: Timestamp) -> Decision {
    if inFlight >= parallelism { return .full }
    let earliest = max(pausedUntil, rate == nil ? .distantPast : nextStart)
    if now < earliest { return .wait(seconds: earliest.timeIntervalSince(now)) }
    return .start
  }

  public mutating func started(at now: Timestamp) {
    inFlight += 1
    if let cut = estimateAfter {
      // The first start after the first pause: every answer of the burst is in by now.
      estimateAfter = nil
      let accepted = Double(recentSuccesses.filter { $0 > cut.addingTimeInterval(-1) }.count)
      if accepted >= 2 {
        rate = max(minimumRate, accepted * 0.95)
        lowestRate = min(lowestRate ?? accepted * 0.95, accepted * 0.95)
        nextStart = now
      }
    }
    guard let rate else { return }
    let interval = 1 / rate
    // Catch up at most one interval that a late timer lost; never bank more than that.
    let base = now.timeIntervalSince(nextStart) < interval ? nextStart : now
    nextStart = max(base, now.addingTimeInterval(-interval)).addingTimeInterval(interval)
  }

  public mutating func succeeded(at now: Timestamp) {
    inFlight = max(0, inFlight - 1)
    recentSuccesses.append(now)
    trimRecent(now)
    successesSinceGrowth += 1
    if parallelism < maximumParallelism && successesSinceGrowth >= parallelism {
      parallelism += 1
      successesSinceGrowth = 0
    }
    if let current = rate {
      let calm = now.timeIntervalSince(max(lastCut, lastProbe))
      if let ceiling {
        // Up to just below the pace that last met a 429, +1/s every interval; past it, six times slower.
        if calm >= (current + 1 <= ceiling * 0.95 ? probeInterval : probeInterval * 6) {
          rate = current + 1
          lastProbe = now
        }
      } else if calm >= growthInterval {
        // No paced request has met a 429 yet (the first measure may be low: a limit shared with
        // others): grow by a quarter every interval until one does.
        rate = current * 1.25
        lastProbe = now
      }
    }
  }

  /// A request that failed for another reason than the rate limit (it does not change the pace).
  public mutating func failed(at now: Timestamp) {
    inFlight = max(0, inFlight - 1)
  }

  /// A 429: honour `retryAfter` for every start; cut once per burst.
  public mutating func rateLimited(retryAfter: Double, startedAt: Timestamp, at now: Timestamp) {
    inFlight = max(0, inFlight - 1)
    pausedUntil = max(pausedUntil, now.addingTimeInterval(max(0, retryAfter)))
    nextStart = max(nextStart, pausedUntil)
    guard startedAt > lastCut else { return }
    lastCut = now
    successesSinceGrowth = 0
    parallelism = max(1, parallelism / 2)
    lowestParallelism = min(lowestParallelism, parallelism)
    if let current = rate {
      ceiling = current
      rate = max(minimumRate, current * 0.9)
      lowestRate = min(lowestRate ?? current * 0.9, current * 0.9)
    } else {
      estimateAfter = now
    }
  }

  private mutating func trimRecent(_ now: Timestamp) {
    let horizon = now.addingTimeInterval(-3)
    if let keepFrom = recentSuccesses.firstIndex(where: { $0 > horizon }) {
      if keepFrom > 0 { recentSuccesses.removeFirst(keepFrom) }
    } else {
      recentSuccesses.removeAll(keepingCapacity: true)
    }
  }
}
