import Foundation

/// Keeps every secret closte has seen (the API key, database password, salts) and masks them in any
/// text bound for standard error, logs or error messages. A second line of defence: code should not
/// put secrets in text in the first place.
public final class SecretRedactor: @unchecked Sendable {
  public static let mask = "[redacted]"
  private let lock = NSLock()
  private var secrets: Set<String> = []

  public init() {}

  /// Registers a secret. Values shorter than 4 characters are not masked (they would mask ordinary words).
  public func register(_ secret: String) {
    guard secret.count >= 4 else { return }
    lock.lock()
    secrets.insert(secret)
    // The form-encoded and percent-encoded spellings may also appear in URLs and bodies.
    if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != secret {
      secrets.insert(encoded)
    }
    lock.unlock()
  }

  public func redact(_ text: String) -> String {
    lock.lock()
    let current = secrets
    lock.unlock()
    guard !current.isEmpty else { return text }
    var result = text
    // Longest first, so a secret that contains another is masked whole.
    for secret in current.sorted(by: { $0.count > $1.count }) where result.contains(secret) {
      result = result.replacingOccurrences(of: secret, with: SecretRedactor.mask)
    }
    return result
  }
}
