import Diagnostics
import PHPReader

/// Finds the `wp-config.php` to use, as WP-CLI does (`Runner::find_wp_root`, then
/// `Utils\locate_wp_config`): an explicit file wins; else the WordPress root is `--path`, or the
/// nearest folder at or above the current one that holds `wp-load.php`, or the current folder; the
/// config is `<root>/wp-config.php`, else the parent's, unless the parent holds a `wp-settings.php`
/// (a WordPress of its own). Only those two places: a `wp-config.php` further up belongs to
/// something else. The path comes back with symbolic links resolved, as `realpath` gives it.
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
    if let path {
      guard !path.isEmpty else { throw ClosteError.emptyPath }
      let root = PHPPaths.absolute(path, relativeTo: currentDirectory)
      guard WPConfigFile.kind(root) == .directory else {
        throw ClosteError.configNotFound("The WordPress folder \(root) does not exist.")
      }
      if let found = lookIn(root) { return WPConfigFile.realPath(found) }
      throw ClosteError.configNotFound("There is no wp-config.php in \(root) or its parent folder.")
    }
    let root = wordPressRoot(from: PHPPaths.absolute(currentDirectory, relativeTo: "/"))
    if let found = lookIn(root) { return WPConfigFile.realPath(found) }
    throw ClosteError.configNotFound("There is no wp-config.php in \(root) or its parent folder.")
  }

  /// WP-CLI's `find_wp_root` without `--path`: the nearest folder at or above `start` that holds
  /// `wp-load.php`, else `start` itself.
  package static func wordPressRoot(from start: String) -> String {
    var folder = start
    while true {
      if WPConfigFile.kind(joined(folder, "wp-load.php")) != .missing { return folder }
      if folder == "/" { return start }
      folder = PHPPaths.dirname(folder, levels: 1)
    }
  }

  /// `locate_wp_config`: `<root>/wp-config.php`, else the parent's when the parent is not itself a
  /// WordPress root. PHP's `file_exists`: anything at the path counts.
  private static func lookIn(_ root: String) -> String? {
    let own = joined(root, "wp-config.php")
    if WPConfigFile.kind(own) != .missing { return own }
    guard root != "/" else { return nil }
    let parent = PHPPaths.dirname(root, levels: 1)
    if WPConfigFile.kind(joined(parent, "wp-config.php")) != .missing,
      WPConfigFile.kind(joined(parent, "wp-settings.php")) == .missing
    {
      return joined(parent, "wp-config.php")
    }
    return nil
  }

  private static func joined(_ folder: String, _ name: String) -> String {
    folder == "/" ? "/" + name : folder + "/" + name
  }
}
