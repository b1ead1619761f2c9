import ClosteAPI
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

extension CommandContext {
  /// `--lock-timeout`, shared by the commands that change aliases.
  public static let lockTimeoutOption = OptionSpec(
    "lock-timeout", value: "seconds",
    "How long to wait for another run that is changing this site's aliases on Closte (never longer than "
      + "--timeout); then lock_busy.",
    default: String(Int(ChangeLock.defaultWait)))

  /// Takes the lock of changing runs for this site and Closte app (`ChangeLock`), waiting at most
  /// `--lock-timeout` (and `--timeout`).
  public func changeLock() async throws -> ChangeLock {
    let endpoint = try closteEndpoint()
    let key = try closteAPIKey().key
    let timeout = try closteRetryPolicy().timeout
    let wait = min(try invocation.seconds("lock-timeout", in: 0...86400) ?? ChangeLock.defaultWait, timeout)
    let name = ChangeLock.name(configPath: try? configPath(), apiURL: endpoint.base, apiKey: key)
    let directory = try ChangeLock.directory(environment: environment)
    let diagnostics = self.diagnostics
    return try await ChangeLock.acquire(
      name: name, directory: directory, wait: wait, clock: runtime.clock, debug: { diagnostics.debug($0) })
  }
}
