import Values

/// How often and how many times the stage machine tries: Ultimate Multisite's DNS check interval
/// (default 300 s, clamped to 10..300 s) and at most `maxTries` tries per stage.
public struct StageSchedule: Sendable, Equatable {
  public static let defaultInterval = 300.0
  public static let intervalRange = 10.0...300.0
  public static let defaultMaxTries = 5

  /// Seconds between two tries of a stage.
  public var interval: Double
  public var maxTries: Int

  public init(interval: Double = defaultInterval, maxTries: Int = defaultMaxTries) {
    self.interval = interval
    self.maxTries = maxTries
  }

  /// The interval from, first to last: `--interval`, the request's `settings.dns_check_interval`,
  /// the default; then clamped to 10..300 s as Ultimate Multisite clamps it. A setting that is not
  /// a number is ignored (the default applies), as PHP's `(int)` cast would leave it useless.
  public static func interval(option: Double?, setting: JSONValue?) -> Double {
    let chosen = option ?? setting.flatMap(number) ?? defaultInterval
    return min(max(chosen, intervalRange.lowerBound), intervalRange.upperBound)
  }

  private static func number(_ value: JSONValue) -> Double? {
    switch value {
    case .int(let number): return Double(number)
    case .double(let number): return number.isFinite ? number : nil
    case .string(let text): return Double(text.trimmingSpaces).flatMap { $0.isFinite ? $0 : nil }
    default: return nil
    }
  }
}
