import Diagnostics

/// `domain wait`'s progress on standard error: one line per try and, when standard error is a
/// terminal, a live status line (rewritten with `\r`) counting down to the next try.
public final class StageProgress {
  private let diagnostics: Diagnostics
  private let schedule: StageSchedule
  private let live: Bool
  private var statusShown = false

  public init(diagnostics: Diagnostics, schedule: StageSchedule) {
    self.diagnostics = diagnostics
    self.schedule = schedule
    self.live = diagnostics.isTerminal
  }

  /// Whether the machine should report its wait once a second.
  public var wantsTicks: Bool { live }

  public func handle(_ event: StageMachine.Event) {
    switch event {
    case .tried(let stage, let attempt, let outcome, let next):
      clearStatus()
      diagnostics.info(Self.line(stage: stage, attempt: attempt, outcome: outcome, next: next, schedule: schedule))
    case .waiting(let stage, let attempt, let secondsLeft):
      guard live else { return }
      diagnostics.raw(
        "\r\u{1B}[K[\(stage.rawValue) \(attempt)/\(schedule.maxTries)] next try in \(Self.seconds(secondsLeft))")
      statusShown = true
    }
  }

  /// Ends the live line, if one is shown, so what follows starts on a clean line.
  public func finish() { clearStatus() }

  private func clearStatus() {
    guard statusShown else { return }
    diagnostics.raw("\r\u{1B}[K")
    statusShown = false
  }

  /// `[checking-dns 1/5] not yet: <what the check found> Next try in 60 s.`, or `... -> <next stage>`.
  public static func line(
    stage: DomainStage, attempt: Int, outcome: ProbeOutcome, next: DomainStage, schedule: StageSchedule
  ) -> String {
    let verdict = outcome.passed ? "ok" : "not yet"
    let text = "[\(stage.rawValue) \(attempt)/\(schedule.maxTries)] \(verdict): \(outcome.summary)"
    if next == stage { return text + " Next try in \(seconds(schedule.interval))." }
    return text + " -> \(next.rawValue)"
  }

  package static func seconds(_ value: Double) -> String {
    let whole = Int(value.rounded(.up))
    return "\(whole) s"
  }
}
