/// The commands: config path, config list, config get, config has. Compatible with WP-CLI's own
/// `wp config` commands, so a script written for one works with the other.
public enum ConfigCommands {
  public static let all: [CommandSpec] = [path, list, get, has]

  static let typeOption = OptionSpec(
    "type", value: "type", "Look among constants, variables, or both.", default: "all",
    choices: ConfigListing.Kind.allCases.map(\.rawValue))

  static let path = CommandSpec(
    name: "config path", summary: "Print the path of the wp-config.php that would be used.",
    description: """
      Looks where WP-CLI does: --config (or --config-file) if given; else --path and its parent folder; \
      else the current folder and each folder above it.
      """,
    examples: [
      Example("Which wp-config.php is this?", "closte config path"),
      Example("For another WordPress", "closte config path --path=/var/www/html"),
    ]
  ) { context in
    let path = try context.configPath()
    return .text(path + "\n", data: .string(path))
  }

  static let list = CommandSpec(
    name: "config list",
    summary: "List the variables, constants and included files that wp-config.php defines.",
    arguments: [
      ArgumentSpec("filter", "Name or part of a name to list only those entries.", optional: true, repeating: true)
    ],
    options: [
      OptionSpec("strict", "Match the filters against whole names only."),
      OptionSpec(
        "fields", value: "fields", "The fields to show (default: name,value,type; all fields in json and yaml)."),
      OptionSpec(
        "format", value: "format", "How to print the list.", default: "table",
        choices: ["table", "csv", "json", "yaml", "count", "dotenv"]),
      OptionSpec(
        "reveal",
        "Show the values of secrets (passwords, keys, salts, CLOSTE_CLIENT_API_KEY) instead of [redacted]."),
    ],
    description: """
      Read without running PHP, in WP-CLI's order: variables, then constants, then included files. \
      Each entry has `name`, `value` and `type` (constant, variable or includes), as `wp config list` gives them, \
      and closte's own fields: `value_type` (string, int, float, bool, null or array), `file` and `line` where it \
      is defined, `conditional` (defined under an `if`, so it may not be in force) and `resolved` (false when the \
      value is an expression closte will not guess at, with the `reason`). Table and CSV show name, value and \
      type; JSON and YAML show every field (--fields=name,value,type gives WP-CLI's exact output). \
      --format=dotenv prints the constants as NAME=value lines.

      Unlike WP-CLI, closte does not print secrets: their values show as [redacted] unless --reveal is given. \
      \(ConfigSecrets.rule)
      """,
    examples: [
      Example("List everything", "closte config list"),
      Example("Only the database settings", "closte config list DB_ --format=csv"),
      Example("Exactly these two names", "closte config list DB_NAME DB_HOST --strict"),
      Example("As WP-CLI's JSON", "closte config list --format=json --fields=name,value,type"),
    ]
  ) { context in
    let strict = try context.invocation.flag("strict") ?? false
    let reveal = try context.invocation.flag("reveal") ?? false
    let format = context.invocation.string("format") ?? "table"
    guard ["table", "csv", "json", "yaml", "count", "dotenv"].contains(format) else {
      throw ClosteError.invalidArguments(
        "Invalid value for --format: '\(format)'. Expected one of: table, csv, json, yaml, count, dotenv.")
    }
    if strict && context.args.isEmpty {
      throw ClosteError.invalidArguments("The --strict option can only be used in combination with a filter.")
    }
    let config = try context.config()
    let entries = ConfigListing.filter(ConfigListing.entries(config), by: context.args, strict: strict)
    guard !entries.isEmpty else {
      throw ClosteError(.notDefined, "No matching entries found in '\(ConfigListing.fileName(config.path))'.")
    }
    let rows = entries.map { ConfigRow.object($0, reveal: reveal) }
    let warnings = entries.filter { !$0.resolved }.map {
      "The value of '\($0.name)' is not known without running PHP: \($0.reason ?? "not a constant expression")."
    }
    if format == "dotenv" {
      let text = zip(entries, rows).filter { $0.0.type == .constant }
        .map { ConfigValueText.dotenvLine(name: $0.0.name, value: $0.1["value"] ?? .null) }.joined()
      var result = CommandResult.text(text, data: .array(rows.map { .object($0) }))
      result.warnings = warnings
      return result
    }
    let fields = ["json", "yaml"].contains(format) ? ConfigRow.allFields : ConfigRow.wpCLIFields
    return .items(rows, fields: fields, warnings: warnings)
  }

