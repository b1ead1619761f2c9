import Diagnostics
import Values

/// What `domain sync` will do, domain by domain: the desired list against Closte's aliases.
///
/// - `add`: desired, missing on Closte;
/// - `keep`: desired and already on Closte;
/// - `remove`: on Closte, not desired, and `--prune` was given;
/// - `ignore`: on Closte, not desired, without `--prune` (left alone);
/// - `protect`: the network's own domain (`DOMAIN_CURRENT_SITE`), which `--prune` never removes;
/// - `invalid`: an entry of the desired list that is not a domain (reported, never sent).
///
/// Entries keep the order of the desired list, then Closte's extras in Closte's order. Each name is
/// held once: the plan holds the desired names, and a set of Closte's names is used up as they match.
public struct SyncPlan: Sendable {
  public enum Action: String, Sendable, CaseIterable {
    case add, keep, remove, ignore, protect, invalid

    /// The word for a planned action once the sync ran (`add` → `added`).
    public var pastTense: String {
      switch self {
      case .add: return "added"
      case .keep: return "kept"
      case .remove: return "removed"
      case .ignore: return "ignored"
      case .protect: return "protected"
      case .invalid: return "invalid"
      }
    }

    /// Whether the action needs a request to Closte.
    public var changesCloste: Bool { self == .add || self == .remove }
  }

  public struct Entry: Sendable, Equatable {
    /// The normalised name (`*.` first for a wildcard), or the entry as given when it is invalid.
    public var domain: String
    public var action: Action
    /// Why an entry is invalid, or why its request failed once applied.
    public var error: String?
    /// Set once the entry's request was answered: true for success.
    public var applied: Bool?

    public init(domain: String, action: Action, error: String? = nil, applied: Bool? = nil) {
      self.domain = domain
      self.action = action
      self.error = error
      self.applied = applied
    }

    public var wildcard: Bool { domain.hasPrefix("*.") }

    /// The action word of a result row: the plan's verb before applying, the outcome after.
    public func actionWord(applied run: Bool) -> String {
      guard run else { return action.rawValue }
      if action.changesCloste && applied != true { return "failed" }
      return action.pastTense
    }
  }

  public var entries: [Entry]
  /// Entries of the desired list that repeated an earlier one (counted, not listed).
  public var duplicates: Int
  /// The guard against mass removal that refuses this plan (`RemovalGuard`), if any.
  public var stoppedBy: ClosteError?

  public init(entries: [Entry], duplicates: Int = 0) {
    self.entries = entries
    self.duplicates = duplicates
  }

  /// Builds the plan from the desired list, read whole first (`DesiredList`). `current` is Closte's
  /// list of names (normalised), `protected` the names that must never be removed.
  public static func build(
    desired items: some Sequence<DesiredListReader.Item>, current: [String], prune: Bool, protected: Set<String>
  ) -> SyncPlan {
    var remaining = Set(current)
    var seen = Set<String>()
    var entries: [Entry] = []
    var duplicates = 0
    for item in items {
      switch item {
      case .entry(let name):
        guard seen.insert(name).inserted else {
          duplicates += 1
          continue
        }
        entries.append(Entry(domain: name, action: remaining.remove(name) == nil ? .add : .keep))
      case .invalid(let invalid):
        entries.append(
          Entry(domain: invalid.input, action: .invalid, error: "\(invalid.location): \(invalid.reason)"))
      }
    }
    seen = []
    for name in current where remaining.remove(name) != nil {
      let action: Action = prune ? (protected.contains(name) ? .protect : .remove) : .ignore
      entries.append(Entry(domain: name, action: action))
    }
    return SyncPlan(entries: entries, duplicates: duplicates)
  }

  /// The positions of the entries that need a request to Closte, in plan order.
  public var changes: [Int] {
    entries.indices.filter { entries[$0].action.changesCloste }
  }

  /// How many entries have each action word (`add`, ... before applying; `added`, `failed`, ... after).
  public func counts(applied run: Bool) -> JSONObject {
    var words: [String] = []
    for action in Action.allCases {
      words.append(run ? action.pastTense : action.rawValue)
      if run && action == .remove { words.append("failed") }
    }
    var tally: [String: Int] = [:]
    for entry in entries { tally[entry.actionWord(applied: run), default: 0] += 1 }
    var object = JSONObject()
    for word in words { object[word] = .int(tally[word] ?? 0) }
    object["duplicates"] = .int(duplicates)
    return object
  }

  public var failures: Int {
    entries.reduce(0) { $0 + ($1.action.changesCloste && $1.applied == false ? 1 : 0) }
  }

  public var invalidCount: Int {
    entries.reduce(0) { $0 + ($1.action == .invalid ? 1 : 0) }
  }

  /// One result row (`domain`, `wildcard`, `action`, and `error` when there is one).
  public static func row(_ entry: Entry, applied run: Bool) -> JSONObject {
    var row = JSONObject()
    row["domain"] = .string(entry.domain)
    row["wildcard"] = .bool(entry.wildcard)
    row["action"] = .string(entry.actionWord(applied: run))
    if let error = entry.error { row["error"] = .string(error) }
    return row
  }
}
