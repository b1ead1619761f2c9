import Foundation
import Testing

@testable import ClosteKit
@testable import Diagnostics
@testable import Output
@testable import Values
@testable import WPConfig

/// The `config` commands' printing, against WP-CLI 2.12.0's bytes (Fixtures/wp-cli-golden-config),
/// on the definitions the golden `wp-config.php` makes (built here by hand, so these tests do not
/// depend on the reader; the end-to-end tests run the real reader on the real file).
@Suite struct ConfigGoldenTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../OutputTests/Fixtures/wp-cli-golden-config").standardizedFileURL

  static func golden(_ name: String) throws -> String {
    String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
  }

  /// What the golden wp-config.php (and extra.php) define, in file order, as the reader reports it.
  static let config: WPConfig = {
    let main = "/var/www/golden/wp-config.php"
    let extra = "/var/www/golden/extra.php"
    func constant(_ name: String, _ value: PHPValue, _ line: Int, file: String = main) -> ConfigItem {
      ConfigItem(name: name, type: .constant, value: value, file: file, line: line)
    }
    return WPConfig(
      path: main,
      items: [
        constant("DB_NAME", .string("golden_db"), 2), constant("DB_USER", .string("golden_user"), 3),
        constant("DB_PASSWORD", .string("golden-pass"), 4), constant("DB_HOST", .string("localhost"), 5),
        constant("WP_DEBUG", .bool(false), 6), constant("WP_CACHE", .bool(true), 7), constant("NULLED", .null, 8),
        constant("INT_VAL", .int(42), 9), constant("FLOAT_VAL", .float(1.5), 10),
        constant("FLOAT_WHOLE", .float(2.0), 11), constant("EMPTY_VAL", .string(""), 12),
        constant("MULTI", .string("a\nb"), 13),
        ConfigItem(name: "table_prefix", type: .variable, value: .string("wp_"), file: main, line: 14),
        ConfigItem(name: "extra.php", type: .includes, value: .string(extra), file: main, line: 15),
        constant("INCLUDED_C", .string("x"), 1, file: extra),
        ConfigItem(
          name: "custom_list", type: .variable,
          value: .array(
            PHPArray(entries: [.init(key: .int(0), value: .string("a")), .init(key: .int(1), value: .string("b"))])),
          file: main, line: 16),
        constant("ABSPATH", .string("/var/www/golden/"), 17),
      ])
  }()

  static func list(
    _ filters: [String] = [], strict: Bool = false, fields: [String]? = nil, format: String, boxed: Bool = false,
    reveal: Bool = true
  ) throws -> String {
    let entries = ConfigListing.filter(ConfigListing.entries(config), by: filters, strict: strict)
    let rows = entries.map { ConfigRow.object($0, reveal: reveal) }
    if format == "dotenv" {
      return zip(entries, rows).filter { $0.0.type == .constant }
        .map { ConfigValueText.dotenvLine(name: $0.0.name, value: $0.1["value"] ?? .null) }.joined()
    }
    return try FormatItems.render(
      rows: rows, fields: fields ?? ConfigRow.wpCLIFields, format: format, boxed: boxed)
  }

  @Test(arguments: ["csv", "json", "yaml", "dotenv"]) func listMatchesWPCLI(format: String) throws {
    #expect(try Self.list(format: format) == Self.golden("list.\(format).txt"))
  }

  @Test func listTablesMatchWPCLI() throws {
    #expect(try Self.list(format: "table") == Self.golden("list.table.piped.txt"))
    #expect(try Self.list(format: "table", boxed: true) == Self.golden("list.table.shellpipe0.txt"))
  }

  @Test func listFiltersAndFieldsMatchWPCLI() throws {
    #expect(try Self.list(["DB_"], format: "csv") == Self.golden("list.filter-DB_.csv.txt"))
    #expect(
      try Self.list(["DB_NAME"], strict: true, format: "csv") == Self.golden("list.filter-DB_NAME-strict.csv.txt"))
    #expect(try Self.list(fields: ["name", "type"], format: "csv") == Self.golden("list.fields-name-type.csv.txt"))
  }

  @Test func listRedactsSecretsUnlessRevealed() throws {
    let redacted = try Self.list(format: "csv", reveal: false)
    #expect(!redacted.contains("golden-pass"))
    let expected = try Self.golden("list.csv.txt").replacingOccurrences(of: "golden-pass", with: SecretRedactor.mask)
    #expect(redacted == expected)
  }

  static let getNames = [
    "DB_NAME", "EMPTY_VAL", "FLOAT_VAL", "FLOAT_WHOLE", "INT_VAL", "MULTI", "NULLED", "WP_CACHE", "WP_DEBUG",
    "custom_list", "table_prefix",
  ]

  @Test(arguments: getNames) func getMatchesWPCLI(name: String) throws {
    let item = try ConfigListing.lookup(name, kind: .all, in: Self.config)
    let value = try #require(item.value)
    #expect(ConfigValueText.get(value, format: "var_export") == (try Self.golden("get.\(name).txt")))
    for format in ["json", "yaml", "dotenv"] {
      #expect(ConfigValueText.get(value, format: format) == (try Self.golden("get.\(name).\(format).txt")))
    }
  }

  @Test func notDefinedUsesWPCLIsMessage() throws {
    #expect(
      "Error: " + Self.message { try ConfigListing.lookup("NOPE", kind: .all, in: Self.config) } + "\n"
        == (try Self.golden("get.NOPE.stderr.txt")))
    #expect(
      "Error: " + Self.message { try ConfigListing.lookup("WP_DEBUG", kind: .variable, in: Self.config) } + "\n"
        == (try Self.golden("get.WP_DEBUG.type-variable.stderr.txt")))
  }

  @Test func notDefinedSuggestsACloseName() {
    #expect(
      Self.message { try ConfigListing.lookup("DB_NAM", kind: .all, in: Self.config) }
        == "The constant or variable 'DB_NAM' is not defined in the 'wp-config.php' file.\nDid you mean 'DB_NAME'?")
  }

  @Test func hasAnswersAsWPCLI() throws {
    #expect(try ConfigListing.has("DB_NAME", kind: .all, in: Self.config))
    #expect(try !ConfigListing.has("NOPE", kind: .all, in: Self.config))
    #expect(try !ConfigListing.has("DB_NAME", kind: .variable, in: Self.config))
    #expect(try ConfigListing.has("table_prefix", kind: .variable, in: Self.config))
    #expect(try ConfigListing.has("ABSPATH", kind: .constant, in: Self.config))
  }

  @Test func aNameThatIsBothNeedsAType() throws {
    var config = Self.config
    config.items.append(ConfigItem(name: "DB_NAME", type: .variable, value: .string("v"), file: config.path, line: 30))
    #expect(throws: ClosteError.self) { try ConfigListing.lookup("DB_NAME", kind: .all, in: config) }
    #expect(try ConfigListing.lookup("DB_NAME", kind: .variable, in: config).value == .string("v"))
  }

  static func message(_ body: () throws -> Any) -> String {
    do {
      _ = try body()
      return "no error"
    } catch let error as ClosteError {
      return error.message
    } catch {
      return "\(error)"
    }
  }
}
