import Output
import WPConfig

/// The commands: config path, config list, config get, config has. Drop-ins for WP-CLI's own
/// `wp config` commands (config-command v2.3.8): the same options, output, errors and exit status, so a
/// script written for one works with the other. closte's additions show only when asked for
/// (`--fields=…`, `--debug`, `--reveal`).
public enum ConfigCommands {
  public static let all: [CommandSpec] = [path, list, get, has]

  static let path = CommandSpec(
    name: "config path", summary: "Print the path of the wp-config.php that would be used.",
    description: """
      Looks where WP-CLI does: --config (or --config-file) if given; else in the WordPress root (--path, or \
      the nearest folder at or above the current one that holds wp-load.php, or the current folder), then in \
      its parent unless the parent holds a wp-settings.php of its own. Prints the file's real path (symbolic \
      links resolved).
      """,
    examples: [
      Example("Which wp-config.php is this?", "closte config path"),
      Example("For another WordPress", "closte config path --path=/var/www/html"),
    ],
    parameterStyle: .wpCLIUnchecked
  ) { context in
    let path = try ConfigCommandSupport.located(context)
    return .text(path + "\n", data: .string(path))
  }

  static let listFormats = ["table", "csv", "json", "yaml", "dotenv"]

  static let list = CommandSpec(
    name: "config list",
    summary: "List the variables, constants and included files that wp-config.php defines.",
    arguments: [
      ArgumentSpec("filter", "Name or partial name to filter the list by.", optional: true, repeating: true)
    ],
    options: [
      OptionSpec("fields", value: "fields", "Limit the output to specific fields. Defaults to all fields."),
      OptionSpec(
        "format", value: "format", "Render output in a particular format.", default: "table", choices: listFormats),
      OptionSpec("strict", "Enforce strict matching when a filter is provided."),
      OptionSpec(
        "reveal",
        "Show the values of secrets (passwords, keys, salts, CLOSTE_CLIENT_API_KEY) instead of [redacted]."),
    ],
    description: """
      Read without running PHP, in WP-CLI's order: variables, then constants, then included files. \
      Each entry has WP-CLI's fields `name`, `value` and `type` (constant, variable or includes), the only ones \
      shown unless --fields asks for closte's own: `value_type` (string, int, float, bool, null or array), \
      `file` and `line` where it is defined, `conditional` (defined under a condition, so it may not be in \
      force), `resolved` (false when the value is an expression closte will not guess at) and `reason`. \
      With --debug, each unresolved value is also named in a warning. --format=dotenv prints the constants \
      as NAME=value lines.

      Unlike WP-CLI, closte does not print secrets: their values show as [redacted] unless --reveal is given. \
      \(ConfigSecrets.rule)
      """,
    examples: [
      Example("List everything", "closte config list"),
      Example("Only the database settings", "closte config list DB_ --format=csv"),
      Example("Exactly these two names", "closte config list DB_NAME DB_HOST --strict"),
      Example(
        "With where each is defined", "closte config list --format=json --fields=name,value,type,file,line"),
    ],
    parameterStyle: .wpCLI
  ) { context in
    try ConfigCommandSupport.list(context, filters: context.args)
  }

  static let get = CommandSpec(
    name: "config get", summary: "Print the value of one constant or variable of wp-config.php.",
    arguments: [
      ArgumentSpec("name", "Name of the wp-config.php constant or variable.", optional: true)
    ],
    options: [
      OptionSpec(
        "type", value: "type", "Type of config value to retrieve. Defaults to 'all'.", default: "all",
        choices: ConfigListing.Kind.allCases.map(\.rawValue)),
      OptionSpec(
        "format", value: "format", "Get value in a particular format.", default: "var_export",
        choices: ConfigValueText.getFormats),
      OptionSpec("reveal", "Print the value even when it is a secret (a password, key or salt)."),
      OptionSpec("constant", value: "name", "Older spelling of `config get <name> --type=constant`."),
      OptionSpec("global", value: "name", "Older spelling of `config get <name> --type=variable`."),
    ],
    description: """
      Prints the value as `wp config get` does: a string as it is, true as 1, false and null as an empty line, \
      a whole float without .0, an array as PHP's var_export. A name that is not defined exits 1 with \
      WP-CLI's message (code not_defined); a value closte cannot work out without running PHP exits 1 with \
      code not_resolved and the reason, never a guess. Without a name it lists, as `config list` does \
      (WP-CLI's older behaviour). Secrets (passwords, keys, salts, CLOSTE_CLIENT_API_KEY) are printed only \
      with --reveal, unlike WP-CLI.
      """,
    examples: [
      Example("The database name", "closte config get DB_NAME"),
      Example("The table prefix variable", "closte config get table_prefix --type=variable"),
      Example("As JSON", "closte config get WP_DEBUG --format=json"),
    ],
    parameterStyle: .wpCLI
  ) { context in
    let invocation = context.invocation
    if let name = context.args.first {
      return try ConfigCommandSupport.get(context, name: name, kind: invocation.string("type") ?? "all")
    }
    if let name = invocation.string("constant") {
      return try ConfigCommandSupport.get(context, name: name, kind: "constant")
    }
    if let name = invocation.string("global") {
      return try ConfigCommandSupport.get(context, name: name, kind: "variable")
    }
    return try ConfigCommandSupport.list(context, filters: [])
  }

  static let has = CommandSpec(
    name: "config has",
    summary: "Answer by exit status whether wp-config.php defines a constant or variable: 0 yes, 1 no.",
    arguments: [ArgumentSpec("name", "Name of the wp-config.php constant or variable.")],
    options: [
      OptionSpec(
        "type", value: "type", "Type of the config value to set. Defaults to 'all'.", default: "all",
        choices: ConfigListing.Kind.allCases.map(\.rawValue))
    ],
    description: """
      Prints nothing. Answers from the same reading as `config get` (WP-CLI searches the file's text instead). \
      Through rpc, `data` is true or false and the request succeeds either way (a "no" is an answer, not a \
      failure).
      """,
    examples: [
      Example("Is this a multisite?", "closte config has MULTISITE && echo multisite"),
      Example("Only a constant counts", "closte config has WP_DEBUG --type=constant"),
    ],
    parameterStyle: .wpCLI
  ) { context in
    let kind = ConfigListing.Kind(rawValue: context.invocation.string("type") ?? "all") ?? .all
    // WP-CLI's `has` searches the text (wp-config-transformer) without its BOM warning; so does closte.
    _ = try ConfigCommandSupport.located(context)
    let defined = try ConfigListing.has(context.args[0], kind: kind, in: try context.config())
    var result = CommandResult(data: .bool(defined), rendering: .none, exitStatus: defined ? .success : .failure)
    result.exitStatusIsAnswer = true
    return result
  }
}
