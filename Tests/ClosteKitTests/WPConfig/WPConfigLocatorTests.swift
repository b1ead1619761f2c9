import Testing

@testable import ClosteKit

/// `--config`, then `--path` (the folder, then its parent unless that is a WordPress of its own),
/// then the current directory upward.
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

  @Test func searchesUpwardFromTheCurrentDirectory() throws {
    let folder = try TemporaryFolder()
    let config = try folder.write("wp-config.php", "<?php")
    try folder.write("wp-content/plugins/x/readme.txt", "")
    let found = try WPConfigLocator.locate(
      configFile: nil, path: nil, currentDirectory: folder.path + "/wp-content/plugins/x")
    #expect(found == config)
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
