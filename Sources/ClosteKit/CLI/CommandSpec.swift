import Diagnostics

/// One command: its name, its help (synopsis, options, examples, as WP-CLI's PHPDoc gives them) and
/// the function that runs it. The table of these drives argv parsing, rpc, `help` and completion.
public struct CommandSpec: Sendable {
  public let name: String
  public let summary: String
  /// Positional part of the synopsis, e.g. `<domain>...`; options are listed in `options`.
  public let arguments: [ArgumentSpec]
  public let options: [OptionSpec]
  public let description: String
  public let examples: [Example]
  /// How the command line is checked: closte's way, or WP-CLI's for a drop-in of a `wp` command.
  public let parameterStyle: ParameterStyle
  /// Whether the command reads no config at all (like `version`): it then ignores `--path`.
  public let run: @Sendable (CommandContext) async throws -> CommandResult

  public init(
    name: String, summary: String, arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
    description: String = "", examples: [Example] = [], parameterStyle: ParameterStyle = .closte,
    run: @escaping @Sendable (CommandContext) async throws -> CommandResult
  ) {
    self.name = name
    self.summary = summary
    self.arguments = arguments
    self.options = options
    self.description = description
    self.examples = examples
    self.parameterStyle = parameterStyle
    self.run = run
  }

  public var synopsis: String {
    var parts = ["closte", name]
    parts += arguments.map(\.synopsis)
    parts += options.map(\.synopsis)
    return parts.joined(separator: " ")
  }

  /// Checks the positional count against the argument specs.
  public func validatePositionals(_ args: [String]) throws {
    let required = arguments.filter { !$0.optional }.count
    let unbounded = arguments.contains { $0.repeating }
    if args.count < required {
      let missing = arguments.filter { !$0.optional }.dropFirst(args.count).map(\.synopsis)
      throw ClosteError.invalidArguments(
        "Missing \(missing.joined(separator: " ")) for `closte \(name)`.",
        hint: "Usage: \(synopsis)")
    }
    if !unbounded && args.count > arguments.count {
      throw ClosteError.invalidArguments(
        "Too many positional arguments for `closte \(name)`: "
          + args.dropFirst(arguments.count).joined(separator: " "),
        hint: "Usage: \(synopsis)")
    }
  }
}

/// How a command's options and arguments are checked.
public enum ParameterStyle: Sendable, Equatable {
  /// closte's checks: an unknown option or a bad value is a usage error (exit 2) with a hint.
  case closte
  /// WP-CLI's synopsis checks (`WPCLISynopsisCheck`), for a drop-in of a `wp` command: its words,
  /// exit 1 on any error, and `--format`/`--fields` only where the command declares them.
  case wpCLI
  /// A WP-CLI command without a synopsis (`wp config path`): WP-CLI checks nothing, so neither does closte.
  case wpCLIUnchecked

  public var isWPCLI: Bool { self != .closte }
}

public struct ArgumentSpec: Sendable {
  public let name: String
  public let summary: String
  public let optional: Bool
  public let repeating: Bool

  public init(_ name: String, _ summary: String, optional: Bool = false, repeating: Bool = false) {
    self.name = name
    self.summary = summary
    self.optional = optional
    self.repeating = repeating
  }

  public var synopsis: String {
    let core = "<\(name)>" + (repeating ? "..." : "")
    return optional ? "[\(core)]" : core
  }
}

public struct OptionSpec: Sendable {
  public let name: String
  /// nil for a flag (`--dry-run`), else the value's placeholder (`seconds`).
  public let valueName: String?
  public let summary: String
  public let defaultValue: String?
  /// When set, the value must be one of these.
  public let choices: [String]?
  public let repeatable: Bool

  public init(
    _ name: String, value valueName: String? = nil, _ summary: String, default defaultValue: String? = nil,
    choices: [String]? = nil, repeatable: Bool = false
  ) {
    self.name = name
    self.valueName = valueName
    self.summary = summary
    self.defaultValue = defaultValue
    self.choices = choices
    self.repeatable = repeatable
  }

  public var isFlag: Bool { valueName == nil }

  public var synopsis: String {
    if let choices { return "[--\(name)=<\(choices.joined(separator: "|"))>]" }
    if let valueName { return "[--\(name)=<\(valueName)>]" }
    return "[--\(name)]"
  }
}

public struct Example: Sendable {
  public let summary: String
  public let command: String

  public init(_ summary: String, _ command: String) {
    self.summary = summary
    self.command = command
  }
}
