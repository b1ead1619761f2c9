/// A point in monotonic time that a network operation must finish by.
public struct Deadline: Sendable {
  public let instant: ContinuousClock.Instant

  public init(secondsFromNow seconds: Double) {
    instant = ContinuousClock.now.advanced(by: .milliseconds(Int64(max(0, seconds) * 1000)))
  }

  public var hasPassed: Bool { ContinuousClock.now >= instant }

  /// The earlier of this deadline and one `seconds` from now.
  public func capped(atSecondsFromNow seconds: Double) -> Deadline {
    let other = Deadline(secondsFromNow: seconds)
    return other.instant < instant ? other : self
  }

  /// Whole milliseconds left, for `poll` (0 once passed, rounded up so a wait never spins).
  package var pollMilliseconds: Int32 {
    let left = instant - ContinuousClock.now
    guard left > .zero else { return 0 }
    let (seconds, attoseconds) = left.components
    let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int32(clamping: milliseconds)
  }
}
