/// WP-CLI's `Utils\get_suggestion`: the option closest to a mistyped word, for "Did you mean …?".
public enum Suggestion {
  /// Words WP-CLI maps to its own vocabulary before measuring distances.
  package static let aliases: [String: String] = [
    "add": "create", "check": "check-update", "capability": "cap", "clear": "flush", "decrement": "decr",
    "del": "delete", "directory": "dir", "exec": "eval", "exec-file": "eval-file", "increment": "incr",
    "language": "locale", "lang": "locale", "new": "create", "number": "count", "remove": "delete",
    "regen": "regenerate", "rep": "replace", "repl": "replace", "trash": "delete", "v": "version",
  ]

  /// The option at the smallest edit distance from `target` (the first one on ties, as PHP's stable
  /// `asort` leaves them), when that distance is at most `threshold` and it is not `target` itself.
  public static func closest(to target: String, among options: [String], threshold: Int = 2) -> String? {
    if let alias = aliases[target], options.contains(alias) { return alias }
    var best: (option: String, distance: Int)?
    let targetBytes = Array(target.utf8)
    for option in options {
      let distance = levenshtein(Array(option.utf8), targetBytes)
      if best == nil || distance < (best?.distance ?? Int.max) { best = (option, distance) }
    }
    guard let best, best.distance <= threshold, best.option != target else { return nil }
    return best.option
  }

  /// PHP's `levenshtein` (bytes, unit costs).
  package static func levenshtein(_ left: [UInt8], _ right: [UInt8]) -> Int {
    if left.isEmpty { return right.count }
    var previous = Array(0...right.count)
    for (i, leftByte) in left.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: right.count)
      for (j, rightByte) in right.enumerated() {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (leftByte == rightByte ? 0 : 1))
      }
      previous = current
    }
    return previous[right.count]
  }
}
