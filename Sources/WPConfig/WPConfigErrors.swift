import Diagnostics
import PHPReader
import Values

extension ErrorCode {
  public static let configNotFound = ErrorCode("config_not_found")
  public static let configUnreadable = ErrorCode("config_unreadable")
  public static let configParseError = ErrorCode("config_parse_error")
  /// The working directory was deleted (or moved away), and a relative path needs it.
  public static let workingDirectoryMissing = ErrorCode("working_directory_missing")
}

extension ClosteError {
  package static func configNotFound(_ message: String) -> ClosteError {
    ClosteError(
      .configNotFound, message,
      hint: "Run closte from the WordPress folder, or name it with --path=<dir> or the file with --config=<file>.")
  }

  /// `--path=` with nothing after it (WP-CLI's words).
  package static let emptyPath = ClosteError.invalidArguments("The --path parameter cannot be empty when provided.")

  package static func configUnreadable(_ path: String, _ reason: String) -> ClosteError {
    ClosteError(
      .configUnreadable, "Cannot read \(path): \(reason).",
      hint: "Check that the file exists, is a regular file and that this user may read it.")
  }

  package static func configParseError(_ file: String, _ error: PHPSyntaxError) -> ClosteError {
    ClosteError(
      .configParseError, "Cannot read \(file) as PHP: \(error.message) on line \(error.line).",
      hint: "Check the file with `php -l \(file)`.",
      details: .object(JSONObject([("file", .string(file)), ("line", .int(error.line))])))
  }

  package static func workingDirectoryMissing(_ what: String) -> ClosteError {
    ClosteError(
      .workingDirectoryMissing,
      "The current directory no longer exists (it was deleted or moved away), so \(what) cannot be resolved.",
      hint: "Change into an existing folder, or give an absolute --path=<dir> or --config=<file>.",
      exitStatus: .usage)
  }
}
