import Synchronization
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// The one scrubber: it knows every secret closte has seen (the API key, the database password,
/// the salts and keys of wp-config.php, the password of a URL) and masks each of them, in every
/// spelling (`SecretSpelling`), as `[redacted]`. Every byte that leaves the process passes it:
/// standard output and standard error through `ScrubbingSink`, wu-logs lines through `WULog`, and a
/// command's result before any format lays it out (`Dispatcher`).
///
/// A secret shorter than `minimumLength` bytes is not scrubbed from text: masking a 4-letter
/// password would mask that word everywhere, and such a password is guessed faster than read.
/// closte still never prints it on purpose (`config list` and `config get` hide secrets by name).
public final class SecretRedactor: Sendable {
  public static let mask = "[redacted]"
  public static let minimumLength = 6
  private static let maskBytes = Array(mask.utf8)

  private struct Patterns: Sendable {
    var registered: Set<String> = []
    var spellings: [SecretSpelling] = []
    /// For each byte value, the spellings that may start with it.
    var byFirstByte: [[Int]] = Array(repeating: [], count: 256)
  }

  private let patterns = Mutex(Patterns())

  public init() {}

  /// Registers a secret. A secret with line breaks is also registered line by line (a table keeps
  /// only the first line of a value), a secret with spaces around it also trimmed, and each of those
  /// also in lower and upper case (a domain name, a hex digest are shown in one case).
  public func register(_ secret: String) {
    guard secret.utf8.count >= SecretRedactor.minimumLength else { return }
    var pieces = [secret, secret.trimmingSpaces]
    let lines = secret.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map(String.init)
    if lines.count > 1 { pieces += lines + lines.map(\.trimmingSpaces) }
    pieces += pieces.map { $0.lowercased() } + pieces.map { $0.uppercased() }
    patterns.withLock { state in
      guard state.registered.insert(secret).inserted else { return }
      for piece in pieces where piece.utf8.count >= SecretRedactor.minimumLength {
        if let known = state.spellings.firstIndex(where: { $0.secret == piece }) {
          let old = state.spellings[known]
          state.spellings[known] = SecretSpelling(piece, origins: old.origins.union([secret]))
          continue
        }
        let spelling = SecretSpelling(piece, origins: [secret])
        for byte in spelling.firstBytes { state.byFirstByte[Int(byte)].append(state.spellings.count) }
        state.spellings.append(spelling)
      }
    }
  }

  /// Registers the password of every URL in `text` (`scheme://user:password@host`), as written and
  /// percent-decoded.
  public func registerURLPasswords(in text: String) {
    guard URLPassword.mayHold(text) else { return }
    for password in URLPassword.all(in: text) { register(password) }
  }

  /// Whether any secret is known (nothing to scrub otherwise).
  public var isEmpty: Bool { patterns.withLock { $0.spellings.isEmpty } }

  public func redact(_ text: String) -> String { redact(text, revealing: []) }

  /// The text with every secret masked, but the `revealing` secrets.
  public func redact(_ text: String, revealing: Set<String>) -> String {
    let state = patterns.withLock { $0 }
    return SecretRedactor.redact(text, state, revealing)
  }

  /// A value with every string in it (object keys included) scrubbed, but the `revealing` secrets.
  public func redact(_ value: JSONValue, revealing: Set<String> = []) -> JSONValue {
    let state = patterns.withLock { $0 }
    guard !state.spellings.isEmpty else { return value }
    return SecretRedactor.redact(value, state, revealing)
  }

  public func redact(_ object: JSONObject, revealing: Set<String> = []) -> JSONObject {
    let state = patterns.withLock { $0 }
    guard !state.spellings.isEmpty else { return object }
    return SecretRedactor.redact(object, state, revealing)
  }

  private static func redact(_ value: JSONValue, _ state: Patterns, _ revealing: Set<String>) -> JSONValue {
    switch value {
    case .string(let text): return .string(redact(text, state, revealing))
    case .array(let elements): return .array(elements.map { redact($0, state, revealing) })
    case .object(let object): return .object(redact(object, state, revealing))
    default: return value
    }
  }

