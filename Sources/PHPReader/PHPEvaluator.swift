import Values

/// Reads one PHP expression from the token stream and evaluates it on the way (there is no tree:
/// a chain of 100,000 `.` is a loop, not a recursion). Precedence climbing with PHP 8's table;
/// nesting (parentheses, arrays, right-associative chains) is bounded by `maximumDepth`, past
/// which the expression is a syntax error rather than a stack overflow.
public struct PHPEvaluator {
  public static let maximumDepth = 200

  package let stream: PHPTokenStream
  package let scope: PHPScope
  package var flow: PHPFlow
  package var depth = 0
  /// Inside `isset()` / `empty()`: an undefined variable or key is null, not unresolved.
  package var quietUndefined = false

  public init(stream: PHPTokenStream, scope: PHPScope, flow: PHPFlow) {
    self.stream = stream
    self.scope = scope
    self.flow = flow
  }

  /// Binding powers; higher binds tighter.
  package enum Power {
    package static let logicalOr = 1
    package static let logicalXor = 2
    package static let logicalAnd = 3
    package static let assignment = 4
    package static let ternary = 5
    package static let coalesce = 6
    package static let booleanOr = 7
    package static let booleanAnd = 8
    package static let bitOr = 9
    package static let bitXor = 10
    package static let bitAnd = 11
    package static let equality = 12
    package static let relational = 13
    package static let concat = 14
    package static let shift = 15
    package static let additive = 16
    package static let multiplicative = 17
    package static let instanceOf = 18
    package static let not = 18
    package static let unary = 19
    package static let power = 20
  }

  package enum Binary {
    case symbol(PHPSymbol)
    case logicalAnd
    case logicalOr
    case logicalXor
    case instanceOf
  }

  package func binaryOperator(_ token: PHPToken) -> (Binary, Int, rightAssociative: Bool)? {
    switch token.kind {
    case .symbol(let symbol):
      switch symbol {
      case .question: return (.symbol(symbol), Power.ternary, false)
      case .coalesce: return (.symbol(symbol), Power.coalesce, true)
      case .booleanOr: return (.symbol(symbol), Power.booleanOr, false)
      case .booleanAnd: return (.symbol(symbol), Power.booleanAnd, false)
      case .pipe: return (.symbol(symbol), Power.bitOr, false)
      case .caret: return (.symbol(symbol), Power.bitXor, false)
      case .ampersand: return (.symbol(symbol), Power.bitAnd, false)
      case .equal, .notEqual, .notEqualAngle, .identical, .notIdentical, .spaceship:
        return (.symbol(symbol), Power.equality, false)
      case .less, .lessOrEqual, .greater, .greaterOrEqual: return (.symbol(symbol), Power.relational, false)
      case .dot: return (.symbol(symbol), Power.concat, false)
      case .shiftLeft, .shiftRight: return (.symbol(symbol), Power.shift, false)
      case .plus, .minus: return (.symbol(symbol), Power.additive, false)
      case .multiply, .divide, .modulo: return (.symbol(symbol), Power.multiplicative, false)
      case .power: return (.symbol(symbol), Power.power, true)
      default: return nil
      }
    case .name:
      if stream.isName(token, "and") { return (.logicalAnd, Power.logicalAnd, false) }
      if stream.isName(token, "or") { return (.logicalOr, Power.logicalOr, false) }
      if stream.isName(token, "xor") { return (.logicalXor, Power.logicalXor, false) }
      if stream.isName(token, "instanceof") { return (.instanceOf, Power.instanceOf, false) }
      return nil
    default:
      return nil
    }
  }

  /// One expression whose operators bind at least as tightly as `minimum`.
  public mutating func expression(minimum: Int = 0) throws -> PHPResult {
    depth += 1
    defer { depth -= 1 }
    guard depth <= PHPEvaluator.maximumDepth else {
      throw PHPSyntaxError(
        line: stream.current.line, "expression nested deeper than \(PHPEvaluator.maximumDepth) levels")
    }
    return try binaryTail(try unary(), minimum: minimum)
  }

