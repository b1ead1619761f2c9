import Diagnostics
import Values

/// One `closte rpc` request (DESIGN.md, "JSON over standard input").
public struct RPCRequest: Sendable, Equatable {
  public var id: JSONValue
  public var invocation: Invocation
  /// The id's text as sent, where writing `id` again would change it (see `JSONParser.rawIDText`).
  public var rawID: String? = nil

  /// Reads a request from a decoded JSON value; the error (an `RPCRequestError`) is `invalid_request`.
  public static func decode(_ value: JSONValue, rawID: String? = nil, table: CommandTable) throws -> RPCRequest {
    guard case .object(let object) = value else {
      throw RPCRequestError(
        id: .null, error: .invalidRequest("A request must be a JSON object, not \(describe(value))."))
    }
    let id = object["id"] ?? .null
    do {
      guard case .string(let command)? = object["command"], !command.trimmingSpaces.isEmpty else {
        throw ClosteError.invalidRequest("The request has no \"command\" (a string such as \"domain add\").")
      }
      var args: [String] = []
      switch object["args"] {
      case nil, .null?: break
      case .array(let values)?:
        for value in values {
          switch value {
          case .string(let text): args.append(text)
          case .int(let number): args.append(String(number))
          case .double(let number): args.append(JSONWriter.formatDouble(number))
          default: throw ClosteError.invalidRequest("\"args\" must be an array of strings.")
          }
        }
      default: throw ClosteError.invalidRequest("\"args\" must be an array of strings.")
      }
      var assoc = JSONObject()
      switch object["assoc_args"] {
      case nil, .null?: break
      case .object(let given)?: assoc = given
      case .array(let list)? where list.isEmpty: break  // PHP's json_encode([]) for an empty assoc array
      default: throw ClosteError.invalidRequest("\"assoc_args\" must be an object.")
      }
      var settings = JSONObject()
      switch object["settings"] {
      case nil, .null?: break
      case .object(let given)?: settings = given
      case .array(let list)? where list.isEmpty: break
      default: throw ClosteError.invalidRequest("\"settings\" must be an object.")
      }
      let words = command.split(separator: " ").map(String.init)
      let name = words.joined(separator: " ")
      var invocation: Invocation
      if table.spec(named: name) != nil {
        invocation = Invocation(command: name, args: args, assocArgs: assoc, settings: settings)
      } else {
        let (resolved, rest) = table.resolve(words + args)
        invocation = Invocation(command: resolved, args: rest, assocArgs: assoc, settings: settings)
      }
      invocation.path = try invocation.string("path") ?? stringMember(object, "path")
      invocation.config =
        try invocation.string("config") ?? invocation.string("config-file") ?? stringMember(object, "config")
      return RPCRequest(id: id, invocation: invocation, rawID: rawID)
    } catch let error as ClosteError {
      throw RPCRequestError(id: id, rawID: rawID, error: error)
    }
  }

  /// `an array`, `a string`: what a JSON value is, for a message.
  static func describe(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "a boolean"
    case .int, .double: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// An optional string member: absent or null is nil, anything but a string is refused.
  private static func stringMember(_ object: JSONObject, _ name: String) throws -> String? {
    switch object[name] {
    case nil, .null?: return nil
    case .string(let text)?: return text
    default: throw ClosteError.invalidRequest("\"\(name)\" must be a string.")
    }
  }
}

/// A request that could not be used, with the `id` it carried (echoed in the answer).
public struct RPCRequestError: Error {
  public var id: JSONValue
  public var rawID: String? = nil
  public var error: ClosteError
}
