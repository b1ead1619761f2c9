import Values

/// Function calls: `define()`, `defined()` and `constant()` talk to the scope; the pure built-ins
/// are evaluated; any other function is unresolved.
extension PHPEvaluator {
  /// `name` is lowercased without a leading `\`; `written` is the name as the source spells it.
  package mutating func call(_ name: String, qualified written: String, arguments: [PHPResult], line: Int) throws
    -> PHPResult
  {
    // An unqualified call inside a namespace falls back to the global function, as PHP does.
    let global = name.utf8.contains(UInt8(ascii: "\\")) ? nil : name
    guard let function = global else {
      return .unresolved("calls the function \(written)()")
    }
    switch function {
    case "define":
      guard arguments.count >= 2 else { return .unresolved("calls define() without a value") }
      guard case .value(let nameValue) = arguments[0] else {
        return .unresolved("defines a constant whose name is not known")
      }
      if case .array = nameValue { return .unresolved("defines a constant named by an array") }
      return scope.define(nameValue.phpString, arguments[1], line: line, flow: flow)
    case "defined":
      guard arguments.count == 1 else { return .unresolved("calls defined() with \(arguments.count) arguments") }
      return arguments[0].map { value in
        let constant = value.phpString.hasPrefix("\\") ? String(value.phpString.dropFirst()) : value.phpString
        if PHPBuiltins.isBuiltinConstant(constant) { return .value(.bool(true)) }
        return scope.isDefined(constant)
      }
    case "constant":
      guard arguments.count == 1 else { return .unresolved("calls constant() with \(arguments.count) arguments") }
      return arguments[0].map { constantValue("\\" + $0.phpString) }
    default:
      var values: [PHPValue] = []
      for argument in arguments {
        switch argument {
        case .value(let value): values.append(value)
        case .unresolved: return argument
        }
      }
      return PHPBuiltins.call(function, values, environment: scope.context.environment)
        ?? .unresolved("calls the function \(written)()")
    }
  }
}
