import Testing

@testable import PHPReader
@testable import Values
@testable import WPConfig

/// WP-CLI's CLI context: `$_SERVER` from the environment and `--url`, nothing else.
@Suite struct PHPRunContextTests {
  @Test func withoutURLThereIsNoHost() {
    let context = PHPRunContext(environment: ["HOME": "/root"])
    #expect(context.server("HTTP_HOST") == .value(.null))
    #expect(context.server("HOME") == .value(.string("/root")))
    #expect(context.server("SCRIPT_FILENAME").value == nil)
  }

  @Test(arguments: [
    (
      "https://staging.example.com:8443/sub/?a=1", "staging.example.com:8443", "staging.example.com", "/sub/?a=1",
      PHPValue.int(8443), String?("on")
    ),
    ("example.org", "example.org", "example.org", "", .string("80"), nil),
    ("http://user:pw@example.net/path", "example.net", "example.net", "/path", .string("80"), nil),
  ])
  func urlSetsWhatWPCLISets(url: String, host: String, name: String, uri: String, port: PHPValue, https: String?) {
    let context = PHPRunContext(environment: [:], url: url)
    #expect(context.server("HTTP_HOST") == .value(.string(host)))
    #expect(context.server("SERVER_NAME") == .value(.string(name)))
    #expect(context.server("REQUEST_URI") == .value(.string(uri)))
    #expect(context.server("SERVER_PORT") == .value(port))
    #expect(context.server("HTTPS") == .value(https.map(PHPValue.string) ?? .null))
  }

  @Test func theContextReachesTheReader() throws {
    let source = """
      <?php
      define( 'STAGING', $_SERVER['HTTP_HOST'] === 'staging.example.com' );
      define( 'HOST', 'host:' . $_SERVER['HTTP_HOST'] );
      define( 'FROM_ENV', $_ENV['X'] ?? 'empty' );
      define( 'GETENV', getenv( 'X' ) );
      if ( ! defined( 'ABSPATH' ) ) { define( 'ABSPATH', '/elsewhere/' ); }
      define( 'CONTENT', ABSPATH . 'wp-content' );
      """
    let plain = try WPConfigReader.read(
      source: Array(source.utf8), path: "/w/wp-config.php", context: PHPRunContext(environment: ["X": "x"]))
    #expect(plain.constantValue("STAGING") == .bool(false))
    #expect(plain.constantValue("HOST") == .string("host:"))
    #expect(plain.constantValue("FROM_ENV") == .string("empty"))
    #expect(plain.constantValue("GETENV") == .string("x"))
    let staging = try WPConfigReader.read(
      source: Array(source.utf8), path: "/w/wp-config.php",
      context: PHPRunContext(environment: [:], url: "https://staging.example.com", abspath: "/w/"))
    #expect(staging.constantValue("STAGING") == .bool(true))
    #expect(staging.constantValue("CONTENT") == .string("/w/wp-content"))
    #expect(staging.constant("ABSPATH") == nil)
  }
}