  /// The binary operators after a left operand, as long as they bind at least as tightly as
  /// `minimum` (the loop of precedence climbing; prefix operators and parentheses also enter it,
  /// so that their nesting is a loop too).
  package mutating func binaryTail(_ start: PHPResult, minimum: Int) throws -> PHPResult {
    var left = start
    while let (op, power, rightAssociative) = binaryOperator(stream.current), power >= minimum {
      try stream.advance()
      let next = rightAssociative ? power : power + 1
      switch op {
      case .symbol(.question):
        left = try ternary(left)
      case .symbol(.coalesce):
        let isNull = left.value.map { $0 == .null }
        let right = try branch(taken: isNull) { try $0.expression(minimum: next) }
        if isNull == false { continue }
        left = isNull == true ? right : PHPEvaluator.undecided(left, right, "??")
      case .symbol(.booleanOr), .logicalOr:
        left = try shortCircuit(left, stopsOn: true, minimum: next)
      case .symbol(.booleanAnd), .logicalAnd:
        left = try shortCircuit(left, stopsOn: false, minimum: next)
      case .logicalXor:
        let right = try expression(minimum: next)
        left = PHPResult.both(left, right) { .value(.bool($0.truthy != $1.truthy)) }
      case .instanceOf:
        _ = try expression(minimum: next)
        left = .unresolved("tests instanceof")
      case .symbol(.dot):
        left = try concatenate(left, try expression(minimum: next))
      case .symbol(let symbol):
        let right = try expression(minimum: next)
        left = PHPResult.both(left, right) { PHPEvaluator.apply(symbol, $0, $1) }
      }
    }
    return left
  }

  package static func apply(_ symbol: PHPSymbol, _ lhs: PHPValue, _ rhs: PHPValue) -> PHPResult {
    switch symbol {
    case .plus, .minus, .multiply, .divide, .power: return PHPOperators.arithmetic(symbol, lhs, rhs)
    case .modulo, .ampersand, .pipe, .caret, .shiftLeft, .shiftRight:
      return PHPOperators.integerOperator(symbol, lhs, rhs)
    case .dot: return PHPLimits.concatenated(lhs, rhs)
    default: return PHPOperators.comparison(symbol, lhs, rhs)
    }
  }

  /// `a . b`, appending in place so that long chains stay linear.
  private func concatenate(_ left: consuming PHPResult, _ right: PHPResult) throws -> PHPResult {
    guard case .value(let lhs) = left else { return left }
    guard case .value(let rhs) = right else { return right }
    return PHPLimits.concatenated(lhs, rhs)
  }

  /// The reason for an expression whose outcome depends on an unresolved operand.
  package static func undecided(_ left: PHPResult, _ right: PHPResult, _ symbol: String) -> PHPResult {
    if case .unresolved = left { return left }
    return right
  }

  /// `a || b`, `a && b`, `or`, `and`: the right side runs only when the left does not decide.
  private mutating func shortCircuit(_ left: PHPResult, stopsOn decisive: Bool, minimum: Int) throws -> PHPResult {
    let leftTruth = left.value?.truthy
    let right = try branch(taken: leftTruth.map { $0 != decisive }) { try $0.expression(minimum: minimum) }
    if let leftTruth {
      if leftTruth == decisive { return .value(.bool(decisive)) }
      return right.map { .value(.bool($0.truthy)) }
    }
    if let rightTruth = right.value?.truthy, rightTruth == decisive { return .value(.bool(decisive)) }
    return left
  }

  /// `cond ? a : b` and `cond ?: b` (after the `?`).
  private mutating func ternary(_ condition: PHPResult) throws -> PHPResult {
    let truth = condition.value?.truthy
    if stream.isSymbol(.colon) {
      try stream.advance()
      let right = try branch(taken: truth.map { !$0 }) { try $0.expression(minimum: Power.ternary + 1) }
      guard let truth else { return condition }
      return truth ? condition : right
    }
    let middle = try branch(taken: truth) { try $0.expression(minimum: Power.assignment) }
    try stream.expect(.colon)
    let right = try branch(taken: truth.map { !$0 }) { try $0.expression(minimum: Power.ternary + 1) }
    guard let truth else { return condition }
    return truth ? middle : right
  }

  /// Evaluates `body` in a flow where it runs when `taken` (nil: maybe).
  package mutating func branch(taken: Bool?, _ body: (inout PHPEvaluator) throws -> PHPResult) throws -> PHPResult {
    let saved = flow
    flow = flow.branch(taken: taken)
    defer { flow = saved }
    return try body(&self)
  }
}
