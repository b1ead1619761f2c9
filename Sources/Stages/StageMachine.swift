import Diagnostics

#if canImport(Glibc)
  import Glibc
#endif

/// Ultimate Multisite's domain stage machine. Each try of `checking-dns` runs the DNS check: when
/// it passes, `checking-ssl-cert` starts at once; when it does not, the machine waits the interval
/// and tries again, and gives up as `failed` after `maxTries` tries. `checking-ssl-cert` runs the SSL
/// check the same way, ending as `done` or, after `maxTries` tries, `done-without-ssl`. The clock is
/// injected, so tests run whole machines in virtual time.
public struct StageMachine: Sendable {
  public enum Event: Sendable, Equatable {
    /// A try finished: the stage it was for, its number, its outcome, and the stage that follows.
    case tried(stage: DomainStage, attempt: Int, outcome: ProbeOutcome, next: DomainStage)
    /// Waiting before the next try; `secondsLeft` counts down (once per second with `ticks`).
    case waiting(stage: DomainStage, attempt: Int, secondsLeft: Double)
  }

  public var probe: DomainProbe
  public var clock: ClosteClock
  public var schedule: StageSchedule
  /// Report the wait once a second (for a live status line), rather than once.
  public var ticks: Bool

  public init(probe: DomainProbe, clock: ClosteClock, schedule: StageSchedule, ticks: Bool = false) {
    self.probe = probe
    self.clock = clock
    self.schedule = schedule
    self.ticks = ticks
  }

  /// One pass, as `domain status` gives it: the DNS check, then, when it passes, the SSL check. The
  /// stage is where the domain stands now: `checking-dns`, `checking-ssl-cert` or `done`.
  public func pass(_ domain: String) async -> StageReport {
    var report = StageReport(domain: domain, schedule: schedule, startedAt: clock.now())
    report.dnsTries = 1
    report.dns = await probe.checkDNS(domain)
    if report.dns?.passed == true {
      report.stage = .checkingSSL
      report.sslTries = 1
      report.ssl = await probe.checkSSL(domain)
      if report.ssl?.passed == true { report.stage = .done }
    }
    report.finishedAt = clock.now()
    return report
  }

  /// Runs until a final stage, as `domain wait` does, telling `onEvent` about each try and wait.
  public func run(_ domain: String, onEvent: (Event) -> Void = { _ in }) async -> StageReport {
    var report = StageReport(domain: domain, schedule: schedule, startedAt: clock.now())
    while !report.stage.isFinal {
      let stage = report.stage
      let attempt: Int
      let outcome: ProbeOutcome
      if stage == .checkingDNS {
        report.dnsTries += 1
        attempt = report.dnsTries
        outcome = await probe.checkDNS(domain)
        report.dns = outcome
      } else {
        report.sslTries += 1
        attempt = report.sslTries
        outcome = await probe.checkSSL(domain)
        report.ssl = outcome
      }
      let next = Self.next(after: stage, passed: outcome.passed, attempt: attempt, maxTries: schedule.maxTries)
      onEvent(.tried(stage: stage, attempt: attempt, outcome: outcome, next: next))
      report.stage = next
      if next == stage { await wait(stage: stage, attempt: attempt, onEvent: onEvent) }
    }
    report.finishedAt = clock.now()
    return report
  }

  /// The stage after a try: the table of Ultimate Multisite's machine.
  public static func next(after stage: DomainStage, passed: Bool, attempt: Int, maxTries: Int) -> DomainStage {
    switch (stage, passed) {
    case (.checkingDNS, true): return .checkingSSL
    case (.checkingDNS, false): return attempt >= maxTries ? .failed : .checkingDNS
    case (.checkingSSL, true): return .done
    case (.checkingSSL, false): return attempt >= maxTries ? .doneWithoutSSL : .checkingSSL
    default: return stage
    }
  }

  private func wait(stage: DomainStage, attempt: Int, onEvent: (Event) -> Void) async {
    var left = schedule.interval
    guard ticks else {
      onEvent(.waiting(stage: stage, attempt: attempt, secondsLeft: left))
      await clock.sleep(seconds: left)
      return
    }
    while left > 0 {
      onEvent(.waiting(stage: stage, attempt: attempt, secondsLeft: left))
      let step = min(1, left)
      await clock.sleep(seconds: step)
      left -= step
    }
  }
}
