import Testing

@testable import ClosteKit
@testable import Diagnostics
@testable import Values
@testable import WPConfig

@Suite struct ConfigListingTests {
  static func item(_ name: String, _ type: ConfigItemType, _ value: PHPValue?, line: Int) -> ConfigItem {
    ConfigItem(name: name, type: type, value: value, resolved: value != nil, file: "/w/wp-config.php", line: line)
  }

  static let config = WPConfig(
    path: "/w/wp-config.php",
    items: [
      item("A", .constant, .int(1), line: 1), item("v", .variable, .string("first"), line: 2),
      item("A", .constant, .int(2), line: 3), item("w", .variable, .int(0), line: 4),
      item("v", .variable, .string("last"), line: 5), item("extra.php", .includes, .string("/w/extra.php"), line: 6),
      item("extra.php", .includes, .string("/w/extra.php"), line: 7),
      item("wp-settings.php", .includes, .string("/w/wp-settings.php"), line: 8),
      item("ABSPATH", .constant, .string("/w/"), line: 9), item("LATER", .constant, nil, line: 10),
    ])

  @Test func listsVariablesThenConstantsThenIncludesOnceEach() {
    let entries = ConfigListing.entries(Self.config)
    #expect(entries.map(\.name) == ["v", "w", "A", "LATER", "extra.php"])
    #expect(entries[0].value == .string("last"))
    #expect(entries[2].value == .int(1))
    #expect(ConfigListing.entries(Self.config, includingABSPATH: true).map(\.name).contains("ABSPATH"))
  }

  @Test func filtersByPartOrWholeNameWithoutRepeating() {
    let entries = ConfigListing.entries(Self.config)
    #expect(ConfigListing.filter(entries, by: ["A", "LAT"], strict: false).map(\.name) == ["A", "LATER"])
    #expect(ConfigListing.filter(entries, by: ["A"], strict: true).map(\.name) == ["A"])
    #expect(ConfigListing.filter(entries, by: [], strict: false).count == entries.count)
  }

  @Test func anUnresolvedValueIsFoundButHasNoValue() throws {
    let item = try ConfigListing.lookup("LATER", kind: .constant, in: Self.config)
    #expect(!item.resolved && item.value == nil)
  }

  @Test func levenshteinIsPHPs() {
    #expect(Suggestion.levenshtein(Array("kitten".utf8), Array("sitting".utf8)) == 3)
    #expect(Suggestion.closest(to: "DB_NAM", among: ["DB_USER", "DB_NAME"]) == "DB_NAME")
    #expect(Suggestion.closest(to: "NOPE", among: ["DB_NAME"]) == nil)
  }
}
