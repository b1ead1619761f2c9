/// Which `wp-config.php` names hold secrets: never printed unless `--reveal`, never logged.
///
/// The rule is by words: the name is split on `_` and a secret has one of the words `PASSWORD`,
/// `PASS`, `PASSWD`, `PWD`, `SECRET`, `KEY`, `SALT`, `TOKEN` or `APIKEY` (any letter case), so
/// `DB_PASSWORD`, `AUTH_KEY`, `NONCE_SALT` and `CLOSTE_CLIENT_API_KEY` are secrets, while
/// `WP_PROXY_BYPASS_HOSTS` and `PASSPORT_URL` are not.
public enum ConfigSecrets {
  static let words: Set<String> = ["PASSWORD", "PASS", "PASSWD", "PWD", "SECRET", "KEY", "SALT", "TOKEN", "APIKEY"]

  /// The rule in one sentence, for `config list --help`.
  public static let rule =
    "A name is a secret when one of its words (split on _) is PASSWORD, PASS, PASSWD, PWD, SECRET, KEY, SALT, TOKEN "
    + "or APIKEY, in any letter case: DB_PASSWORD, AUTH_KEY, NONCE_SALT, CLOSTE_CLIENT_API_KEY; not "
    + "WP_PROXY_BYPASS_HOSTS."

  public static func isSecret(_ name: String) -> Bool {
    name.utf8.split(separator: UInt8(ascii: "_")).contains { word in
      word.count >= 3 && word.count <= 8
        && words.contains(String(decoding: word.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 32 : $0 }, as: UTF8.self))
    }
  }
}
