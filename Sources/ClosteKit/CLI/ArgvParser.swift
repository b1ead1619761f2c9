import Diagnostics
import Values

/// Turns a WP-CLI-style command line into an `Invocation`: `--name=value`, `--flag`, `--no-flag`,
/// `--` ends options; the leading positional words that name a command in the table are the command.
public enum ArgvParser {
  public static func parse(_ arguments: [String], table: CommandTable) throws -> Invocation {
    var words: [String] = []
    var assoc = JSONObject()
    var optionsEnded = false
    for argument in arguments {
      if optionsEnded || !argument.hasPrefix("--") || argument == "-" {
        words.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      let body = argument.dropFirst(2)
      let name: String
      let value: JSONValue
      if let equals = body.firstIndex(of: "=") {
        name = String(body[..<equals])
        value = .string(String(body[body.index(after: equals)...]))
      } else if body.hasPrefix("no-") && body.count > 3 {
        name = String(body.dropFirst(3))
        value = .bool(false)
      } else {
        name = String(body)
        value = .bool(true)
      }
      guard !name.isEmpty else { throw ClosteError.invalidArguments("'\(argument)' is not an option.") }
      switch assoc[name] {
      case nil: assoc[name] = value
      case .array(let earlier)?: assoc[name] = .array(earlier + [value])
      case let earlier?: assoc[name] = .array([earlier, value])
      }
    }
    // `--help` anywhere means "help for this command".
    let (command, args) = table.resolve(words)
    var invocation = Invocation(command: command, args: args, assocArgs: assoc)
    if case .bool(true)? = assoc["help"] {
      invocation = Invocation(command: "help", args: command.split(separator: " ").map(String.init))
    }
    // A bare `--path` is an empty one, which the locator refuses (as WP-CLI does).
    invocation.path = assoc["path"] == .bool(true) ? "" : invocation.string("path")
    invocation.config = invocation.string("config") ?? invocation.string("config-file")
    return invocation
  }
}
