import Diagnostics
import Values

/// The parallel path of every alias change: `domain add`, `domain remove` and `domain sync` send
/// their operations through `AliasBatch.run`, many at once under one `BatchRunner`, so a 429 slows
/// the whole batch down instead of each request retrying on its own.
extension AliasBatch {
  /// Applies `operation(i)` for `i` in `0..<count` (each idempotent, as `applyOne`), and hands each
  /// result to `onResult` as it is known, one at a time. Operations are made on demand, so a caller
  /// with a long list never holds a second copy of it.
  public static func run(
    count: Int, operation: @escaping @Sendable (Int) -> AliasOperation, client: ClosteClient,
    runner: BatchRunner, onResult: (Int, AliasResult) -> Void
  ) async -> BatchStatistics {
    let paced = client.handingRateLimitsToCaller()
    var runner = runner
    // A Retry-After never keeps an operation waiting past the client's --timeout.
    runner.operationTimeout = client.timeout
    return await runner.run(
      count: count,
      operation: { index -> BatchAttempt<AliasResult> in
        let result = await applyOne(operation(index), client: paced)
        if result.action == .failed, let error = result.error, let retryAfter = error.handedOverRetryAfter {
          return .rateLimited(retryAfter: retryAfter)
        }
        return .succeeded(result)
      },
      completed: { (index: Int, outcome: Result<AliasResult, ClosteError>) in
        switch outcome {
        case .success(let result): onResult(index, result)
        case .failure(let error): onResult(index, AliasResult(operation(index), .failed, error: error))
        }
      })
  }
}

extension ClosteError {
  /// A 429 that a client handing rate limits to its caller throws at once; `details` carries the
  /// `Retry-After` seconds (null when Closte gave none).
  package static func rateLimitHandedOver(call: String, retryAfter: Double?) -> ClosteError {
    var error = ClosteError.apiRateLimited(call: call)
    error.message = "Closte answered \(call) with HTTP 429 (too many requests)."
    error.details = ["rate_limited": true, "retry_after": retryAfter.map(JSONValue.double) ?? .null]
    return error
  }

  /// For a `rateLimitHandedOver` error: `.some(Retry-After)`, whose inner nil means "not given".
  package var handedOverRetryAfter: Double?? {
    guard code == .apiRateLimited, case .object(let details)? = details, details["rate_limited"] == .bool(true)
    else { return nil }
    switch details["retry_after"] {
    case .double(let seconds)?: return .some(seconds)
    case .int(let seconds)?: return .some(Double(seconds))
    default: return .some(nil)
    }
  }
}
