import Diagnostics
import Output
import Values
import WPConfig

/// What `config list` and `config get` share, and where closte's config commands meet WP-CLI's
/// wording: the missing-file error, the byte order mark warning, warnings only with `--debug`.
enum ConfigCommandSupport {
  /// The config file, or WP-CLI's error when there is none (`'wp-config.php' not found.`, or the
  /// `--config-file` as given).
  static func located(_ context: CommandContext) throws -> String {
    do {
      return try context.configPath()
    } catch let error as ClosteError where error.code == .configNotFound {
      let name = context.invocation.config ?? "wp-config.php"
      throw ClosteError(
        .configNotFound, "'\(name)' not found.\nEither create one manually or use `wp config create`.")
    }
  }

  /// The parsed config and the warnings WP-CLI gives while reading it (a byte order mark). On argv
  /// the warning is printed at once, as WP-CLI prints it, so it comes before an error that follows;
  /// through rpc it is carried in the answer.
  static func read(_ context: CommandContext) throws -> (WPConfig, [String]) {
    let path = try located(context)
    var warnings: [String] = []
    if WPConfigFile.startsWithByteOrderMark(path) {
      let warning = "UTF-8 byte-order mark (BOM) detected in wp-config.php file, stripping it for parsing."
      if context.isRPC { warnings.append(warning) } else { context.diagnostics.warning(warning) }
    }
    return (try context.config(), warnings)
  }

  /// closte's own warnings (a value that needs PHP, a definition under a condition): WP-CLI prints
  /// none, so argv shows them only with `--debug`; rpc always carries them.
  static func closteWarnings(_ context: CommandContext, _ warnings: [String]) -> [String] {
    context.isRPC || context.diagnostics.debugEnabled ? warnings : []
  }

  static func list(_ context: CommandContext, filters: [String]) throws -> CommandResult {
    let invocation = context.invocation
    let strict = try invocation.flag("strict") ?? false
    let reveal = try invocation.flag("reveal") ?? false
    let format = invocation.string("format") ?? "table"
    if strict && filters.isEmpty {
      throw ClosteError(.invalidArguments, "The --strict option can only be used in combination with a filter.")
    }
    let fields = invocation.string("fields").map { $0.split(separator: ",").map { String($0).trimmingSpaces } }
    if let unknown = fields?.first(where: { !ConfigRow.allFields.contains($0) }) {
      throw ClosteError(.invalidArguments, "Invalid field: \(unknown).")
    }
    let (config, readWarnings) = try read(context)
    let entries = ConfigListing.filter(ConfigListing.entries(config), by: filters, strict: strict)
    guard !entries.isEmpty else {
      throw ClosteError(.notDefined, "No matching entries found in '\(ConfigListing.fileName(config.path))'.")
    }
    let rows = entries.map { ConfigRow.object($0, reveal: reveal) }
    let warnings =
      readWarnings
      + closteWarnings(
        context,
        entries.filter { !$0.resolved }.map {
          "The value of '\($0.name)' is not known without running PHP: \($0.reason ?? "not a constant expression")."
        })
    if format == "dotenv" {
      let text = zip(entries, rows).filter { $0.0.type == .constant }
        .map { ConfigValueText.dotenvLine(name: $0.0.name, value: $0.1["value"] ?? .null) }.joined()
      var result = CommandResult.text(text, data: .array(rows.map { .object($0) }))
      result.warnings = warnings
      if reveal { result.revealed = ConfigSecrets.secretValues(entries) }
      return result
    }
    var result = CommandResult.items(rows, fields: ConfigRow.wpCLIFields, warnings: warnings)
    // Asked for with --reveal: the scrubber leaves exactly these values, in this answer only.
    if reveal { result.revealed = ConfigSecrets.secretValues(entries) }
    return result
  }

  static func get(_ context: CommandContext, name: String, kind kindName: String) throws -> CommandResult {
    let kind = ConfigListing.Kind(rawValue: kindName) ?? .all
    let format = context.invocation.string("format") ?? "var_export"
    let (config, readWarnings) = try read(context)
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
    result.warnings = readWarnings
    // Asked for with --reveal (a secret without it was refused above).
    result.revealed = ConfigSecrets.secretValues([item])
    if item.conditional {
      result.warnings += closteWarnings(
        context,
        [
          "'\(name)' is defined under a condition (\(ConfigListing.fileName(item.file)) line \(item.line)); "
            + "it may not be in force."
        ])
    }
    return result
  }
}
