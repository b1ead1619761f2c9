import Foundation

/// Ultimate Multisite's log files (`wp-content/uploads/wu-logs/<handle>.log`), one line per entry:
/// `[YYYY-MM-DD HH:MM:SS] [LEVEL] message`, so the network admin's log viewer shows closte's work.
/// Each line is one `write(2)` on a file opened with `O_APPEND`, so concurrent writers (threads or
/// processes) never interleave partial lines. Every message passes the scrubber before it is laid out.
public final class WULog: @unchecked Sendable {
  public enum Level: String, Sendable {
    case info = "INFO"
    case warning = "WARNING"
    case error = "ERROR"
  }

  public let directory: String
  private let clock: ClosteClock
  private let redactor: SecretRedactor
  private let lock = NSLock()

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
    let root = (configPath as NSString).deletingLastPathComponent
    let folder = root + "/wp-content/uploads/wu-logs"
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      return nil
    }
    return folder
  }

  /// The file name for a handle: `domain-*.example.com` becomes `domain-wildcard.example.com.log`.
  public static func fileName(_ handle: String) -> String {
    var name = ""
    for scalar in handle.replacingOccurrences(of: "*", with: "wildcard").unicodeScalars {
      let safe = CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "." || scalar == "_"
      name += safe && scalar.isASCII ? String(scalar) : "_"
    }
    return name + ".log"
  }

  public static func line(_ level: Level, _ message: String, at date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    let flat = message.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    return "[\(formatter.string(from: date))] [\(level.rawValue)] \(flat)\n"
  }

  /// Appends one line to `<handle>.log`. A log that cannot be written is skipped: logs never fail a command.
  @discardableResult
  public func append(_ handle: String, _ level: Level, _ message: String) -> Bool {
    // Scrubbed before the line is flattened (a line break becomes a space): a secret is whole here.
    let text = WULog.line(level, redactor.redact(message), at: clock.now())
    let path = directory + "/" + WULog.fileName(handle)
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    lock.lock()
    defer { lock.unlock() }
    return writeAll(fd, bytes)
  }
}
