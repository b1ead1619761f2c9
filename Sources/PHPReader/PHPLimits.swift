import Values

/// The budget of one read of a `wp-config.php` and its includes: what a hostile or broken file
/// can make the reader build or follow. Past a limit the value is unresolved with the reason,
/// never an abort and never a hang.
public enum PHPLimits {
  /// The largest value (string bytes, or an array's weight) the reader computes: 64 MB.
  public static let maximumValueBytes = 64 << 20
  /// The deepest arrays nest in a computed value (deeper values are unresolved, so that printing
  /// or freeing them never recurses without bound).
  public static let maximumArrayDepth = 256
  /// Includes followed across the whole read (fan-out includes end here, not in a hang).
  public static let maximumIncludes = 1_000
  /// Bytes of PHP read across the main file and its includes.
  public static let maximumSourceBytes = 256 << 20

  package static let tooLarge = PHPResult.unresolved(
    "builds a value larger than \(maximumValueBytes >> 20) MB, the reader's limit")

  /// `result`, or unresolved when its value is past the size or depth limit.
  package static func bounded(_ result: PHPResult) -> PHPResult {
    guard case .value(let value) = result else { return result }
    if value.weight > maximumValueBytes { return tooLarge }
    if value.depth > maximumArrayDepth {
      return .unresolved("nests arrays deeper than \(maximumArrayDepth) levels, the reader's limit")
    }
    return result
  }

  /// `lhs . rhs`, unresolved past the size limit (a string doubled 40 times stops here).
  package static func concatenated(_ lhs: consuming PHPValue, _ rhs: PHPValue) -> PHPResult {
    if case .array = lhs { return .unresolved("converts an array to a string") }
    if case .array = rhs { return .unresolved("converts an array to a string") }
    var text = lhs.phpString
    let right = rhs.phpString
    if text.utf8.count + right.utf8.count > maximumValueBytes { return tooLarge }
    text += right
    return .value(.string(text))
  }
}
