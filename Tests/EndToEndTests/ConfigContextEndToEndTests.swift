import ClosteKit
import Foundation
import Testing

/// `closte config` reads wp-config.php in WP-CLI's CLI context: no HTTP_HOST unless `--url`.
@Suite struct ConfigContextEndToEndTests {
  static let source = """
    <?php
    if ( $_SERVER['HTTP_HOST'] === 'staging.example.com' ) {
      define( 'STAGE', 'staging' );
    } else {
      define( 'STAGE', 'live' );
    }
    define( 'HOME_URL', 'https://' . ( $_SERVER['HTTP_HOST'] ?? 'example.com' ) );

    """

  @Test func urlSetsTheHostAsWPCLIDoes() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("closte-ctx-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data(Self.source.utf8).write(to: URL(fileURLWithPath: folder + "/wp-config.php"))
    let environment = ["PATH": "/usr/bin:/bin"]
    let plain = try BinaryRunner.run(["config", "get", "STAGE", "--path=\(folder)"], environment: environment)
    #expect(plain.stdout == "live\n")
    let home = try BinaryRunner.run(["config", "get", "HOME_URL", "--path=\(folder)"], environment: environment)
    #expect(home.stdout == "https://example.com\n")
    let staging = try BinaryRunner.run(
      ["config", "get", "STAGE", "--path=\(folder)", "--url=staging.example.com"], environment: environment)
    #expect(staging.stdout == "staging\n")
    let stagingHome = try BinaryRunner.run(
      ["config", "get", "HOME_URL", "--path=\(folder)", "--url=https://staging.example.com"], environment: environment)
    #expect(stagingHome.stdout == "https://staging.example.com\n")
  }
}
