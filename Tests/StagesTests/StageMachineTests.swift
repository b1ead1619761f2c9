import Foundation
import Testing

@testable import Diagnostics
@testable import Stages
@testable import Values

@Suite struct StageMachineTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var dns: [Bool]
    var ssl: [Bool]
    var interval: Double = 300
    var maxTries = 5
    var stage: DomainStage
    var dnsTries: Int
    var sslTries: Int
    /// Virtual seconds from the first try to the end.
    var elapsed: Double
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "ready at once", dns: [true], ssl: [true], stage: .done, dnsTries: 1, sslTries: 1, elapsed: 0),
    Case(
      name: "DNS on the third try, SSL on the second", dns: [false, false, true], ssl: [false, true], interval: 60,
      stage: .done, dnsTries: 3, sslTries: 2, elapsed: 180),
    Case(name: "DNS never", dns: [false], ssl: [true], stage: .failed, dnsTries: 5, sslTries: 0, elapsed: 1200),
    Case(
      name: "SSL never, three tries", dns: [true], ssl: [false], interval: 10, maxTries: 3,
      stage: .doneWithoutSSL, dnsTries: 1, sslTries: 3, elapsed: 20),
    Case(
      name: "one try only", dns: [false], ssl: [true], interval: 10, maxTries: 1, stage: .failed, dnsTries: 1,
      sslTries: 0, elapsed: 0),
    Case(
      name: "DNS on the last allowed try", dns: [false, false, false, false, true], ssl: [true], interval: 30,
      stage: .done, dnsTries: 5, sslTries: 1, elapsed: 120),
    Case(
      name: "SSL on the last allowed try", dns: [true], ssl: [false, false, true], interval: 10, maxTries: 3,
      stage: .done, dnsTries: 1, sslTries: 3, elapsed: 20),
  ]

  @Test(arguments: cases)
  func run(_ testCase: Case) async {
    let clock = StageTestClock()
    let probe = ScriptedProbe(dns: testCase.dns, ssl: testCase.ssl, clock: clock)
    let machine = StageMachine(
      probe: probe, clock: clock, schedule: StageSchedule(interval: testCase.interval, maxTries: testCase.maxTries))
    var events: [StageMachine.Event] = []
    let report = await machine.run("shop.example.com") { events.append($0) }
    #expect(report.stage == testCase.stage)
    #expect(report.dnsTries == testCase.dnsTries)
    #expect(report.sslTries == testCase.sslTries)
    #expect(report.elapsed == testCase.elapsed)
    #expect(clock.totalSlept == testCase.elapsed)
    // Tries of a stage are one interval apart; SSL starts at the moment DNS passed.
    for (earlier, later) in zip(probe.dnsTimes, probe.dnsTimes.dropFirst()) {
      #expect(later.timeIntervalSince(earlier) == testCase.interval)
    }
    if let lastDNS = probe.dnsTimes.last, let firstSSL = probe.sslTimes.first { #expect(firstSSL == lastDNS) }
    let tries = events.filter { if case .tried = $0 { return true } else { return false } }
    #expect(tries.count == testCase.dnsTries + testCase.sslTries)
    #expect((report.failure == nil) == (testCase.stage == .done))
  }

  @Test func failureCarriesTheHintOfTheCheckThatHeldBack() async {
    let clock = StageTestClock()
    let machine = StageMachine(
      probe: ScriptedProbe(dns: [true], ssl: [false], clock: clock), clock: clock,
      schedule: StageSchedule(interval: 10, maxTries: 2))
    let report = await machine.run("shop.example.com")
    #expect(report.failure?.code == .domainDoneWithoutSSL)
    #expect(report.failure?.message == "shop.example.com: no valid SSL certificate after 2 tries.")
    #expect(report.hint == "Closte issues the certificate 5-10 minutes after the domain is added.")
    #expect(report.json["stage"] == "done-without-ssl")
    #expect(report.json["interval"] == .int(10))
  }

  @Test(arguments: [
    ([false], [true], DomainStage.checkingDNS, 0),
    ([true], [false], .checkingSSL, 1),
    ([true], [true], .done, 1),
  ])
  func onePass(dns: [Bool], ssl: [Bool], stage: DomainStage, sslTries: Int) async {
    let clock = StageTestClock()
    let machine = StageMachine(
      probe: ScriptedProbe(dns: dns, ssl: ssl, clock: clock), clock: clock, schedule: StageSchedule())
    let report = await machine.pass("shop.example.com")
    #expect(report.stage == stage)
    #expect(report.dnsTries == 1)
    #expect(report.sslTries == sslTries)
    #expect(clock.sleeps.isEmpty)
    #expect(report.failure == nil)
  }

  @Test(arguments: [
    (DomainStage.checkingDNS, true, 1, DomainStage.checkingSSL),
    (.checkingDNS, false, 4, .checkingDNS),
    (.checkingDNS, false, 5, .failed),
    (.checkingSSL, true, 5, .done),
    (.checkingSSL, false, 4, .checkingSSL),
    (.checkingSSL, false, 5, .doneWithoutSSL),
  ])
  func transitions(stage: DomainStage, passed: Bool, attempt: Int, next: DomainStage) {
    #expect(StageMachine.next(after: stage, passed: passed, attempt: attempt, maxTries: 5) == next)
  }

  @Test(arguments: [
    (Double?.none, JSONValue?.none, 300.0),
    (60, nil, 60),
    (nil, .int(60), 60),
    (30, .int(120), 30),
    (5, nil, 10),
    (0, nil, 10),
    (1000, nil, 300),
    (nil, .int(1), 10),
    (nil, .int(1000), 300),
    (nil, .string("45"), 45),
    (nil, .string("soon"), 300),
    (nil, .double(12.5), 12.5),
    (nil, .null, 300),
  ])
  func interval(option: Double?, setting: JSONValue?, expected: Double) {
    #expect(StageSchedule.interval(option: option, setting: setting) == expected)
  }
}

@Suite struct StageProgressTests {
  func runWait(terminal: Bool) async -> String {
    let sink = BufferSink(isTerminal: terminal)
    let diagnostics = Diagnostics(sink: sink, redactor: SecretRedactor())
    let schedule = StageSchedule(interval: 3, maxTries: 2)
    let progress = StageProgress(diagnostics: diagnostics, schedule: schedule)
    let clock = StageTestClock()
    let machine = StageMachine(
      probe: ScriptedProbe(dns: [false, true], ssl: [true], clock: clock), clock: clock, schedule: schedule,
      ticks: progress.wantsTicks)
    _ = await machine.run("shop.example.com") { progress.handle($0) }
    progress.finish()
    return sink.text
  }

  @Test func aLinePerTry() async {
    let text = await runWait(terminal: false)
    #expect(
      text == """
        [checking-dns 1/2] not yet: shop.example.com points elsewhere. Next try in 3 s.
        [checking-dns 2/2] ok: shop.example.com points at the network. -> checking-ssl-cert
        [checking-ssl-cert 1/2] ok: The certificate is valid. -> done

        """)
  }

  @Test func aLiveCountdownOnATerminal() async {
    let text = await runWait(terminal: true)
    #expect(text.contains("\r\u{1B}[K[checking-dns 1/2] next try in 3 s"))
    #expect(text.contains("\r\u{1B}[K[checking-dns 1/2] next try in 1 s"))
    #expect(text.hasSuffix("-> done\n"))
    #expect(text.components(separatedBy: "\n").count == 4)
  }
}