  private static func redact(_ object: JSONObject, _ state: Patterns, _ revealing: Set<String>) -> JSONObject {
    JSONObject(object.map { (redact($0.key, state, revealing), redact($0.value, state, revealing)) })
  }

  /// Scans the string's own bytes: a string with no secret (nearly all) is neither copied nor rebuilt.
  private static func redact(_ text: String, _ state: Patterns, _ revealing: Set<String>) -> String {
    guard !state.spellings.isEmpty, !text.isEmpty else { return text }
    var copy = text
    let changed = copy.withUTF8 { scrub($0, state, holdingBack: false, revealing: revealing, revealFrom: 0) }
    return changed.map { String(decoding: $0.bytes, as: UTF8.self) } ?? text
  }

  /// What a scrub gives back: the bytes to write, and how many bytes of the input's end were held
  /// back because they may be the beginning of a secret that the next bytes complete.
  package struct Scrubbed {
    package var bytes: [UInt8]
    package var heldBack: Int

    package init(bytes: [UInt8], heldBack: Int) {
      self.bytes = bytes
      self.heldBack = heldBack
    }
  }

  /// Masks every secret in `input`. With `holdingBack` (a stream), a tail that may be the start of
  /// a secret is not written but handed back, to be scrubbed with the bytes that follow. Secrets in
  /// `revealing` are left as they are where they appear from `revealFrom` on (a `--reveal` answer).
  package func scrub(
    _ input: [UInt8], holdingBack: Bool, revealing: Set<String> = [], revealFrom: Int = 0
  ) -> Scrubbed {
    let state = patterns.withLock { $0 }
    let changed = input.withUnsafeBufferPointer {
      SecretRedactor.scrub($0, state, holdingBack: holdingBack, revealing: revealing, revealFrom: revealFrom)
    }
    return changed ?? Scrubbed(bytes: input, heldBack: 0)
  }

  /// The scrub itself; nil when the input goes out unchanged and whole.
  private static func scrub(
    _ text: UnsafeBufferPointer<UInt8>, _ state: Patterns, holdingBack: Bool, revealing: Set<String>,
    revealFrom: Int
  ) -> Scrubbed? {
    guard !state.spellings.isEmpty, !text.isEmpty else { return nil }
    var masked: [Range<Int>] = []
    var allowed: [Range<Int>] = []
    var firstPartial = text.count
    var positions: [Int] = []
    var next: [Int] = []
    positions.reserveCapacity(4)
    next.reserveCapacity(4)
    for start in 0..<text.count {
      let candidates = state.byFirstByte[Int(text[start])]
      if candidates.isEmpty { continue }
      for index in candidates {
        let spelling = state.spellings[index]
        switch spelling.match(text, from: start, positions: &positions, next: &next) {
        case .none: break
        case .partial: firstPartial = min(firstPartial, start)
        case .full(let end):
          if start >= revealFrom, !revealing.isEmpty, !spelling.origins.isDisjoint(with: revealing) {
            allowed.append(start..<end)
          } else {
            masked.append(start..<end)
          }
        }
      }
    }
    masked.removeAll { range in allowed.contains { $0.contains(range.lowerBound) && range.upperBound <= $0.upperBound }
    }
    var cut = holdingBack ? firstPartial : text.count
    // Never cut through a secret: its end would be scanned again alone, and no longer recognised.
    while let crossing = masked.first(where: { $0.lowerBound < cut && $0.upperBound > cut }) {
      cut = crossing.lowerBound
    }
    if masked.isEmpty && cut == text.count { return nil }
    masked.sort { $0.lowerBound < $1.lowerBound }
    var output: [UInt8] = []
    output.reserveCapacity(cut)
    var written = 0
    var index = 0
    while index < masked.count, masked[index].lowerBound < cut {
      var range = masked[index]
      index += 1
      while index < masked.count, masked[index].lowerBound <= range.upperBound {
        range = range.lowerBound..<max(range.upperBound, masked[index].upperBound)
        index += 1
      }
      output += UnsafeBufferPointer(rebasing: text[written..<range.lowerBound])
      output += SecretRedactor.maskBytes
      written = range.upperBound
    }
    if written < cut { output += UnsafeBufferPointer(rebasing: text[written..<cut]) }
    return Scrubbed(bytes: output, heldBack: text.count - cut)
  }
}
