import Diagnostics
import DomainNames
import Values

extension ClosteClient {
  /// The names of Closte's aliases only, for `domain sync`. A successful `/getdomains` answer is read
  /// entry by entry straight from its bytes (`AliasListScanner`), so a list of 100,000 aliases is held
  /// as its bytes and one name each, never as a parsed document; any other answer is read whole, as
  /// `listDomains` reads it, for the same errors. Each name comes back as `DomainName` spells it
  /// (`DomainName.comparisonKey`), so a name Closte lists in Unicode or upper case compares equal
  /// to the desired list's and the protected names.
  public func aliasNames() async throws -> [String] {
    try await aliasNamesAsListed().map(DomainName.comparisonKey)
  }

  private func aliasNamesAsListed() async throws -> [String] {
    let (response, attempts) = try await send(.getDomains)
    if response.status == 200, let names = AliasListScanner.names(in: response.body) { return names }
    let reply = try ClosteReply(response: response, call: .getDomains, attempts: attempts, redactor: redactor)
    guard reply.success else { throw reply.refusal(call: "the domain list") }
    switch reply.object["domains"] {
    case .array(let entries)?: return entries.compactMap { ClosteAlias(entry: $0)?.domain }
    case .object(let object)?: return object.compactMap { ClosteAlias(entry: $0.value)?.domain }
    case .null?: return []
    case nil:
      throw ClosteError.apiBadResponse(
        "it has no `domains` list", call: "/getdomains", body: reply.body, redactor: redactor)
    default:
      throw ClosteError.apiBadResponse(
        "`domains` is not a list", call: "/getdomains", body: reply.body, redactor: redactor)
    }
  }
}

/// Reads `{"success": true, "domains": [...]}` member by member and the list entry by entry, each
/// entry parsed alone and dropped once its name is taken (`ClosteAlias(entry:)`, the same reading as
/// `domain list`). Nil when the answer is anything else: the caller then reads it whole.
public enum AliasListScanner {
  public static func names(in body: [UInt8]) -> [String]? {
    var index = skipSpace(body, 0)
    guard index < body.count, body[index] == UInt8(ascii: "{") else { return nil }
    index += 1
    var success = false
    var names: [String]?
    while true {
      index = skipSpace(body, index)
      guard index < body.count else { return nil }
      if body[index] == UInt8(ascii: "}") {
        index += 1
        break
      }
      guard case (.string(let key), let afterKey)? = try? JSONParser.parsePrefix(body, from: index) else { return nil }
      index = skipSpace(body, afterKey)
      guard index < body.count, body[index] == UInt8(ascii: ":") else { return nil }
      index = skipSpace(body, index + 1)
      if key == "domains", index < body.count, body[index] == UInt8(ascii: "[") {
        guard let (list, end) = entries(body, from: index + 1) else { return nil }
        names = list
        index = end
      } else {
        guard let (value, end) = try? JSONParser.parsePrefix(body, from: index) else { return nil }
        if key == "success" { success = ClosteAlias.truthy(value) }
        if key == "domains" { return nil }  // another shape: read whole
        index = end
      }
      index = skipSpace(body, index)
      guard index < body.count else { return nil }
      if body[index] == UInt8(ascii: ",") { index += 1 }
    }
    guard skipSpace(body, index) == body.count, success, let names else { return nil }
    return names
  }

  /// The names of the array's entries, from just after its `[` to just after its `]`.
  private static func entries(_ body: [UInt8], from start: Int) -> ([String], Int)? {
    var names: [String] = []
    var index = skipSpace(body, start)
    if index < body.count, body[index] == UInt8(ascii: "]") { return (names, index + 1) }
    while true {
      guard let (entry, end) = try? JSONParser.parsePrefix(body, from: index) else { return nil }
      if let name = ClosteAlias(entry: entry)?.domain { names.append(name) }
      index = skipSpace(body, end)
      guard index < body.count else { return nil }
      if body[index] == UInt8(ascii: "]") { return (names, index + 1) }
      guard body[index] == UInt8(ascii: ",") else { return nil }
      index += 1
    }
  }

  private static func skipSpace(_ body: [UInt8], _ start: Int) -> Int {
    var index = start
    while index < body.count, [0x20, 0x09, 0x0A, 0x0D].contains(body[index]) { index += 1 }
    return index
  }
}
