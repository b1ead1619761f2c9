import Values

#if canImport(Glibc)
  import Glibc
#endif

/// When and how long to wait before trying a call again: exponential backoff with full jitter,
/// or the server's `Retry-After` when it gives one.
public struct RetryPolicy: Sendable {
  /// Extra attempts after the first (`--retries`).
  public var maxRetries: Int
  public var baseDelay: Double
  public var maxDelay: Double
  /// A number in 0..<1; injected so tests are exact.
  public var random: @Sendable () -> Double
  /// Whether a 429 is retried here; a batch that paces itself turns this off.
  public var retriesRateLimits = true

  public init(
    maxRetries: Int = 3, baseDelay: Double = 0.5, maxDelay: Double = 8,
    random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
  ) {
    self.maxRetries = maxRetries
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.random = random
  }

  /// The wait before retry number `retry` (1 for the first retry). A `Retry-After` is honoured as
  /// given: the caller's deadline, not a cut, bounds it (a wait past the deadline fails at once).
  public func delay(beforeRetry retry: Int, retryAfter: Double?) -> Double {
    if let retryAfter { return max(retryAfter, 0) }
    let ceiling = min(maxDelay, baseDelay * pow(2, Double(max(retry - 1, 0))))
    // Half fixed, half random: never zero, never in lock-step with other clients.
    return ceiling / 2 + ceiling / 2 * random()
  }

  /// `Retry-After` as seconds: a number of seconds, or an HTTP date (RFC 9110, section 10.2.3).
  public static func retryAfterSeconds(_ header: String?, now: Timestamp) -> Double? {
    guard let header = header?.trimmingSpaces, !header.isEmpty else { return nil }
    if let seconds = Double(header), seconds.isFinite { return max(seconds, 0) }
    guard let date = UTCTime.httpDate(header) else { return nil }
    return max(date.timeIntervalSince(now), 0)
  }
}
