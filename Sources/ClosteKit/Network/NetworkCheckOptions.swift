import Diagnostics
import NetworkChecks

/// The options of `domain status --all` and `doctor --all`, and reading them.
public enum NetworkCheckOptions {
  public static let maximumConcurrency = 256

  static let concurrency = OptionSpec(
    "concurrency", value: "n",
    "With --all, domains checked at once (1 to \(maximumConcurrency)): each check waits on DNS and TLS, so 16 "
      + "hide 50-100 ms of latency per domain. Every check keeps its own --timeout and --connect-timeout.",
    default: String(ConcurrentChecks.defaultConcurrency))

  static let stream = OptionSpec(
    "stream",
    "With --all, print one JSON line per domain as soon as it is checked, then the counts as the last line "
      + "(implies --format=json).")

  /// `--concurrency`, `--stream`, checked together with `--format`.
  public static func read(_ invocation: Invocation) throws -> (concurrency: Int, stream: Bool) {
    let concurrency =
      try invocation.integer("concurrency", in: 1...maximumConcurrency) ?? ConcurrentChecks.defaultConcurrency
    let stream = try invocation.flag("stream") ?? false
    if stream, let format = invocation.string("format"), format != "json" {
      throw ClosteError.invalidArguments("--stream prints JSON lines: use it with --format=json, or alone.")
    }
    return (concurrency, stream)
  }
}
