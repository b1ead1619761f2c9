import Values

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A task executor with one thread of its own, running the jobs of the tasks that prefer it in
/// order. The network check's DNS and TLS calls block their thread on `poll` until an answer or
/// the deadline; on a thread of their own they hold only it, not one of the few threads of Swift's
/// cooperative pool (two on a two-core machine), so 16 checks really wait at once.
package final class DedicatedThreadExecutor: TaskExecutor, @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  /// Guarded by `mutex`.
  private var jobs: [UnownedJob] = []
  private var stopping = false
  private var thread: pthread_t?

  package init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
    // The thread holds the executor until `serve` returns. With no thread, jobs run on the caller's
    // thread as they come (slower, never lost).
    thread = SystemThread.spawn { [self] in serve() }
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  package func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    guard thread != nil else {
      job.runSynchronously(on: asUnownedTaskExecutor())
      return
    }
    pthread_mutex_lock(mutex)
    jobs.append(job)
    pthread_cond_signal(condition)
    pthread_mutex_unlock(mutex)
  }

  /// Lets the thread end once its queue is empty, and waits for it.
  package func shutdown() {
    pthread_mutex_lock(mutex)
    stopping = true
    pthread_cond_signal(condition)
    pthread_mutex_unlock(mutex)
    if let thread { pthread_join(thread, nil) }
    thread = nil
  }

  private func serve() {
    while true {
      pthread_mutex_lock(mutex)
      while jobs.isEmpty && !stopping { pthread_cond_wait(condition, mutex) }
      guard !jobs.isEmpty else {
        pthread_mutex_unlock(mutex)
        return
      }
      let job = jobs.removeFirst()
      pthread_mutex_unlock(mutex)
      job.runSynchronously(on: asUnownedTaskExecutor())
    }
  }
}
