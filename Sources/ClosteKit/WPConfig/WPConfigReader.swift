// PLACEHOLDER: replaced by the real reader (PHP lexer and evaluator) in the foundation work.
/// Reads a `wp-config.php` without running PHP.
public enum WPConfigReader {
  public static func read(path: String, environment: [String: String]) throws -> WPConfig {
    throw ClosteError(.internalError, "The wp-config.php reader is not built yet.")
  }
}

/// Finds the `wp-config.php` to use.
public enum WPConfigLocator {
  public static func locate(configFile: String?, path: String?, currentDirectory: String) throws -> String {
    throw ClosteError(.internalError, "The wp-config.php locator is not built yet.")
  }
}
