/// Which `wp-config.php` names hold secrets: never printed unless `--reveal`, never logged.
///
/// The rule is by words: the name is split on `_` and a secret has one of the words `PASSWORD`,
/// `PASS`, `PASSWD`, `PWD`, `SECRET`, `KEY`, `SALT`, `TOKEN` or `APIKEY` (any letter case), so
/// `DB_PASSWORD`, `AUTH_KEY`, `NONCE_SALT` and `CLOSTE_CLIENT_API_KEY` are secrets, while
/// `WP_PROXY_BYPASS_HOSTS` and `PASSPORT_URL` are not.
public enum ConfigSecrets {
  package static let words: [[UInt8]] = [
    "PASSWORD", "PASS", "PASSWD", "PWD", "SECRET", "KEY", "SALT", "TOKEN", "APIKEY",
  ].map {
    Array($0.utf8)
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

  /// The rule in one sentence, for `config list --help`.
  public static let rule =
    "A name is a secret when one of its words (split on _) is PASSWORD, PASS, PASSWD, PWD, SECRET, KEY, SALT, TOKEN "
    + "or APIKEY, in any letter case: DB_PASSWORD, AUTH_KEY, NONCE_SALT, CLOSTE_CLIENT_API_KEY; not "
    + "WP_PROXY_BYPASS_HOSTS."

  /// Over bytes, without allocating: it runs for every item of a config, which can be many.
  public static func isSecret(_ name: String) -> Bool {
    var name = name
    return name.withUTF8 { bytes in
      var start = 0
      for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "_") {
        if end - start >= 3, end - start <= 8, isSecretWord(bytes[start..<end]) { return true }
        start = end + 1
      }
      return false
    }
  }

  private static func isSecretWord(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    words.contains { secret in
      secret.count == word.count
        && zip(secret, word).allSatisfy { $0 == ($1 >= 0x61 && $1 <= 0x7A ? $1 - 32 : $1) }
    }
  }
}
