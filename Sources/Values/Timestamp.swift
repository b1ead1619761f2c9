#if canImport(Glibc)
  import Glibc
#endif

/// A point in wall-clock time: seconds since 1970-01-01 00:00:00 UTC, as Foundation's `Date` holds
/// it and with the same names, so closte needs no Foundation (whose static library would double the
/// binary and slow every start). Certificates' dates, the log's, Retry-After and the clocks use it;
/// deadlines that must not jump with the wall clock use `ContinuousClock`.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var timeIntervalSince1970: Double

  public init(timeIntervalSince1970 seconds: Double) { timeIntervalSince1970 = seconds }

  /// The current time (`clock_gettime(CLOCK_REALTIME)`).
  public static var now: Timestamp {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Timestamp(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
  }

  /// Before any time closte meets.
  public static let distantPast = Timestamp(timeIntervalSince1970: -62_135_769_600)

  /// Seconds from `other` to this (negative when this is earlier).
  public func timeIntervalSince(_ other: Timestamp) -> Double { timeIntervalSince1970 - other.timeIntervalSince1970 }

  public func addingTimeInterval(_ seconds: Double) -> Timestamp {
    Timestamp(timeIntervalSince1970: timeIntervalSince1970 + seconds)
  }

  public static func < (left: Timestamp, right: Timestamp) -> Bool {
    left.timeIntervalSince1970 < right.timeIntervalSince1970
  }

  /// `2026-12-03 09:24:24 +0000`, as Foundation prints a `Date`.
  public var description: String { UTCTime.logText(self) + " +0000" }
}
