import Foundation
import Testing

/// The built `closte` on a copy of the golden `wp-config.php` and `extra.php`, against WP-CLI
/// 2.12.0's exact output (Tests/OutputTests/Fixtures/wp-cli-golden-config).
@Suite struct ConfigCommandsEndToEndTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../OutputTests/Fixtures/wp-cli-golden-config").standardizedFileURL

  /// A WordPress folder holding the two golden PHP files. Its path has the length of WP-CLI's
  /// `/var/www/golden`, so the boxed table's columns come out the same width.
  final class Site {
    let folder: String

    init() throws {
      folder = "/tmp/cg" + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8)).lowercased()
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      for name in ["wp-config.php", "extra.php"] {
        try FileManager.default.copyItem(
          atPath: ConfigCommandsEndToEndTests.golden.appendingPathComponent(name).path, toPath: folder + "/" + name)
      }
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// A golden file with WP-CLI's folder replaced by this one (also in its JSON spelling).
    func expected(_ name: String) throws -> String {
      let text = String(
        decoding: try Data(contentsOf: ConfigCommandsEndToEndTests.golden.appendingPathComponent(name)), as: UTF8.self)
      return text.replacingOccurrences(of: "/var/www/golden", with: folder)
        .replacingOccurrences(of: #"\/var\/www\/golden"#, with: folder.replacingOccurrences(of: "/", with: #"\/"#))
    }

    func run(_ arguments: [String], environment: [String: String] = [:], input: String = "") throws
      -> BinaryRunner.Output
    {
      var env = ["PATH": "/usr/bin:/bin", "HOME": folder]
      env.merge(environment) { $1 }
      return try BinaryRunner.run(arguments + ["--path=" + folder], input: input, environment: env)
    }
  }

  @Test func pathMatchesWPCLI() throws {
    let site = try Site()
    let output = try site.run(["config", "path"])
    #expect(output.stdout == (try site.expected("path.txt")))
    #expect(output.status == 0)
  }

  @Test(arguments: [
    (["--format=csv"], "list.csv.txt"), (["--format=dotenv"], "list.dotenv.txt"),
    (["--format=json", "--fields=name,value,type"], "list.json.txt"),
    (["--format=yaml", "--fields=name,value,type"], "list.yaml.txt"), ([], "list.table.piped.txt"),
    (["DB_", "--format=csv"], "list.filter-DB_.csv.txt"),
    (["DB_NAME", "--strict", "--format=csv"], "list.filter-DB_NAME-strict.csv.txt"),
    (["--fields=name,type", "--format=csv"], "list.fields-name-type.csv.txt"),
  ])
  func listMatchesWPCLI(options: [String], goldenFile: String) throws {
    let site = try Site()
    let output = try site.run(["config", "list", "--reveal"] + options)
    #expect(output.stdout == (try site.expected(goldenFile)))
    #expect(output.stderr == "")
    #expect(output.status == 0)
  }

  @Test func boxedListMatchesWPCLI() throws {
    let site = try Site()
    let output = try site.run(["config", "list", "--reveal"], environment: ["SHELL_PIPE": "0"])
    #expect(output.stdout == (try site.expected("list.table.shellpipe0.txt")))
  }

  @Test func listRedactsSecretsByDefault() throws {
    let site = try Site()
    let output = try site.run(["config", "list", "--format=csv"])
    #expect(!output.stdout.contains("golden-pass"))
    #expect(output.stdout.contains("DB_PASSWORD,[redacted],constant"))
  }

  /// WP-CLI's three fields by default; closte's own when --fields asks for them.
  @Test func jsonListCarriesClostesFieldsWhenAsked() throws {
    let site = try Site()
    let plain = try site.run(["config", "list", "DB_NAME", "--strict", "--format=json"])
    #expect(plain.stdout == #"[{"name":"DB_NAME","value":"golden_db","type":"constant"}]"#)
    let output = try site.run([
      "config", "list", "DB_NAME", "--strict", "--format=json",
      "--fields=name,value,type,value_type,file,line,conditional,resolved,reason",
    ])
    #expect(
      output.stdout
        == #"[{"name":"DB_NAME","value":"golden_db","type":"constant","value_type":"string","file":""#
        + JSONWriterEscape.slashes(site.folder + "/wp-config.php")
        + #"","line":2,"conditional":false,"resolved":true,"reason":null}]"#)
  }

  static let getNames = [
    "DB_NAME", "EMPTY_VAL", "FLOAT_VAL", "FLOAT_WHOLE", "INT_VAL", "MULTI", "NULLED", "WP_CACHE", "WP_DEBUG",
    "custom_list", "table_prefix",
  ]

  @Test(arguments: getNames) func getMatchesWPCLI(name: String) throws {
    let site = try Site()
    let plain = try site.run(["config", "get", name])
    #expect(plain.stdout == (try site.expected("get.\(name).txt")))
    #expect(plain.status == 0)
    for format in ["json", "yaml", "dotenv"] {
      let output = try site.run(["config", "get", name, "--format=\(format)"])
      #expect(output.stdout == (try site.expected("get.\(name).\(format).txt")), "\(format)")
    }
  }

  @Test func getOfAnUndefinedNameMatchesWPCLI() throws {
    let site = try Site()
    let nope = try site.run(["config", "get", "NOPE"])
    #expect(nope.stdout == "")
    #expect(nope.stderr == (try site.expected("get.NOPE.stderr.txt")))
    #expect(nope.status == 1)
    let variable = try site.run(["config", "get", "WP_DEBUG", "--type=variable"])
    #expect(variable.stderr == (try site.expected("get.WP_DEBUG.type-variable.stderr.txt")))
    #expect(variable.status == 1)
  }

  @Test func getOfASecretNeedsReveal() throws {
    let site = try Site()
    let hidden = try site.run(["config", "get", "DB_PASSWORD"])
    #expect(hidden.status == 1)
    #expect(!hidden.stdout.contains("golden-pass") && !hidden.stderr.contains("golden-pass"))
    let shown = try site.run(["config", "get", "DB_PASSWORD", "--reveal"])
    #expect(shown.stdout == "golden-pass\n")
  }

  @Test func hasAnswersByExitStatusOnly() throws {
    let site = try Site()
    let yes = try site.run(["config", "has", "DB_NAME"])
    let no = try site.run(["config", "has", "NOPE"])
    #expect(yes.status == 0 && yes.stdout == "" && yes.stderr == "")
    let expected = try site.expected("has.NOPE.out.txt")
    #expect(no.status == 1 && no.stdout == expected && no.stderr == "")
  }
}

/// JSON's `\/` spelling of a path, as closte (like PHP's json_encode) writes it.
enum JSONWriterEscape {
  static func slashes(_ text: String) -> String { text.replacingOccurrences(of: "/", with: #"\/"#) }
}
