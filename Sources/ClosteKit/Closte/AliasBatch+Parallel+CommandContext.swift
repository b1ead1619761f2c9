import ClosteAPI

extension CommandContext {
  /// `--concurrency`: how many requests a batch keeps in flight at most.
  public func batchConcurrency() throws -> Int {
    try invocation.integer("concurrency", in: 1...BatchRunner.maximumConcurrency) ?? BatchRunner.defaultConcurrency
  }

  /// The batch runner of this run, on the runtime's clock.
  public func batchRunner() throws -> BatchRunner {
    BatchRunner(concurrency: try batchConcurrency(), clock: runtime.clock)
  }
}
