import Diagnostics
import Values

/// The guards of `domain sync --prune` against mass removal. A list that is wrong in a way no
/// reader can see (the wrong file, a query that returned one site) must not empty Closte, so a
/// plan is refused when it would
///
/// - leave Closte with nothing but the protected names (`sync_would_remove_all`), unless
///   `--allow-remove-all`;
/// - remove more aliases than `--max-removals` allows (`sync_too_many_removals`): a count, a
///   percentage of Closte's aliases, or `all`. By default 10, or 10 % of Closte's aliases when that
///   is more: a routine prune of a few stale aliases passes, a wholesale one needs saying so.
public struct RemovalGuard: Sendable, Equatable {
  public enum Limit: Sendable, Equatable {
    /// 10, or 10 % of Closte's aliases when that is more.
    case standard
    case count(Int)
    case percent(Double)
    case unlimited
  }

  public static let defaultCount = 10
  public static let defaultPercent = 10.0

  public var limit: Limit
  public var allowRemoveAll: Bool

  public init(limit: Limit = .standard, allowRemoveAll: Bool = false) {
    self.limit = limit
    self.allowRemoveAll = allowRemoveAll
  }

  /// Reads `--max-removals=<n|p%|all>`; `invalid_arguments` for anything else.
  public static func limit(parsing text: String?) throws -> Limit {
    guard let text, !text.isEmpty else { return .standard }
    if text == "all" { return .unlimited }
    if text.hasSuffix("%"), let percent = Double(text.dropLast()), percent >= 0, percent <= 100 {
      return .percent(percent)
    }
    if let count = Int(text), count >= 0 { return .count(count) }
    throw ClosteError.invalidArguments(
      "Invalid value for --max-removals: '\(text)'. Expected a number (10), a percentage of Closte's aliases "
        + "(25%) or all.")
  }

  /// The most removals allowed when Closte holds `total` aliases; nil for no limit.
  public func allowedRemovals(total: Int) -> Int? {
    switch limit {
    case .standard:
      return max(Self.defaultCount, Int(Double(total) * Self.defaultPercent / 100))
    case .count(let count): return count
    case .percent(let percent): return Int(Double(total) * percent / 100)
    case .unlimited: return nil
    }
  }

  /// The refusal the plan meets, if any. `total` is how many aliases Closte holds; `protected` the
  /// names `--prune` never removes.
  public func check(_ plan: SyncPlan, total: Int, protected: Set<String>) -> ClosteError? {
    let removals = plan.entries.reduce(0) { $0 + ($1.action == .remove ? 1 : 0) }
    guard removals > 0 else { return nil }
    let survivors = plan.entries.contains {
      ($0.action == .add || $0.action == .keep) && !protected.contains($0.domain)
    }
    if !survivors && !allowRemoveAll {
      return ClosteError(
        .syncWouldRemoveAll,
        "The sync would remove \(removals) of Closte's \(total) aliases and leave nothing but the network's "
          + "own domain; it was refused and nothing was changed.",
        hint: "Check the desired list: it names no other domain. To empty Closte on purpose, add "
          + "--allow-remove-all.",
        exitStatus: .usage, details: Self.details(removals: removals, total: total, allowed: nil))
    }
    if let allowed = allowedRemovals(total: total), removals > allowed {
      return ClosteError(
        .syncTooManyRemovals,
        "The sync would remove \(removals) of Closte's \(total) aliases, more than the \(allowed) that "
          + "--max-removals allows\(limit == .standard ? " by default" : ""); it was refused and nothing was changed.",
        hint: "Check the desired list with --dry-run. To remove that many on purpose, give "
          + "--max-removals=\(removals) (or a percentage such as 50%, or all).",
        exitStatus: .usage, details: Self.details(removals: removals, total: total, allowed: allowed))
    }
    return nil
  }

  private static func details(removals: Int, total: Int, allowed: Int?) -> JSONValue {
    ["removals": .int(removals), "aliases": .int(total), "allowed": allowed.map(JSONValue.int) ?? .null]
  }
}

extension ErrorCode {
  /// `--prune` would leave Closte with nothing but protected names (`--allow-remove-all` allows it).
  public static let syncWouldRemoveAll = ErrorCode("sync_would_remove_all")
  /// `--prune` would remove more aliases than `--max-removals` allows.
  public static let syncTooManyRemovals = ErrorCode("sync_too_many_removals")
}
