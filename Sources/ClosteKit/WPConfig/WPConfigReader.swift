import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a `wp-config.php` without running PHP: lexes it, evaluates the constant expressions a
/// config uses, follows the files it includes, and lists what it defines in the order PHP would.
public enum WPConfigReader {
  public static func read(path: String, environment: [String: String]) throws -> WPConfig {
    let absolute = PHPPaths.absolute(path, relativeTo: WPConfigReader.currentDirectory())
    let bytes = try WPConfigFile.bytes(absolute)
    return try read(source: bytes, path: absolute, environment: environment)
  }

  /// Reads `source` as if it were the file at `path` (for tests and fuzzing: no file needed for
  /// the main file; included files are still read from disk).
  public static func read(source: [UInt8], path: String, environment: [String: String]) throws -> WPConfig {
    let interpreter = WPConfigInterpreter(mainFile: path, environment: environment)
    try interpreter.runMain(source)
    return WPConfig(path: path, items: interpreter.finishedItems())
  }

  private static func currentDirectory() -> String {
    guard let buffer = getcwd(nil, 0) else { return "/" }
    defer { free(buffer) }
    return String(cString: buffer)
  }
}
