import Testing

@testable import WPConfig

/// Secret names by words (split on `_`), not by substrings.
@Suite struct ConfigSecretsTests {
  @Test(arguments: [
    "DB_PASSWORD", "AUTH_KEY", "SECURE_AUTH_KEY", "NONCE_SALT", "CLOSTE_CLIENT_API_KEY", "SMTP_PASS", "FTP_PASSWD",
    "MYSQL_PWD", "GITHUB_TOKEN", "STRIPE_SECRET", "MAILGUN_APIKEY", "db_password", "KEY", "_TOKEN_",
  ])
  func isASecret(name: String) {
    #expect(ConfigSecrets.isSecret(name))
  }

  /// `WP_PROXY_BYPASS_HOSTS` was redacted because it contains "PASS".
  @Test(arguments: [
    "WP_PROXY_BYPASS_HOSTS", "PASSPORT_CLIENT_ID", "KEYWORDS_LIMIT", "TOKENIZER_MODE", "SALTY_SNACKS", "PASSAGE",
    "DB_NAME", "WP_HOME", "MONKEY_PATCH", "COMPASS_URL",
  ])
  func isNotASecret(name: String) {
    #expect(!ConfigSecrets.isSecret(name))
  }
}
