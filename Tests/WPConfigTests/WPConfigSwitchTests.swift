import Testing

@testable import WPConfig

/// `switch` read as PHP runs it (it took the first case's define before).
@Suite struct WPConfigSwitchTests {
  static func read(_ source: String, environment: [String: String] = [:]) throws -> WPConfig {
    try WPConfigReader.read(source: Array(source.utf8), path: "/nonexistent/wp-config.php", environment: environment)
  }

  @Test func aKnownSubjectPicksItsCase() throws {
    let source = """
      <?php
      switch ( getenv( 'STAGE' ) ) {
        case 'dev': define( 'MODE', 'dev' ); break;
        case 'live': define( 'MODE', 'live' );
        case 'fall': define( 'FELL', true ); break;
        default: define( 'MODE', 'default' );
      }
      """
    let live = try Self.read(source, environment: ["STAGE": "live"])
    #expect(live.constantValue("MODE") == .string("live"))
    #expect(live.constantValue("FELL") == .bool(true))
    #expect(live.items.filter { $0.name == "MODE" }.count == 1)
    let other = try Self.read(source, environment: [:])
    #expect(other.constantValue("MODE") == .string("default"))
    #expect(other.constant("FELL") == nil)
  }

  @Test func anUnknownSubjectKeepsConditionalItems() throws {
    let config = try Self.read(
      "<?php switch ( gethostname() ) { case 'a': define( 'A', 1 ); break; default: define( 'B', 2 ); }")
    #expect(config.constant("A")?.conditional == true)
    #expect(config.constant("B")?.conditional == true)
  }

  @Test func aBreakInsideAnIfEndsTheCase() throws {
    let config = try Self.read(
      "<?php switch ( 1 ): case 1: define( 'A', 1 ); if ( true ) { break; } define( 'B', 2 ); endswitch;"
        + " define( 'AFTER', 3 );")
    #expect(config.constantValue("A") == .int(1))
    #expect(config.constant("B") == nil)
    #expect(config.constantValue("AFTER") == .int(3))
  }

  @Test func aReturnInsideACaseEndsTheFile() throws {
    let config = try Self.read("<?php switch ( 'x' ) { case 'x': return; } define( 'NEVER', 1 );")
    #expect(config.constant("NEVER") == nil)
  }
}
