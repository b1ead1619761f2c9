/// One line of `closte rpc` output.
public enum RPCResponse {
  public static func success(id: JSONValue, result: CommandResult) -> JSONValue {
    var object = JSONObject()
    object["id"] = id
    object["ok"] = .bool(result.failure == nil && result.exitStatus == .success)
    object["data"] = result.data
    object["warnings"] = .array(result.warnings.map { .string($0) })
    if let failure = result.failure { object["error"] = failure.json }
    return .object(object)
  }

  public static func failure(id: JSONValue, error: ClosteError, warnings: [String] = []) -> JSONValue {
    var object = JSONObject()
    object["id"] = id
    object["ok"] = .bool(false)
    object["error"] = error.json
    if !warnings.isEmpty { object["warnings"] = .array(warnings.map { .string($0) }) }
    return .object(object)
  }
}
