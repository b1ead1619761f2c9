/// A point in monotonic time that a network operation must finish by. Real sockets wait on real
/// time, so this uses the system's continuous clock, not the injected `ClosteClock`.
public struct Deadline: Sendable {
  public let instant: ContinuousClock.Instant

  public init(after seconds: Double) {
    instant = ContinuousClock.now.advanced(by: .milliseconds(Int64((max(0, seconds) * 1000).rounded())))
  }

  /// Whole milliseconds left (0 when passed), as `poll` takes them.
  public var remainingMilliseconds: Int32 {
    let left = ContinuousClock.now.duration(to: instant)
    if left <= .zero { return 0 }
    let (seconds, attoseconds) = left.components
    let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
    return Int32(clamping: max(1, milliseconds))
  }

  public var hasPassed: Bool { ContinuousClock.now >= instant }
}
