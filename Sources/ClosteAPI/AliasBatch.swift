import Diagnostics
import DomainNames
import Values

/// An alias to add or remove.
public struct AliasOperation: Sendable, Equatable {
  public enum Kind: String, Sendable { case add, remove }

  public var kind: Kind
  public var domain: DomainName

  public init(_ kind: Kind, _ domain: DomainName) {
    self.kind = kind
    self.domain = domain
  }
}

/// What became of one operation.
public struct AliasResult: Sendable, Equatable {
  public enum Action: String, Sendable {
    case added, exists, removed, absent, failed
  }

  public var operation: AliasOperation
  public var action: Action
  public var error: ClosteError?

  public init(_ operation: AliasOperation, _ action: Action, error: ClosteError? = nil) {
    self.operation = operation
    self.action = action
    self.error = error
  }

  public var domain: DomainName { operation.domain }

  /// The row `domain add` / `domain remove` print: `domain`, `wildcard`, `action`, and `error`.
  public var row: JSONObject {
    var row = JSONObject()
    row["domain"] = .string(domain.name)
    row["wildcard"] = .bool(domain.isWildcard)
    row["action"] = .string(action.rawValue)
    if let error {
      row["error"] = .string(error.message)
      row["code"] = .string(error.code.rawValue)
    }
    return row
  }
}

/// Applying a list of operations: the one place that does it, so `domain sync` can put its parallel
/// version here. The plan (what is already there) is made first, from one read of Closte's list.
public enum AliasBatch {
  /// Splits `operations` into those Closte needs and those already settled by `current`
  /// (an add of a present alias is `exists`, a remove of a missing one is `absent`).
  /// Duplicates in `operations` are kept once.
  public static func plan(_ operations: [AliasOperation], current: [ClosteAlias]) -> (
    send: [AliasOperation], settled: [AliasResult]
  ) {
    let present = Set(current.map { DomainName.comparisonKey($0.domain) })  // Closte may list Unicode
    var seen: Set<String> = []
    var send: [AliasOperation] = []
    var settled: [AliasResult] = []
    for operation in operations where seen.insert(operation.kind.rawValue + " " + operation.domain.name).inserted {
      let there = present.contains(operation.domain.name)
      switch (operation.kind, there) {
      case (.add, true): settled.append(AliasResult(operation, .exists))
      case (.remove, false): settled.append(AliasResult(operation, .absent))
      default: send.append(operation)
      }
    }
    return (send, settled)
  }

  /// Sends the operations in parallel through `run` (at most `runner`'s concurrency at once);
  /// `onResult` hears each result as it is known (for logs and progress). One failure does not stop
  /// the others. The results come back in the order of `operations`.
  public static func apply(
    _ operations: [AliasOperation], client: ClosteClient, runner: BatchRunner? = nil,
    onResult: @Sendable (AliasResult) -> Void = { _ in }
  ) async -> [AliasResult] {
    var results = [AliasResult?](repeating: nil, count: operations.count)
    _ = await run(
      count: operations.count, operation: { operations[$0] }, client: client,
      runner: runner ?? BatchRunner(concurrency: BatchRunner.defaultConcurrency, clock: client.clock)
    ) { index, result in
      onResult(result)
      results[index] = result
    }
    return results.compactMap { $0 }
  }

  /// One operation, idempotent: when a retried call ends in a refusal (its first attempt may have
  /// landed), or Closte says the alias already exists / does not exist, the list decides.
  public static func applyOne(_ operation: AliasOperation, client: ClosteClient) async -> AliasResult {
    do {
      let reply: ClosteReply
      switch operation.kind {
      case .add: reply = try await client.addAlias(operation.domain)
      case .remove: reply = try await client.removeAlias(operation.domain)
      }
      if reply.success {
        guard let other = reply.otherDomain(than: operation.domain) else {
          return AliasResult(operation, operation.kind == .add ? .added : .removed)
        }
        // A success for another name confirms nothing about this one: Closte's list decides.
        return try await listDecides(
          operation, client: client, changedNow: true, failure: .apiUnconfirmed(operation, named: other))
      }
      let message = (reply.error ?? "").lowercased()
      let saysDone =
        operation.kind == .add
        ? message.contains("already") || message.contains("exists")
        : message.contains("not found") || message.contains("does not exist") || message.contains("no such")
      let refusal = reply.refusal(call: "\(operation.kind.rawValue) of \(operation.domain.name)")
      guard reply.attempts > 1 || saysDone, refusal.code != .apiUnauthorized else {
        return AliasResult(operation, .failed, error: refusal)
      }
      return try await listDecides(operation, client: client, changedNow: reply.attempts > 1, failure: refusal)
    } catch let error as ClosteError {
      return AliasResult(operation, .failed, error: error)
    } catch {
      return AliasResult(operation, .failed, error: ClosteError(.internalError, "Unexpected failure: \(error)"))
    }
  }

  /// What Closte's list says became of `operation`: done (`added`/`removed` when this run did it,
  /// else `exists`/`absent`), or `failure`.
  private static func listDecides(
    _ operation: AliasOperation, client: ClosteClient, changedNow: Bool, failure: ClosteError
  ) async throws -> AliasResult {
    let present = try await client.listDomains().contains {
      DomainName.comparisonKey($0.domain) == operation.domain.name
    }
    switch (operation.kind, present) {
    case (.add, true): return AliasResult(operation, changedNow ? .added : .exists)
    case (.remove, false): return AliasResult(operation, changedNow ? .removed : .absent)
    default: return AliasResult(operation, .failed, error: failure)
    }
  }
}
