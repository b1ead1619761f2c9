import Values

/// What evaluating a PHP expression gave: a value, or the reason closte will not guess at one
/// ("calls the function foo()", "divides by zero", ...).
public enum PHPResult: Equatable, Sendable {
  case value(PHPValue)
  case unresolved(String)

  public var value: PHPValue? {
    if case .value(let value) = self { return value }
    return nil
  }

  /// Applies `transform` to a value; an unresolved input stays unresolved.
  package func map(_ transform: (PHPValue) -> PHPResult) -> PHPResult {
    switch self {
    case .value(let value): return transform(value)
    case .unresolved: return self
    }
  }

  /// Both operands resolved, or the first reason why not.
  package static func both(_ lhs: PHPResult, _ rhs: PHPResult, _ transform: (PHPValue, PHPValue) -> PHPResult)
    -> PHPResult
  {
    switch (lhs, rhs) {
    case (.value(let left), .value(let right)): return transform(left, right)
    case (.unresolved, _): return lhs
    default: return rhs
    }
  }
}
