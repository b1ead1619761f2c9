import ClosteKit
import Foundation
import Testing
import Values

/// What the config commands say about values closte cannot know without running PHP, and about
/// definitions under a condition.
@Suite struct ConfigUnresolvedEndToEndTests {
  static let source = """
    <?php
    define( 'DB_NAME', 'network' );
    define( 'WP_REDIS_HOST', my_redis_host() );
    if ( my_debug_flag() ) { define( 'WP_DEBUG', true ); }
    define( 'AUTH_KEY', 'k3y-never-printed' );

    """

  static func withSite(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("closte-cfg-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data(source.utf8).write(to: URL(fileURLWithPath: folder + "/wp-config.php"))
    try body(folder)
  }

  static func run(_ arguments: [String]) throws -> BinaryRunner.Output {
    try BinaryRunner.run(arguments, environment: ["PATH": "/usr/bin:/bin"])
  }

  @Test func getOfAnUnresolvedValueIsAnErrorWithTheReason() throws {
    try Self.withSite { folder in
      let output = try Self.run(["config", "get", "WP_REDIS_HOST", "--config-file=\(folder)/wp-config.php"])
      #expect(output.status == 1)
      #expect(output.stdout == "")
      #expect(output.stderr.contains("my_redis_host()"))
      // As a `wp config` drop-in, no JSON error object on standard output, even with --format=json.
      let json = try Self.run(["config", "get", "WP_REDIS_HOST", "--path=\(folder)", "--format=json"])
      #expect(json.status == 1 && json.stdout == "")
      #expect(json.stderr.hasPrefix("Error: The value of 'WP_REDIS_HOST' is not known without running PHP"))
    }
  }

  /// The data is in closte's own fields (asked for with --fields); the warning only with --debug,
  /// since WP-CLI prints none.
  @Test func listShowsUnresolvedAsNullAndWarnsOnlyWithDebug() throws {
    try Self.withSite { folder in
      let output = try Self.run([
        "config", "list", "WP_REDIS_HOST", "--path=\(folder)", "--format=json",
        "--fields=name,value,type,resolved,reason",
      ])
      let entry = try JSONParser.parse(output.stdout).arrayValue?.first
      #expect(entry?["value"] == .null)
      #expect(entry?["resolved"] == false)
      #expect(entry?["reason"]?.stringValue?.contains("my_redis_host()") == true)
      #expect(output.stderr == "")
      #expect(output.status == 0)
      let debug = try Self.run(["config", "list", "WP_REDIS_HOST", "--path=\(folder)", "--format=json", "--debug"])
      #expect(debug.stdout == #"[{"name":"WP_REDIS_HOST","value":null,"type":"constant"}]"#)
      #expect(debug.stderr.hasPrefix("Warning: The value of 'WP_REDIS_HOST' is not known without running PHP"))
    }
  }

  @Test func aConditionalDefinitionIsPrintedWithAWarningOnlyWithDebug() throws {
    try Self.withSite { folder in
      let output = try Self.run(["config", "get", "WP_DEBUG", "--path=\(folder)"])
      #expect(output.stdout == "1\n")
      #expect(output.stderr == "")
      let debug = try Self.run(["config", "get", "WP_DEBUG", "--path=\(folder)", "--debug"])
      #expect(debug.stdout == "1\n")
      #expect(debug.stderr.contains("defined under a condition"))
      let list = try Self.run([
        "config", "list", "WP_DEBUG", "--path=\(folder)", "--format=json", "--fields=name,conditional",
      ])
      #expect(try JSONParser.parse(list.stdout).arrayValue?.first?["conditional"] == true)
    }
  }

  @Test func aSecretNeverReachesAnyOutputWithoutReveal() throws {
    try Self.withSite { folder in
      for arguments in [
        ["config", "list"], ["config", "list", "--format=json"], ["config", "list", "--format=yaml"],
        ["config", "list", "--format=dotenv"], ["config", "get", "AUTH_KEY"],
        ["config", "get", "AUTH_KEY", "--format=json"],
        ["config", "get", "AUTH_KEY", "--debug"],
      ] {
        let output = try Self.run(arguments + ["--path=\(folder)"])
        #expect(!output.stdout.contains("k3y-never-printed") && !output.stderr.contains("k3y-never-printed"))
      }
      let rpc = try BinaryRunner.run(
        ["rpc"], input: #"{"id":1,"command":"config list","path":"\#(folder)"}"# + "\n",
        environment: ["PATH": "/usr/bin:/bin"])
      #expect(!rpc.stdout.contains("k3y-never-printed"))
    }
  }

  @Test func revealAsksForTheSecretThroughArgvAndRPCAlike() throws {
    try Self.withSite { folder in
      let argv = try Self.run(["config", "get", "AUTH_KEY", "--reveal", "--path=\(folder)"])
      #expect(argv.stdout.contains("k3y-never-printed"))
      let rpc = try BinaryRunner.run(
        ["rpc"],
        input: #"{"id":1,"command":"config get","args":["AUTH_KEY"],"assoc_args":{"reveal":true},"path":"\#(folder)"}"#
          + "\n",
        environment: ["PATH": "/usr/bin:/bin"])
      #expect(rpc.stdout.contains("k3y-never-printed"))
    }
  }
}
