/// Which `wp-config.php` names hold secrets: never printed unless `--reveal`, never logged.
public enum ConfigSecrets {
  private static let exactNames: Set<String> = ["CLOSTE_CLIENT_API_KEY", "DB_PASSWORD"]
  private static let markers: [[UInt8]] = ["PASSWORD", "PASS", "SECRET", "_KEY", "SALT", "TOKEN", "APIKEY", "API_KEY"]
    .map { Array($0.utf8) }

  /// Case-insensitive, over bytes: it runs for every item of a config, which can be many.
  public static func isSecret(_ name: String) -> Bool {
    let upper = name.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 32 : $0 }
    if exactNames.contains(String(decoding: upper, as: UTF8.self)) { return true }
    return markers.contains { marker in contains(upper, marker) }
  }

  /// The secret values among `items`, as text: what the scrubber masks everywhere, and what a
  /// `--reveal` answer shows on purpose (the scrubber leaves them in that answer only).
  public static func secretValues(_ items: [ConfigItem]) -> Set<String> {
    var values: Set<String> = []
    for item in items where item.type != .includes && isSecret(item.name) {
      switch item.value {
      case .string(let text)?: values.insert(text)
      case .int(let number)?: values.insert(String(number))
      default: break
      }
    }
    return values
  }

  private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }
}
