/// Runs one check per domain, at most `concurrency` at once, each on a thread of its own (see
/// `DedicatedThreadExecutor`), and hands each result to `onResult` as it completes, on the
/// caller's task. Returns the results in the order of `domains`.
public enum ConcurrentChecks {
  /// The default of `--concurrency`: enough to hide 50-100 ms of DNS and TLS latency per domain.
  public static let defaultConcurrency = 16

  public static func run<Result: Sendable>(
    _ domains: [String], concurrency: Int, check: @escaping @Sendable (String) async -> Result,
    onResult: (_ index: Int, _ result: Result) -> Void = { _, _ in }
  ) async -> [Result] {
    guard !domains.isEmpty else { return [] }
    let executors = (0..<max(1, min(concurrency, domains.count))).map { _ in DedicatedThreadExecutor() }
    defer { executors.forEach { $0.shutdown() } }
    var results: [Result?] = Array(repeating: nil, count: domains.count)
    await withTaskGroup(of: (index: Int, worker: Int, result: Result).self) { group in
      var next = 0
      func start(_ worker: Int) {
        guard next < domains.count else { return }
        let index = next
        next += 1
        let domain = domains[index]
        group.addTask(executorPreference: executors[worker]) { (index, worker, await check(domain)) }
      }
      for worker in executors.indices { start(worker) }
      for await finished in group {
        results[finished.index] = finished.result
        onResult(finished.index, finished.result)
        start(finished.worker)
      }
    }
    return results.compactMap { $0 }
  }
}
