import Synchronization
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// Time as closte sees it. Injected so the stage machine and retries run in virtual time in tests.
public protocol ClosteClock: Sendable {
  func now() -> Timestamp
  func sleep(seconds: Double) async
}

public struct SystemClock: ClosteClock {
  public init() {}
  public func now() -> Timestamp { Timestamp.now }
  public func sleep(seconds: Double) async {
    guard seconds > 0 else { return }
    try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
  }
}
