/// Which `wp-config.php` names hold secrets: never printed unless `--reveal`, never logged.
public enum ConfigSecrets {
  private static let exactNames: Set<String> = ["CLOSTE_CLIENT_API_KEY", "DB_PASSWORD"]
  private static let markers = ["PASSWORD", "PASS", "SECRET", "_KEY", "SALT", "TOKEN", "APIKEY", "API_KEY"]

  public static func isSecret(_ name: String) -> Bool {
    let upper = name.uppercased()
    if exactNames.contains(upper) { return true }
    return markers.contains { upper.contains($0) }
  }
}
