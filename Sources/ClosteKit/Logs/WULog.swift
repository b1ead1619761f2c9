import FoundationEssentials
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Ultimate Multisite's log files (`wp-content/uploads/wu-logs/<handle>.log`), one line per entry:
/// `[YYYY-MM-DD HH:MM:SS] [LEVEL] message`, so the network admin's log viewer shows closte's work.
/// Each line is one `write(2)` on a file opened with `O_APPEND`, so concurrent writers (threads or
/// processes) never interleave partial lines. Every line passes through the redactor.
public final class WULog: @unchecked Sendable {
  public enum Level: String, Sendable {
    case info = "INFO"
    case warning = "WARNING"
    case error = "ERROR"
  }

  public let directory: String
  private let clock: ClosteClock
  private let redactor: SecretRedactor
  private let lock = Mutex(())

  public init(directory: String, clock: ClosteClock, redactor: SecretRedactor) {
    self.directory = directory
    self.clock = clock
    self.redactor = redactor
  }

  /// The log folder to use: `--log-dir` (created when missing), else `wu-logs` beside the
  /// `wp-config.php` when that folder exists, else none.
  public static func directory(option: String?, configPath: String?) -> String? {
    if let option, !option.isEmpty {
      try? FileManager.default.createDirectory(atPath: option, withIntermediateDirectories: true)
      return option
    }
    guard let configPath else { return nil }
    let root = configPath.lastIndex(of: "/").map { String(configPath[..<$0]) } ?? "."
    let folder = (root.isEmpty ? "" : root) + "/wp-content/uploads/wu-logs"
    guard FileStatus.isDirectory(folder) == true else { return nil }
    return folder
  }

  /// The file name for a handle: `domain-*.example.com` becomes `domain-wildcard.example.com.log`.
  public static func fileName(_ handle: String) -> String {
    var name = ""
    for scalar in handle.replacingAll("*", with: "wildcard").unicodeScalars {
      let safe =
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-"
        || scalar == "." || scalar == "_"
      name += safe && scalar.isASCII ? String(scalar) : "_"
    }
    return name + ".log"
  }

  public static func line(_ level: Level, _ message: String, at date: Date) -> String {
    let flat = message.replacingAll("\r", with: " ").replacingAll("\n", with: " ")
    return "[\(UTCTime.logText(date))] [\(level.rawValue)] \(flat)\n"
  }

  /// Appends one line to `<handle>.log`. A log that cannot be written is skipped: logs never fail a command.
  @discardableResult
  public func append(_ handle: String, _ level: Level, _ message: String) -> Bool {
    let text = redactor.redact(WULog.line(level, message, at: clock.now()))
    let path = directory + "/" + WULog.fileName(handle)
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    return lock.withLock { _ in writeAll(fd, bytes) }
  }
}
