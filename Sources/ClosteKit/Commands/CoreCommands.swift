import Diagnostics

/// `help`, `version`, `rpc` and `completion bash`.
public enum CoreCommands {
  public static let all: [CommandSpec] = [help, VersionCommand.spec, rpc] + CompletionCommands.all

  static let help = CommandSpec(
    name: "help", summary: "Show the commands, or the help of one command.",
    arguments: [
      ArgumentSpec("command", "The command to describe, e.g. `domain add`.", optional: true, repeating: true)
    ],
    examples: [Example("List every command", "closte help"), Example("Describe one", "closte help domain add")]
  ) { context in
    let table = CommandTable.standard
    let name = context.args.joined(separator: " ")
    if name.isEmpty { return .text(HelpText.overview(table), data: HelpText.describe(table)) }
    guard let spec = table.spec(named: name) else {
      let children = table.commands.filter { $0.name.hasPrefix(name + " ") }
      guard !children.isEmpty else { throw ClosteError.unknownCommand(name) }
      return .text(HelpText.group(name, children), data: .array(children.map(HelpText.describe)))
    }
    return .text(HelpText.command(spec), data: HelpText.describe(spec))
  }

  static let rpc = CommandSpec(
    name: "rpc", summary: "Answer JSON requests from standard input, one JSON line each on standard output.",
    description: """
      Each request is a JSON object: {"id": 7, "command": "domain add", "args": ["example.com"], \
      "assoc_args": {"www": "never"}, "path": "/var/www/html", "settings": {"dns_check_interval": 60}}. \
      Requests come one per line or pretty-printed one after another; each gets one response line, in order: \
      {"id": 7, "ok": true, "data": ..., "warnings": []} or {"id": 7, "ok": false, "error": {"code": ..., \
      "message": ..., "hint": ...}}. Exit 0 when every request succeeded, 1 when any failed.
      """,
    examples: [
      Example(
        "Ask for one constant", #"echo '{"id":1,"command":"config get","args":["DB_NAME"]}' | closte rpc"#)
    ]
  ) { context in
    if context.isRPC { throw ClosteError.invalidRequest("`rpc` cannot be sent through rpc.") }
    let status = await RPCServer.serve(runtime: context.runtime)
    return CommandResult(data: .null, rendering: .none, exitStatus: status)
  }
}
