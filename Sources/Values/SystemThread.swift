#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A thread of its own for work that blocks (reading standard input, driving libcurl, a network
/// check's `poll`), so the cooperative pool's few threads are never held.
package enum SystemThread {
  private final class Body {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
  }

  /// Starts `body` on a new thread the caller may join (`pthread_join`); nil when the system gives
  /// no thread.
  package static func spawn(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t?
    #endif
    let context = Unmanaged.passRetained(Body(body)).toOpaque()
    let status = pthread_create(
      &thread, nil,
      { context in
        guard let context else { return nil }
        Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
        return nil
      }, context)
    guard status == 0 else {
      Unmanaged<Body>.fromOpaque(context).release()
      return nil
    }
    return thread
  }

  /// Starts `body` on a detached thread, which runs until `body` returns; false when the system
  /// gives no thread.
  @discardableResult
  package static func detach(_ body: @escaping @Sendable () -> Void) -> Bool {
    guard let thread = spawn(body) else { return false }
    pthread_detach(thread)
    return true
  }
}
