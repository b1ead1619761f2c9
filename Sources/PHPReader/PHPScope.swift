/// Whether the code being read runs: for sure, perhaps (under a condition closte cannot decide),
/// or never (a branch that is statically not taken, the right of a short-circuited `||`).
public struct PHPFlow: Equatable, Sendable {
  public enum Reach: Equatable, Sendable {
    case certain
    case maybe
    case never
  }

  public var reach: Reach
  /// Under an `if` other than a `! defined()` guard: what is defined here is marked `conditional`.
  public var conditional: Bool

  public init(reach: Reach = .certain, conditional: Bool = false) {
    self.reach = reach
    self.conditional = conditional
  }

  /// The flow inside a branch taken when a condition is `taken` (nil: not known).
  public func branch(taken: Bool?) -> PHPFlow {
    var flow = self
    switch (reach, taken) {
    case (.never, _), (_, false?): flow.reach = .never
    case (.certain, true?): flow.reach = .certain
    default: flow.reach = .maybe
    }
    return flow
  }
}

/// What the evaluator needs from the program around an expression: constants and variables seen
/// so far, the environment, the current file, and the two side effects it records (`define()`
/// and assignments).
public protocol PHPScope: AnyObject {
  /// The process the file runs in (WP-CLI's CLI context).
  var context: PHPRunContext { get }
  /// The absolute path of the file being read (`__FILE__`).
  var file: String { get }
  /// The current namespace, "" for the global one.
  var namespace: String { get }
  /// A constant the program defined, nil when it defined none of that name.
  func constant(_ name: String) -> PHPResult?
  /// `defined(name)`: a bool, or unresolved when the constant may or may not be defined.
  func isDefined(_ name: String) -> PHPResult
  /// A variable's value, nil when the program never set it.
  func variable(_ name: String) -> PHPResult?
  /// `define(name, value)`; returns what `define()` returns.
  func define(_ name: String, _ value: PHPResult, line: Int, flow: PHPFlow) -> PHPResult
  func assign(_ name: String, _ value: PHPResult, line: Int, flow: PHPFlow)
  func unset(_ name: String, flow: PHPFlow)
  /// The source mentions `$name` (run or not: PHP's symbol table gets its variables in the order
  /// the compiler meets them).
  func mention(_ name: String)
  /// What the program wrote to `$name[key]` of a superglobal (`$_SERVER['HTTPS'] = 'on'`), nil
  /// when it wrote nothing there; unresolved once it wrote the whole array or a deeper element.
  func superglobal(_ name: String, key: String) -> PHPResult?
  /// Records a write to a superglobal's element (`key`), or to the whole of it (`key` nil).
  func assignSuperglobal(_ name: String, key: String?, _ value: PHPResult, flow: PHPFlow)
  /// `exit` / `die` inside an expression (`defined('ABSPATH') || exit;`): nothing after it runs.
  func exit(flow: PHPFlow)
}
