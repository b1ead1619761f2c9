import Stages

extension StageSchedule {
  /// The schedule of a command: `--interval`, `settings.dns_check_interval`, `--max-tries`.
  public static func from(_ invocation: Invocation) throws -> StageSchedule {
    let option = try invocation.seconds("interval", in: 0...86400)
    return StageSchedule(
      interval: interval(option: option, setting: invocation.settings["dns_check_interval"]),
      maxTries: try invocation.integer("max-tries", in: 1...1000) ?? defaultMaxTries)
  }
}
