/// Finds the `wp-config.php` to use, as WordPress and WP-CLI do: an explicit file wins; a
/// WordPress folder is looked in, then its parent (unless the parent holds a WordPress of its
/// own, i.e. a `wp-settings.php`); with neither, the current directory and then each folder above.
public enum WPConfigLocator {
  ///
  /// `currentDirectory` is empty when the working directory no longer exists: a relative path is
  /// then `working_directory_missing`, never resolved against `/`.
  public static func locate(configFile: String?, path: String?, currentDirectory: String) throws -> String {
    if !currentDirectory.hasPrefix("/") {
      if let configFile, !configFile.isEmpty {
        if !configFile.hasPrefix("/") { throw ClosteError.workingDirectoryMissing("--config=\(configFile)") }
      } else if let path, !path.isEmpty {
        if !path.hasPrefix("/") { throw ClosteError.workingDirectoryMissing("--path=\(path)") }
      } else {
        throw ClosteError.workingDirectoryMissing("the wp-config.php above it")
      }
    }
    if let configFile, !configFile.isEmpty {
      let absolute = PHPPaths.absolute(configFile, relativeTo: currentDirectory)
      switch WPConfigFile.kind(absolute) {
      case .missing: throw ClosteError.configNotFound("There is no wp-config.php at \(absolute).")
      case .directory: throw ClosteError.configUnreadable(absolute, "it is a directory")
      case .file, .other: return absolute
      }
    }
    if let path, !path.isEmpty {
      let root = PHPPaths.absolute(path, relativeTo: currentDirectory)
      guard WPConfigFile.kind(root) == .directory else {
        throw ClosteError.configNotFound("The WordPress folder \(root) does not exist.")
      }
      if let found = lookIn(root) { return found }
      throw ClosteError.configNotFound("There is no wp-config.php in \(root) or its parent folder.")
    }
    var folder = PHPPaths.absolute(currentDirectory, relativeTo: "/")
    while true {
      if WPConfigFile.kind(folder + "/wp-config.php") == .file {
        return folder == "/" ? "/wp-config.php" : folder + "/wp-config.php"
      }
      if folder == "/" { break }
      folder = PHPPaths.dirname(folder, levels: 1)
    }
    throw ClosteError.configNotFound("There is no wp-config.php in \(currentDirectory) or any folder above it.")
  }

  /// WordPress's own rule (wp-load.php): `<root>/wp-config.php`, else the parent's when the
  /// parent is not itself a WordPress root.
  private static func lookIn(_ root: String) -> String? {
    let own = root == "/" ? "/wp-config.php" : root + "/wp-config.php"
    if WPConfigFile.kind(own) == .file { return own }
    guard root != "/" else { return nil }
    let parent = PHPPaths.dirname(root, levels: 1)
    let prefix = parent == "/" ? "" : parent
    if WPConfigFile.kind(prefix + "/wp-config.php") == .file, WPConfigFile.kind(prefix + "/wp-settings.php") == .missing
    {
      return prefix + "/wp-config.php"
    }
    return nil
  }
}
