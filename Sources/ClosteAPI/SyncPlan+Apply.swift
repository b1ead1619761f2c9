import Diagnostics
import DomainNames

extension SyncPlan {
  /// Sends the plan's changes (adds, and removes under `--prune`) through the parallel alias path,
  /// and records each outcome in its entry. `onResult` hears each one as it completes, with the
  /// updated entry.
  public mutating func apply(
    client: ClosteClient, runner: BatchRunner, onResult: (Entry, AliasResult) -> Void
  ) async -> BatchStatistics {
    var positions: [Int] = []
    var operations: [AliasOperation] = []
    for position in changes {
      let entry = entries[position]
      do {
        let name = try DomainName(validating: entry.domain)
        positions.append(position)
        operations.append(AliasOperation(entry.action == .add ? .add : .remove, name))
      } catch let error as ClosteError {
        // Only a name from Closte's own list can get here (the desired list was validated).
        entries[position].applied = false
        entries[position].error = error.message
      } catch {
        entries[position].applied = false
        entries[position].error = "\(error)"
      }
    }
    let batch = operations
    return await AliasBatch.run(
      count: batch.count, operation: { batch[$0] }, client: client, runner: runner
    ) { index, result in
      let position = positions[index]
      entries[position].applied = result.action != .failed
      entries[position].error = result.error?.message
      onResult(entries[position], result)
    }
  }
}
