import Values

/// One alias as Closte lists it. The shape of `getdomains` entries is not documented, so an entry
/// may be a string or an object with a name field; every field Closte gives is kept.
public struct ClosteAlias: Sendable, Equatable {
  /// The name, with `*.` when it is a wildcard, lower case, no trailing dot.
  public var domain: String
  public var wildcard: Bool
  /// The row to show: `domain`, `wildcard`, then Closte's other fields as they came.
  public var row: JSONObject

  public static let nameFields = ["domain", "name", "hostname", "host", "domain_name", "alias"]

  public init(domain: String, wildcard: Bool, row: JSONObject) {
    self.domain = domain
    self.wildcard = wildcard
    self.row = row
  }

  /// Reads one entry; nil when it holds no name at all.
  public init?(entry: JSONValue) {
    var extra = JSONObject()
    var rawName: String
    var wildcardField: Bool?
    switch entry {
    case .string(let text): rawName = text
    case .object(let object):
      guard let nameKey = ClosteAlias.nameFields.first(where: { object[$0]?.stringValue?.isEmpty == false }),
        let name = object[nameKey]?.stringValue
      else { return nil }
      rawName = name
      for (key, value) in object where key != nameKey {
        if key == "wildcard" {
          wildcardField = ClosteAlias.truthy(value)
        } else {
          extra[key] = value
        }
      }
    default: return nil
    }
    rawName = rawName.trimmingSpaces.lowercased()
    if rawName.hasSuffix(".") { rawName.removeLast() }
    let wildcard = rawName.hasPrefix("*.") || wildcardField == true
    if wildcard && !rawName.hasPrefix("*.") { rawName = "*." + rawName }
    domain = rawName
    self.wildcard = wildcard
    var row = JSONObject()
    row["domain"] = .string(rawName)
    row["wildcard"] = .bool(wildcard)
    for (key, value) in extra { row[key] = value }
    self.row = row
  }

  package static func truthy(_ value: JSONValue) -> Bool {
    switch value {
    case .bool(let flag): return flag
    case .int(let number): return number != 0
    case .double(let number): return number != 0
    case .string(let text): return ["1", "true", "yes", "on"].contains(text.lowercased())
    default: return false
    }
  }
}
