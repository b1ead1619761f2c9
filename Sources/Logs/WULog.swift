import Diagnostics
import Synchronization
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// Ultimate Multisite's log files (`wp-content/uploads/wu-logs/<handle>.log`), one line per entry:
/// `[YYYY-MM-DD HH:MM:SS] [LEVEL] message`, so the network admin's log viewer shows closte's work.
/// Each line is one `write(2)` on a file opened with `O_APPEND`, so concurrent writers (threads or
/// processes) never interleave partial lines, and a line is whole or absent: a short write (a full
/// disk) is taken back. closte often runs as root in a folder the web server may write to, so the
/// log file is never reached through a symbolic link (nor is the `wu-logs` folder found beside
/// wp-config.php), is opened without blocking (a FIFO cannot hang a run), and is written only when
/// it is a regular file. Every message passes the scrubber before
/// it is laid out.
public final class WULog: @unchecked Sendable {
  public enum Level: String, Sendable {
    case info = "INFO"
    case warning = "WARNING"
    case error = "ERROR"
  }

  public let directory: String
  /// Whether a `directory` that is a symbolic link is followed (an operator's own `--log-dir`), or
  /// refused (the `wu-logs` folder found beside wp-config.php).
  public let followsDirectoryLink: Bool
  private let clock: ClosteClock
  private let redactor: SecretRedactor
  private let lock = Mutex(())

  public init(directory: String, followsDirectoryLink: Bool = true, clock: ClosteClock, redactor: SecretRedactor) {
    self.directory = directory
    self.followsDirectoryLink = followsDirectoryLink
    self.clock = clock
    self.redactor = redactor
  }

  /// The log folder to use: `--log-dir` (created when missing), else `wu-logs` beside the
  /// `wp-config.php` when that folder exists, else none.
  public static func directory(option: String?, configPath: String?) -> String? {
    if let option, !option.isEmpty {
      FileStatus.createDirectories(option)
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

  public static func line(_ level: Level, _ message: String, at date: Timestamp) -> String {
    let flat = message.replacingAll("\r", with: " ").replacingAll("\n", with: " ")
    return "[\(UTCTime.logText(date))] [\(level.rawValue)] \(flat)\n"
  }

  /// Appends one line to `<handle>.log`. A log that cannot be written is skipped: logs never fail a command.
  @discardableResult
  public func append(_ handle: String, _ level: Level, _ message: String) -> Bool {
    // Scrubbed before the line is flattened (a line break becomes a space): a secret is whole here.
    let text = WULog.line(level, redactor.redact(message), at: clock.now())
    let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followsDirectoryLink ? 0 : O_NOFOLLOW))
    guard folder >= 0 else { return false }
    defer { close(folder) }
    let fd = openat(
      folder, WULog.fileName(handle), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY,
      0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
    let bytes = Array(text.utf8)
    return lock.withLock { _ in WULog.appendWhole(fd, bytes) }
  }

  /// Appends `bytes` with one `write(2)`; when only part of them was written (a full disk, a file
  /// size limit), cuts the file back to where it ended before, so no partial line stays.
  package static func appendWhole(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    while true {
      let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if written == bytes.count { return true }
      if written < 0 {
        if errno == EINTR { continue }
        return false  // nothing was written
      }
      // With O_APPEND the offset is now the end of this write; cut it only when nothing came after.
      let end = lseek(fd, 0, SEEK_CUR)
      var status = stat()
      if end >= written, fstat(fd, &status) == 0, status.st_size == end {
        _ = ftruncate(fd, end - off_t(written))
      }
      return false
    }
  }
}
