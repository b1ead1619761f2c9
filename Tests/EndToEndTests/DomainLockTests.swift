import ClosteKit
import Foundation
import Testing

/// The lock of changing runs, with two closte processes at once against one simulator.
@Suite struct DomainLockTests {
  /// Runs `runs` at the same time, each on its own thread; their outputs in the same order.
  static func together(_ runs: [() throws -> BinaryRunner.Output]) -> [BinaryRunner.Output?] {
    let results = OutputsBox(count: runs.count)
    DispatchQueue.concurrentPerform(iterations: runs.count) { index in
      results.set(index, try? runs[index]())
    }
    return results.all
  }

  @Test func twoPruneSyncsAtOnceNeverInterleave() throws {
    let old = (1...6).map { "old-\($0).example" }
    let simulator = try SimulatorProcess(["--latency=60"], seed: ["network.example"] + old)
    defer { simulator.stop() }
    let site = try simulator.writeConfig(networkDomain: "network.example")
    let first = (1...6).map { "first-\($0).example" }
    let second = (1...6).map { "second-\($0).example" }
    let command = ["domain", "sync", "--prune", "--max-removals=all", "--concurrency=2", "--path=\(site)"]
    let outputs = Self.together([
      { try simulator.closte(command, input: first.joined(separator: "\n")) },
      { try simulator.closte(command, input: second.joined(separator: "\n")) },
    ])
    for output in outputs { #expect(output?.status == 0, "\(output?.stderr ?? "no output")") }
    // Closte matches one list exactly: the run that waited read the other's result, then replaced it.
    let domains = try simulator.domains()
    #expect(
      domains == (["network.example"] + first).sorted() || domains == (["network.example"] + second).sorted(),
      "\(domains)")
  }

  @Test func aSecondChangingRunWaitsBoundedlyButReadersNever() throws {
    let simulator = try SimulatorProcess(["--latency=150"])
    defer { simulator.stop() }
    let domains = (1...12).map { "slow-\($0).example" }
    let holder = Thread.detachedRun { try? simulator.closte(["domain", "add", "--concurrency=1"] + domains) }
    // Wait (bounded) until the first run has started talking to Closte: it holds the lock by then.
    var started = false
    for _ in 0..<200 where !started {
      started = ((try? simulator.count("requests")) ?? 0) > 0
      if !started { usleep(20_000) }
    }
    #expect(started)
    let busy = try simulator.closte(["domain", "remove", "slow-1.example", "--lock-timeout=0.2", "--format=json"])
    #expect(busy.status == 1, "\(busy.stdout)")
    #expect(busy.stdout.contains(#""code":"lock_busy""#))
    let busySync = try simulator.closte(["domain", "sync", "--lock-timeout=0.1", "--format=json"], input: "x.example")
    #expect(busySync.stdout.contains(#""code":"lock_busy""#))
    // Read-only commands and a dry run take no lock.
    let list = try simulator.closte(["domain", "list", "--format=count"])
    #expect(list.status == 0)
    let dry = try simulator.closte(["domain", "sync", "--dry-run", "--format=json"], input: "x.example")
    #expect(dry.status == 0, "\(dry.stderr)")
    let first = holder.wait()
    #expect(first?.status == 0)
    // The refused runs sent no change; a run after the first one is free to go.
    #expect(try simulator.domains() == domains.sorted())
    let after = try simulator.closte(["domain", "remove", "slow-1.example", "--lock-timeout=0.2"])
    #expect(after.status == 0, "\(after.stderr)")
  }
}

/// Outputs filled in by several threads.
final class OutputsBox: @unchecked Sendable {
  private let lock = NSLock()
  private var outputs: [BinaryRunner.Output?]
  init(count: Int) { outputs = Array(repeating: nil, count: count) }
  func set(_ index: Int, _ output: BinaryRunner.Output?) {
    lock.lock()
    outputs[index] = output
    lock.unlock()
  }
  var all: [BinaryRunner.Output?] {
    lock.lock()
    defer { lock.unlock() }
    return outputs
  }
}

/// A closure run on its own thread, whose result `wait()` gives (at most 60 seconds later).
final class DetachedRun<Value>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var value: Value?
  init(_ body: @escaping () -> Value?) {
    Thread.detachNewThread {
      self.value = body()
      self.done.signal()
    }
  }
  func wait() -> Value? { done.wait(timeout: .now() + 60) == .success ? value : nil }
}

extension Thread {
  static func detachedRun<Value>(_ body: @escaping () -> Value?) -> DetachedRun<Value> { DetachedRun(body) }
}
