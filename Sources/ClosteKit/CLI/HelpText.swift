import Diagnostics
import Values

/// The text of `closte help`, built from the command table (WP-CLI's help layout: NAME, DESCRIPTION,
/// SYNOPSIS, OPTIONS, EXAMPLES).
public enum HelpText {
  public static func overview(_ table: CommandTable) -> String {
    var text = """
      closte \(ClosteVersion.current): keeps Closte's domain aliases in step with a WordPress multisite network,
      and tells when each domain's DNS and SSL are ready.

      USAGE
        closte <command> [<args>...] [--<option>=<value>] [--<flag>] [--no-<flag>]
        closte rpc < requests.jsonl

      COMMANDS

      """
    let width = (table.commands.map(\.name.count).max() ?? 0) + 2
    for spec in table.commands {
      text += "  " + spec.name.paddedRight(to: width) + spec.summary + "\n"
    }
    text += "\nGLOBAL OPTIONS\n"
    text += options(GlobalOptions.all)
    text += "\nRun `closte help <command>` for a command's options and examples.\n"
    return text
  }

  public static func group(_ name: String, _ commands: [CommandSpec]) -> String {
    var text = "closte \(name) <command>\n\nCOMMANDS\n\n"
    let width = (commands.map(\.name.count).max() ?? 0) + 2
    for spec in commands {
      text += "  " + spec.name.paddedRight(to: width) + spec.summary + "\n"
    }
    return text
  }

  public static func command(_ spec: CommandSpec) -> String {
    var text = "NAME\n\n  closte \(spec.name)\n\nDESCRIPTION\n\n  \(spec.summary)\n"
    if !spec.description.isEmpty { text += "\n" + indent(spec.description) + "\n" }
    text += "\nSYNOPSIS\n\n  \(spec.synopsis)\n"
    if !spec.arguments.isEmpty || !spec.options.isEmpty {
      text += "\nOPTIONS\n\n"
      for argument in spec.arguments {
        text += "  \(argument.synopsis)\n      \(argument.summary)\n\n"
      }
      text += options(spec.options)
    }
    if !spec.examples.isEmpty {
      text += "\nEXAMPLES\n\n"
      for example in spec.examples { text += "  # \(example.summary)\n  $ \(example.command)\n\n" }
    }
    text += "\nGLOBAL OPTIONS\n\n  " + GlobalOptions.all.map { "--\($0.name)" }.joined(separator: " ") + "\n"
    text += "  (see `closte help`)\n"
    return text
  }

  static func options(_ options: [OptionSpec]) -> String {
    var text = ""
    for option in options {
      text += "  \(option.synopsis)\n      \(option.summary)"
      if let value = option.defaultValue { text += " Default: \(value)." }
      text += "\n\n"
    }
    return text
  }

  private static func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
  }

  /// A machine-readable description of a command (for `help --format=json` and the rpc `help`).
  public static func describe(_ spec: CommandSpec) -> JSONValue {
    [
      "name": .string(spec.name), "summary": .string(spec.summary), "synopsis": .string(spec.synopsis),
      "arguments": .array(spec.arguments.map { ["name": .string($0.name), "optional": .bool($0.optional)] }),
      "options": .array(
        spec.options.map {
          [
            "name": .string($0.name), "flag": .bool($0.isFlag),
            "default": $0.defaultValue.map(JSONValue.string) ?? .null,
            "choices": $0.choices.map { .array($0.map(JSONValue.string)) } ?? .null,
          ]
        }),
    ]
  }

  public static func describe(_ table: CommandTable) -> JSONValue {
    .array(table.commands.map(describe))
  }
}
