import Diagnostics
import Values
import WPConfig

/// One `config list` entry as a row: WP-CLI's three fields, then closte's own.
enum ConfigRow {
  static let wpCLIFields = ["name", "value", "type"]
  static let allFields = wpCLIFields + ["value_type", "file", "line", "conditional", "resolved", "reason"]

  static func object(_ item: ConfigItem, reveal: Bool) -> JSONObject {
    var value = item.value?.json ?? .null
    if !reveal, item.type != .includes, ConfigSecrets.isSecret(item.name), item.value != nil, value != .null {
      value = .string(SecretRedactor.mask)
    }
    return JSONObject([
      ("name", .string(item.name)), ("value", value), ("type", .string(item.type.rawValue)),
      ("value_type", item.value.map { .string($0.typeName) } ?? .null), ("file", .string(item.file)),
      ("line", .int(item.line)), ("conditional", .bool(item.conditional)), ("resolved", .bool(item.resolved)),
      ("reason", item.reason.map(JSONValue.string) ?? .null),
    ])
  }
}
