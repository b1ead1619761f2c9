import Foundation
import Testing

@testable import Diagnostics
@testable import WPConfig

/// `--config`, then the WordPress root (`--path`, or the nearest folder with `wp-load.php`), then its
/// parent unless that is a WordPress of its own.
@Suite struct WPConfigLocatorTests {
  @Test func explicitFileWins() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("custom/config.php", "<?php")
    try folder.write("wp-config.php", "<?php")
    #expect(try WPConfigLocator.locate(configFile: file, path: folder.path, currentDirectory: "/") == file)
    #expect(
      try WPConfigLocator.locate(configFile: "custom/config.php", path: nil, currentDirectory: folder.path) == file)
  }

  @Test func explicitFileMustExist() throws {
    let folder = try TemporaryFolder()
    #expect(throws: ClosteError.configNotFound("There is no wp-config.php at \(folder.path)/nope.php.")) {
      try WPConfigLocator.locate(configFile: folder.path + "/nope.php", path: nil, currentDirectory: "/")
    }
    let error = #expect(throws: ClosteError.self) {
      try WPConfigLocator.locate(configFile: folder.path, path: nil, currentDirectory: "/")
    }
    #expect(error?.code == .configUnreadable)
  }

  @Test func pathLooksInTheFolderThenItsParent() throws {
    let folder = try TemporaryFolder()
    try folder.write("site/wp/wp-load.php", "<?php")
    let parentConfig = try folder.write("site/wp-config.php", "<?php")
    #expect(
      try WPConfigLocator.locate(configFile: nil, path: folder.path + "/site/wp", currentDirectory: "/") == parentConfig
    )
    let own = try folder.write("site/wp/wp-config.php", "<?php")
    #expect(try WPConfigLocator.locate(configFile: nil, path: "site/wp", currentDirectory: folder.path) == own)
  }

  /// WordPress does not take the parent's config when the parent is a WordPress install itself.
  @Test func parentWithItsOwnWordPressIsNotUsed() throws {
    let folder = try TemporaryFolder()
    try folder.write("site/wp-config.php", "<?php")
    try folder.write("site/wp-settings.php", "<?php")
    try folder.write("site/sub/wp-load.php", "<?php")
    let error = #expect(throws: ClosteError.self) {
      try WPConfigLocator.locate(configFile: nil, path: folder.path + "/site/sub", currentDirectory: "/")
    }
    #expect(error?.code == .configNotFound)
    #expect(error?.hint?.contains("--path") == true)
  }

  @Test func pathMustBeAFolder() throws {
    let folder = try TemporaryFolder()
    let error = #expect(throws: ClosteError.self) {
      try WPConfigLocator.locate(configFile: nil, path: folder.path + "/missing", currentDirectory: "/")
    }
    #expect(error?.code == .configNotFound)
  }

  /// Without --path, the WordPress root is the nearest folder at or above the current one with a
  /// `wp-load.php` (WP-CLI's `find_wp_root`); the config is there or in the root's parent.
  @Test func findsTheWordPressRootAboveTheCurrentDirectory() throws {
    let folder = try TemporaryFolder()
    try folder.write("site/wp/wp-load.php", "<?php")
    let config = try folder.write("site/wp-config.php", "<?php")
    try folder.write("site/wp/wp-content/plugins/x/readme.txt", "")
    let found = try WPConfigLocator.locate(
      configFile: nil, path: nil, currentDirectory: folder.path + "/site/wp/wp-content/plugins/x")
    #expect(found == config)
  }

  /// A `wp-config.php` further up than the root's parent belongs to something else: not used.
  @Test func doesNotClimbPastTheRootsParent() throws {
    let folder = try TemporaryFolder()
    try folder.write("wp-config.php", "<?php")
    try folder.write("a/b/c/readme.txt", "")
    #expect(throws: ClosteError.self) {
      try WPConfigLocator.locate(configFile: nil, path: nil, currentDirectory: folder.path + "/a/b/c")
    }
  }

  /// `config path` prints the real path of a symbolically linked wp-config.php, as WP-CLI's `realpath`.
  @Test func resolvesSymbolicLinks() throws {
    let folder = try TemporaryFolder()
    let real = try folder.write("real/wp-config.php", "<?php")
    try folder.write("wp/wp-load.php", "<?php")
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/wp/wp-config.php", withDestinationPath: real)
    #expect(try WPConfigLocator.locate(configFile: nil, path: folder.path + "/wp", currentDirectory: "/") == real)
  }

  @Test func anEmptyPathIsRefused() {
    #expect(throws: ClosteError.emptyPath) {
      try WPConfigLocator.locate(configFile: nil, path: "", currentDirectory: "/")
    }
  }

  @Test func reportsWhenNothingIsFound() throws {
    let folder = try TemporaryFolder()
    try folder.write("empty/readme.txt", "")
    // Somewhere above the temporary folder there could be a wp-config.php; only check the code
    // when the search really comes up empty.
    do {
      let found = try WPConfigLocator.locate(configFile: nil, path: nil, currentDirectory: folder.path + "/empty")
      #expect(!found.hasPrefix(folder.path))
    } catch let error as ClosteError {
      #expect(error.code == .configNotFound)
      #expect(error.hint != nil)
    }
  }
}
