import Diagnostics
import Values

extension CommandResult {
  /// One report (`ssl check`, `domain status`, `domain wait`): the table shows `tableFields`, while
  /// json and yaml carry every field unless `--fields` picks some.
  static func report(
    _ object: JSONObject, tableFields: [String], invocation: Invocation, exitStatus: ExitStatus = .success,
    failure: ClosteError? = nil
  ) -> CommandResult {
    let whole = ["json", "yaml"].contains(invocation.string("format") ?? "table")
    return CommandResult(
      data: .object(object), rendering: .item(object, defaultFields: whole ? object.keys : tableFields),
      failure: failure, exitStatus: failure == nil ? exitStatus : nil)
  }
}
