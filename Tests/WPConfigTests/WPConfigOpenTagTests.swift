import Testing

@testable import PHPReader
@testable import WPConfig

/// WP-CLI evaluates a wp-config.php's code with its leading `<?php` removed: a main file with no open
/// tag is code to it. A file with a tag, and every included file, is read as PHP reads it.
@Suite struct WPConfigOpenTagTests {
  @Test func aMainFileWithoutAnOpenTagIsCode() throws {
    let folder = try TemporaryFolder()
    let main = try folder.write(
      "wp-config.php", "define( 'DB_NAME', 'no_open_tag' );\ninclude __DIR__ . '/extra.php';\n")
    try folder.write("extra.php", "define( 'IN_HTML', 1 );\n")
    let config = try WPConfigReader.read(path: main, environment: [:])
    #expect(config.constant("DB_NAME")?.value == .string("no_open_tag"))
    // The included file has no tag either: PHP prints it, it defines nothing.
    #expect(config.constant("IN_HTML") == nil)
  }

  @Test func aFileWithATagLaterStartsAsHTML() throws {
    let config = try WPConfigReader.read(
      source: Array("<html> define('NOT_CODE', 1);\n<?php define('CODE', 2);".utf8), path: "/nonexistent/wp-config.php",
      environment: [:])
    #expect(config.constant("NOT_CODE") == nil)
    #expect(config.constant("CODE")?.value == .int(2))
  }

  @Test func openTagsAreFoundAnywhere() {
    #expect(PHPLexer.containsOpenTag(Array("\u{FEFF}  <?php\n".utf8)))
    #expect(PHPLexer.containsOpenTag(Array("text <?= 1 ?>".utf8)))
    #expect(!PHPLexer.containsOpenTag(Array("define('X', '<?xml');".utf8)))
    #expect(!PHPLexer.containsOpenTag([]))
  }
}
