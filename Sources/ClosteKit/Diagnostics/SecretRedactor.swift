import FoundationEssentials
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps every secret closte has seen (the API key, database password, salts) and masks them in any
/// text bound for standard error, logs or error messages. A second line of defence: code should not
/// put secrets in text in the first place.
public final class SecretRedactor: @unchecked Sendable {
  public static let mask = "[redacted]"
  private struct Secrets {
    var all: Set<String> = []
    /// The secrets longest first, so a secret that contains another is masked whole; kept sorted on
    /// `register`, which is rare, so `redact`, which runs on every line, does not sort.
    var ordered: [String] = []
  }
  private let secrets = Mutex(Secrets())

  public init() {}

  /// Registers a secret. Values shorter than 4 characters are not masked (they would mask ordinary words).
  public func register(_ secret: String) {
    guard secret.count >= 4 else { return }
    secrets.withLock { secrets in
      guard secrets.all.insert(secret).inserted else { return }
      // The form-encoded and percent-encoded spellings may also appear in URLs and bodies.
      for encoded in [FormEncoding.escape(secret), SecretRedactor.percentEncodedExceptAlphanumerics(secret)]
      where encoded != secret {
        secrets.all.insert(encoded)
      }
      secrets.ordered = secrets.all.sorted { $0.utf8.count > $1.utf8.count }
    }
  }

  public func redact(_ text: String) -> String {
    let current = secrets.withLock { $0.ordered }
    guard !current.isEmpty else { return text }
    // Every answer and stderr line passes here: look for the secrets over bytes first, and pay for
    // the replacing only in the rare case one is there.
    let bytes = Array(text.utf8)
    var result = text
    for secret in current where SecretRedactor.occurs(Array(secret.utf8), in: bytes) {
      result = result.replacingAll(secret, with: SecretRedactor.mask)
    }
    return result
  }

  /// Every byte but ASCII letters and digits as `%XX`.
  static func percentEncodedExceptAlphanumerics(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default: out += FormEncoding.percent(byte)
      }
    }
    return out
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
