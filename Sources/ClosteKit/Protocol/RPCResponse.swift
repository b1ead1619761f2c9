import Diagnostics
import Values

/// One line of `closte rpc` output.
///
/// Besides `id`, `ok`, `data`, `warnings` and `error` (DESIGN.md), every answer carries
/// `exit_status` (what the same command would exit with from argv: 0, 1 or 2) and, for a result,
/// `render`: how the argv front end would print it, so a client such as the WP-CLI bridge prints
/// the same thing without knowing each command. `render.kind` is `items` (with `fields`, the
/// default columns for `format_items`; the rows are `data`, or `rows` when `data` is a report),
/// `item` (one record, with `fields`),
/// `text` (with `text`, printed as is), `success` (with `message`) or `none`.
public enum RPCResponse {
  public static func success(id: JSONValue, result: CommandResult) -> JSONValue {
    var object = JSONObject()
    object["id"] = id
    object["ok"] = .bool(result.failure == nil && (result.exitStatus == .success || result.exitStatusIsAnswer))
    object["data"] = result.data
    object["warnings"] = .array(result.warnings.map { .string($0) })
    if let failure = result.failure { object["error"] = failure.json }
    object["exit_status"] = .int(Int(result.exitStatus.rawValue))
    object["render"] = render(result.rendering, data: result.data)
    return .object(object)
  }

  public static func failure(id: JSONValue, error: ClosteError, warnings: [String] = []) -> JSONValue {
    var object = JSONObject()
    object["id"] = id
    object["ok"] = .bool(false)
    object["error"] = error.json
    if !warnings.isEmpty { object["warnings"] = .array(warnings.map { .string($0) }) }
    object["exit_status"] = .int(Int(error.exitStatus.rawValue))
    return .object(object)
  }

  /// The `render` member: how the argv front end prints a result. The rows of a list are in `data`;
  /// when `data` is something else (a report with a summary), they come as `render.rows`.
  static func render(_ rendering: CommandResult.Rendering, data: JSONValue) -> JSONValue {
    var object = JSONObject()
    switch rendering {
    case .items(let rows, let fields):
      object["kind"] = "items"
      object["fields"] = .array(fields.map { .string($0) })
      let list = JSONValue.array(rows.map { .object($0) })
      if list != data { object["rows"] = list }
    case .item(_, let fields):
      object["kind"] = "item"
      object["fields"] = .array(fields.map { .string($0) })
    case .text(let text):
      object["kind"] = "text"
      object["text"] = .string(text)
    case .success(let message):
      object["kind"] = "success"
      object["message"] = .string(message)
    case .none:
      object["kind"] = "none"
    }
    return .object(object)
  }
}

extension RPCResponse {
  /// The answer as one line of JSON. `id` is always the first member; where the request's id text
  /// would not survive being parsed and written again (`1e999`), that text is put back as sent.
  static func line(_ response: JSONValue, rawID: String?) -> String {
    guard let rawID, case .object(var object) = response, object.keys.first == "id", object.count > 1 else {
      return JSONWriter.encode(response)
    }
    object["id"] = nil
    let rest = JSONWriter.encode(.object(object))
    return "{\"id\":" + rawID + "," + rest.dropFirst()
  }
}
