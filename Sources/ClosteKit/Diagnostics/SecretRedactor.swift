import Foundation

/// Keeps every secret closte has seen (the API key, database password, salts) and masks them in any
/// text bound for standard error, logs or error messages. A second line of defence: code should not
/// put secrets in text in the first place.
public final class SecretRedactor: @unchecked Sendable {
  public static let mask = "[redacted]"
  private let lock = NSLock()
  private var secrets: Set<String> = []
  /// The secrets longest first, so a secret that contains another is masked whole; kept sorted on
  /// `register`, which is rare, so `redact`, which runs on every line, does not sort.
  private var ordered: [String] = []

  public init() {}

  /// Registers a secret. Values shorter than 4 characters are not masked (they would mask ordinary words).
  public func register(_ secret: String) {
    guard secret.count >= 4 else { return }
    lock.lock()
    defer { lock.unlock() }
    guard secrets.insert(secret).inserted else { return }
    // The form-encoded and percent-encoded spellings may also appear in URLs and bodies.
    if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != secret {
      secrets.insert(encoded)
    }
    ordered = secrets.sorted { $0.utf8.count > $1.utf8.count }
  }

  public func redact(_ text: String) -> String {
    lock.lock()
    let current = ordered
    lock.unlock()
    guard !current.isEmpty else { return text }
    // Every answer and stderr line passes here: look for the secrets over bytes first, and pay for
    // Foundation's replacing only in the rare case one is there.
    let bytes = Array(text.utf8)
    var result = text
    for secret in current where SecretRedactor.occurs(Array(secret.utf8), in: bytes) {
      result = result.replacingOccurrences(of: secret, with: SecretRedactor.mask)
    }
    return result
  }

  /// Whether `needle` occurs in `haystack` (both UTF-8 bytes).
  static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
    guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
    var start = 0
    let last = haystack.count - needle.count
    while start <= last {
      if haystack[start] == first {
        var matched = 1
        while matched < needle.count && haystack[start + matched] == needle[matched] { matched += 1 }
        if matched == needle.count { return true }
      }
      start += 1
    }
    return false
  }
}