  static let get = CommandSpec(
    name: "config get", summary: "Print the value of one constant or variable of wp-config.php.",
    arguments: [ArgumentSpec("name", "The constant or variable, e.g. DB_NAME or table_prefix.")],
    options: [
      typeOption,
      OptionSpec(
        "format", value: "format", "How to print the value.", default: "var_export",
        choices: ConfigValueText.getFormats),
      OptionSpec("reveal", "Print the value even when it is a secret (a password, key or salt)."),
    ],
    description: """
      Prints the value as `wp config get` does: a string as it is, true as 1, false and null as an empty line, \
      a whole float without .0, an array as PHP's var_export. A name that is not defined exits 1 with \
      WP-CLI's message (code not_defined); a value closte cannot work out without running PHP exits 1 with \
      code not_resolved and the reason, never a guess. Secrets (passwords, keys, salts, CLOSTE_CLIENT_API_KEY) \
      are printed only with --reveal, unlike WP-CLI.
      """,
    examples: [
      Example("The database name", "closte config get DB_NAME"),
      Example("The table prefix variable", "closte config get table_prefix --type=variable"),
      Example("As JSON", "closte config get WP_DEBUG --format=json"),
    ]
  ) { context in
    let name = context.args[0]
    let kind = ConfigListing.Kind(rawValue: context.invocation.string("type") ?? "all") ?? .all
    let format = context.invocation.string("format") ?? "var_export"
    guard ConfigValueText.getFormats.contains(format) else {
      throw ClosteError.invalidArguments(
        "Invalid value for --format: '\(format)'. Expected one of: var_export, json, yaml, dotenv.")
    }
    let config = try context.config()
    let item = try ConfigListing.lookup(name, kind: kind, in: config)
    guard item.resolved, let value = item.value else {
      throw ClosteError(
        .notResolved,
        "The value of '\(name)' is not known without running PHP: \(item.reason ?? "not a constant expression").",
        hint: "It is defined in \(item.file) on line \(item.line).")
    }
    if ConfigSecrets.isSecret(name), try context.invocation.flag("reveal") != true {
      throw ClosteError(
        .secretValue, "'\(name)' holds a secret; closte prints it only with --reveal.",
        hint: "Run `closte config get \(name) --reveal` if you mean to print it.")
    }
    let data: JSONValue = ["name": .string(item.name), "type": .string(item.type.rawValue), "value": value.json]
    var result = CommandResult.text(ConfigValueText.get(value, format: format), data: data)
    if item.conditional {
      result.warnings.append(
        "'\(name)' is defined under a condition (\(ConfigListing.fileName(item.file)) line \(item.line)); "
          + "it may not be in force.")
    }
    return result
  }

  static let has = CommandSpec(
    name: "config has",
    summary: "Answer by exit status whether wp-config.php defines a constant or variable: 0 yes, 1 no.",
    arguments: [ArgumentSpec("name", "The constant or variable, e.g. MULTISITE.")],
    options: [typeOption],
    description: """
      Prints nothing. Through rpc, `data` is true or false and the request succeeds either way \
      (a "no" is an answer, not a failure).
      """,
    examples: [
      Example("Is this a multisite?", "closte config has MULTISITE && echo multisite"),
      Example("Only a constant counts", "closte config has WP_DEBUG --type=constant"),
    ]
  ) { context in
    let kind = ConfigListing.Kind(rawValue: context.invocation.string("type") ?? "all") ?? .all
    let defined = try ConfigListing.has(context.args[0], kind: kind, in: try context.config())
    var result = CommandResult(data: .bool(defined), rendering: .none, exitStatus: defined ? .success : .failure)
    result.exitStatusIsAnswer = true
    return result
  }
}
