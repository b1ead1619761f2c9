import Diagnostics
import PHPReader

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a `wp-config.php` without running PHP: lexes it, evaluates the constant expressions a
/// config uses, follows the files it includes, and lists what it defines in the order PHP would.
public enum WPConfigReader {
  public static func read(path: String, context: PHPRunContext) throws -> WPConfig {
    // A relative path needs the working directory, which may have been deleted: never resolve it against `/`.
    guard let base = path.hasPrefix("/") ? "/" : ProcessDirectory.workingDirectory() else {
      throw ClosteError.workingDirectoryMissing(path)
    }
    let absolute = PHPPaths.absolute(path, relativeTo: base)
    let bytes = try WPConfigFile.bytes(absolute)
    return try read(source: bytes, path: absolute, context: context)
  }

  public static func read(path: String, environment: [String: String]) throws -> WPConfig {
    try read(path: path, context: PHPRunContext(environment: environment))
  }

  /// Reads `source` as if it were the file at `path` (for tests and fuzzing: no file needed for
  /// the main file; included files are still read from disk).
  public static func read(source: [UInt8], path: String, environment: [String: String]) throws -> WPConfig {
    try read(source: source, path: path, context: PHPRunContext(environment: environment))
  }

  public static func read(source: [UInt8], path: String, context: PHPRunContext) throws -> WPConfig {
    let interpreter = WPConfigInterpreter(mainFile: path, context: context)
    try interpreter.runMain(source)
    return WPConfig(path: path, items: interpreter.finishedItems())
  }
}
