import Foundation

/// A thread-safe counter from 1: the order in which concurrent calls arrived.
package final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value: UInt16 = 0

  package init() {}

  package func next() -> UInt16 {
    lock.lock()
    defer { lock.unlock() }
    value &+= 1
    return value
  }
}
