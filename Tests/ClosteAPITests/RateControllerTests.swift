import ClosteAPI
import Foundation
import Testing
import Values

@Suite struct RateControllerTests {
  let t0 = Timestamp(timeIntervalSince1970: 1_800_000_000)
  func at(_ seconds: Double) -> Timestamp { t0.addingTimeInterval(seconds) }

  @Test func startsUpToTheParallelismThenWaitsForACompletion() {
    var controller = RateController(parallelism: 3)
    for _ in 0..<3 {
      #expect(controller.decision(at: t0) == .start)
      controller.started(at: t0)
    }
    #expect(controller.decision(at: t0) == .full)
    controller.succeeded(at: at(0.05))
    #expect(controller.decision(at: at(0.05)) == .start)
    #expect(controller.rate == nil)
  }

  @Test func a429PausesHalvesAndPacesAtWhatClosteAccepted() {
    var controller = RateController(parallelism: 16)
    // 20 successes within the last second, then a 429 with Retry-After: 1.
    for index in 0..<20 {
      controller.started(at: at(Double(index) * 0.01))
      controller.succeeded(at: at(0.05 + Double(index) * 0.01))
    }
    for _ in 0..<16 { controller.started(at: at(0.3)) }
    controller.rateLimited(retryAfter: 1, startedAt: at(0.3), at: at(0.35))
    #expect(controller.parallelism == 8)
    // The pace is measured when the pause is over, once every answer of the burst is in.
    #expect(controller.rate == nil)
    #expect(controller.decision(at: at(0.5)) == .full)
    // The other answers of the same burst are the same signal: no second cut.
    for _ in 0..<15 { controller.rateLimited(retryAfter: 1, startedAt: at(0.3), at: at(0.36)) }
    #expect(controller.parallelism == 8)
    #expect(controller.rate == nil)
    #expect(controller.inFlight == 0)
    // Nothing starts before Retry-After has passed.
    guard case .wait(let seconds) = controller.decision(at: at(0.5)) else {
      Issue.record("expected a wait")
      return
    }
    #expect(abs(seconds - 0.86) < 1e-6)
    // Then one start every 1/19 s (95% of the 20 accepted).
    #expect(controller.decision(at: at(1.36)) == .start)
    controller.started(at: at(1.36))
    #expect(controller.rate == 19)
    guard case .wait(let interval) = controller.decision(at: at(1.36)) else {
      Issue.record("expected a wait")
      return
    }
    #expect(abs(interval - 1.0 / 19) < 1e-6)
  }

  @Test func aLaterBurstCutsThePaceAgainAndCalmRecovers() {
    var controller = RateController(parallelism: 4)
    controller.probeInterval = 5
    for index in 0..<10 {
      controller.started(at: at(Double(index) * 0.1))
      controller.succeeded(at: at(Double(index) * 0.1 + 0.01))
    }
    controller.started(at: at(1))
    controller.rateLimited(retryAfter: 1, startedAt: at(1), at: at(1))
    #expect(controller.parallelism == 2)
    controller.started(at: at(2.5))
    #expect(controller.rate == 10 * 0.95)
    controller.rateLimited(retryAfter: 2, startedAt: at(2.5), at: at(2.6))
    #expect(controller.rate == 10 * 0.95 * 0.9)
    #expect(controller.parallelism == 1)
    #expect(controller.lowestParallelism == 1)
    // Successes grow the parallelism back one at a time, and calm raises the pace.
    var now = 5.0
    for _ in 0..<40 {
      controller.started(at: at(now))
      controller.succeeded(at: at(now + 0.01))
      now += 0.2
    }
    #expect(controller.parallelism == 4)
    // Near the pace that met the 429 (8.55 + 1 > 0.95 x 9.5): the next probe waits 30 s.
    #expect(controller.rate == 10 * 0.95 * 0.9)
    while now < 40 {
      controller.started(at: at(now))
      controller.succeeded(at: at(now + 0.01))
      now += 0.2
    }
    #expect(controller.rate == 10 * 0.95 * 0.9 + 1)
  }

  @Test func aFirst429WithoutSuccessesOnlyPausesAndHalves() {
    var controller = RateController(parallelism: 2)
    controller.started(at: t0)
    controller.rateLimited(retryAfter: 3, startedAt: t0, at: at(0.1))
    #expect(controller.rate == nil)
    #expect(controller.parallelism == 1)
    guard case .wait(let seconds) = controller.decision(at: at(3.0)) else {
      Issue.record("expected a wait")
      return
    }
    #expect(abs(seconds - 0.1) < 1e-6)
    #expect(controller.decision(at: at(3.1)) == .start)
  }

  @Test func aLowFirstMeasureGrowsByAQuarterUntilA429() {
    var controller = RateController(parallelism: 4)
    for index in 0..<4 {
      controller.started(at: at(Double(index) * 0.1))
      controller.succeeded(at: at(Double(index) * 0.1 + 0.05))
    }
    controller.started(at: at(0.5))
    controller.rateLimited(retryAfter: 1, startedAt: at(0.5), at: at(0.55))
    controller.started(at: at(1.6))
    #expect(controller.rate == 4 * 0.95)
    controller.succeeded(at: at(3.7))
    #expect(controller.rate == 4 * 0.95 * 1.25)
    controller.started(at: at(3.8))
    controller.succeeded(at: at(4.0))
    #expect(controller.rate == 4 * 0.95 * 1.25)
  }
}
