import ClosteAPI
import Logs

/// What closte writes to the wu-logs folder about its work with Closte: the integration's log
/// (`integration-closte.log`) and each domain's own (`domain-<domain>.log`).
public struct ActivityLog: Sendable {
  public let log: WULog?

  public init(log: WULog?) { self.log = log }

  /// The log of a command run: `--log-dir`, else `wu-logs` beside the wp-config.php when it exists.
  public init(context: CommandContext) {
    let configPath = try? context.configPath()
    let option = context.invocation.string("log-dir")
    if let folder = WULog.directory(option: option, configPath: configPath) {
      context.diagnostics.debug("Logging to \(folder)")
      log = WULog(
        directory: folder, followsDirectoryLink: !(option ?? "").isEmpty, clock: context.runtime.clock,
        redactor: context.runtime.redactor)
    } else {
      log = nil
    }
  }

  public func integration(_ level: WULog.Level, _ message: String) {
    log?.append("integration-closte", level, message)
  }

  /// One alias result, in both logs.
  public func record(_ result: AliasResult) {
    let name = result.domain.name
    let (level, message): (WULog.Level, String)
    switch result.action {
    case .added: (level, message) = (.info, "Added domain alias \(name) on Closte.")
    case .exists: (level, message) = (.info, "Domain alias \(name) is already on Closte.")
    case .removed: (level, message) = (.info, "Removed domain alias \(name) from Closte.")
    case .absent: (level, message) = (.info, "Domain alias \(name) was not on Closte; nothing to remove.")
    case .failed:
      let verb = result.operation.kind == .add ? "add" : "remove"
      (level, message) = (
        .error, "Could not \(verb) domain alias \(name) on Closte: \(result.error?.message ?? "unknown error")"
      )
    }
    integration(level, message)
    log?.append("domain-\(name)", level, message)
  }
}
