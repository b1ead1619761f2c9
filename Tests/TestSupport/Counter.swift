import Synchronization

/// A counter from 1, safe across threads: the order in which concurrent calls arrived.
package final class Counter: Sendable {
  private let value = Mutex<UInt16>(0)

  package init() {}

  package func next() -> UInt16 {
    value.withLock { value in
      value &+= 1
      return value
    }
  }
}
