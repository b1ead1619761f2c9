import ClosteAPI
import Diagnostics
import Values

/// How `domain sync` prints its results. The JSON answer (rpc data and `--format=json`) is
/// `{"dry_run", "prune", "summary", "results"}`; on the command line it is written row by row, so a
/// list of 100,000 domains is never one string. `--stream` prints each row as one JSON line as it
/// is known, then the answer without `results` as the last line.
public enum SyncReport {
  /// The columns of a result row.
  public static let fields = ["domain", "wildcard", "action", "error"]

  /// The answer without its rows.
  public static func head(_ plan: SyncPlan, applied: Bool, dryRun: Bool, prune: Bool) -> JSONObject {
    var object = JSONObject()
    object["dry_run"] = .bool(dryRun)
    object["prune"] = .bool(prune)
    object["summary"] = .object(plan.counts(applied: applied))
    if let stop = plan.stoppedBy {
      object["guard"] = ["code": .string(stop.code.rawValue), "message": .string(stop.message)]
    }
    return object
  }

  /// The whole answer as one value (for rpc).
  public static func answer(_ plan: SyncPlan, applied: Bool, dryRun: Bool, prune: Bool) -> JSONValue {
    var object = head(plan, applied: applied, dryRun: dryRun, prune: prune)
    object["results"] = .array(plan.entries.map { .object(SyncPlan.row($0, applied: applied)) })
    return .object(object)
  }

  /// Writes the answer to `sink`, its rows in chunks (the scrubbing sink catches a secret split
  /// between two chunks).
  public static func writeAnswer(_ plan: SyncPlan, applied: Bool, dryRun: Bool, prune: Bool, to sink: OutputSink) {
    var text = JSONWriter.encode(.object(head(plan, applied: applied, dryRun: dryRun, prune: prune)))
    text.removeLast()  // the closing brace: the rows follow
    text += ",\"results\":["
    for (position, entry) in plan.entries.enumerated() {
      if position > 0 { text += "," }
      JSONWriter.write(.object(SyncPlan.row(entry, applied: applied)), into: &text)
      if text.utf8.count >= 65536 {
        sink.write(text)
        text = ""
      }
    }
    text += "]}\n"
    sink.write(text)
  }

  /// One row as a `--stream` line.
  public static func line(_ row: JSONObject) -> String {
    JSONWriter.encode(.object(row)) + "\n"
  }

  /// The summary for people: `3 added, 1 removed, 996 kept, 0 failed; ...`.
  public static func sentence(_ plan: SyncPlan, applied: Bool) -> String {
    let counts = plan.counts(applied: applied)
    func count(_ word: String) -> Int { counts[word]?.intValue ?? 0 }
    var text: String
    if applied {
      text =
        "\(count("added")) added, \(count("removed")) removed, \(count("kept")) kept, \(count("failed")) failed"
    } else {
      text =
        "Dry run: \(count("add")) to add, \(count("remove")) to remove, \(count("keep")) to keep; nothing was changed"
    }
    var notes: [String] = []
    let ignored = count(applied ? "ignored" : "ignore")
    if ignored > 0 { notes.append("\(ignored) on Closte but not in the list, left alone (--prune removes them)") }
    let protected = count(applied ? "protected" : "protect")
    if protected > 0 { notes.append("\(protected) protected (the network's own domain)") }
    if plan.invalidCount > 0 {
      notes.append("\(plan.invalidCount) invalid \(plan.invalidCount == 1 ? "entry" : "entries") skipped")
    }
    if plan.duplicates > 0 { notes.append("\(plan.duplicates) \(plan.duplicates == 1 ? "duplicate" : "duplicates")") }
    if !notes.isEmpty { text += "; " + notes.joined(separator: "; ") }
    if let stop = plan.stoppedBy { text += ". Applying it would be refused (\(stop.code.rawValue))" }
    return text + "."
  }
}
