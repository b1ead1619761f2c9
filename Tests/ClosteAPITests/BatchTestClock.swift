import Diagnostics
import Foundation
import Values

/// Virtual time for the batch tests: `sleep` moves the clock forward at once, so a run that would
/// take a minute of real pacing takes milliseconds, and its virtual duration can be asserted.
final class BatchTestClock: ClosteClock, @unchecked Sendable {
  private let lock = NSLock()
  private var current = Timestamp(timeIntervalSince1970: 1_800_000_000)

  func now() -> Timestamp {
    lock.lock()
    defer { lock.unlock() }
    return current
  }

  func sleep(seconds: Double) async {
    advance(seconds)
    await Task.yield()
  }

  func advance(_ seconds: Double) {
    lock.lock()
    current = current.addingTimeInterval(max(0, seconds))
    lock.unlock()
  }

  var start: Timestamp { Timestamp(timeIntervalSince1970: 1_800_000_000) }
}
