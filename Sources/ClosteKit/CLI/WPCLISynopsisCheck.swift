import Diagnostics
import Values

/// WP-CLI's checking of a command line against a command's synopsis (`Subcommand::validate_args`
/// and `SynopsisValidator`), for the commands that stand in for `wp` ones: the same checks in the
/// same order, with the same words, so a script sees the same error.
enum WPCLISynopsisCheck {
  /// WP-CLI's global parameters, which every command accepts and which it suggests for a typo.
  /// closte gives meaning to `--path`, `--url`, `--debug` and `--quiet` of these.
  static let wpCLIGlobals = [
    "path", "url", "ssh", "http", "user", "skip-plugins", "skip-themes", "skip-packages", "require", "exec",
    "context", "color", "debug", "prompt", "quiet",
  ]

  /// closte's own global options that a WP-CLI-style command still takes: all but `--format` and
  /// `--fields`, which such a command has only where it declares them (as in WP-CLI).
  static let closteGlobals = GlobalOptions.names.subtracting(["format", "fields"])

  enum Outcome {
    /// The invocation to run (an option given without its value is dropped, as WP-CLI unsets it)
    /// and WP-CLI's warnings about it.
    case run(Invocation, warnings: [String])
    /// Too few arguments: WP-CLI prints the usage line on standard output and exits 1.
    case usage(String)
  }

  static func check(_ invocation: Invocation, spec: CommandSpec) throws -> Outcome {
    guard spec.parameterStyle == .wpCLI else { return .run(invocation, warnings: []) }
    let args = invocation.args
    if args.count < spec.arguments.filter({ !$0.optional }).count {
      return .usage("usage: \(spec.synopsis)")
    }
    if !spec.arguments.contains(where: \.repeating), args.count > spec.arguments.count {
      throw failure("Too many positional arguments: " + args.dropFirst(spec.arguments.count).joined(separator: " "))
    }
    var cleaned = invocation
    var fatal: [String] = []
    var warnings: [String] = []
    for option in spec.options {
      guard let value = invocation.assocArgs[option.name] else { continue }
      if !option.isFlag, case .bool(true) = value {
        // SynopsisValidator::validate_assoc: an optional value given bare is dropped with a warning.
        warnings.append("--\(option.name) parameter needs a value")
        cleaned.assocArgs[option.name] = nil
        continue
      }
      if let choices = option.choices, let given = invocation.string(option.name), !accepts(given, choices) {
        fatal.append("Invalid value specified for '\(option.name)' (\(option.summary))")
      }
    }
    let declared = Set(spec.options.map(\.name))
    let parameters = spec.options.map(\.name) + wpCLIGlobals
    for name in invocation.assocArgs.keys where !declared.contains(name) && !closteGlobals.contains(name) {
      var error = "unknown --\(name) parameter"
      if let suggestion = Suggestion.closest(to: name, among: parameters) {
        error += "\nDid you mean '--\(suggestion)'?"
      }
      fatal.append(error)
    }
    if !fatal.isEmpty { throw failure("Parameter errors:" + fatal.map { "\n " + $0 }.joined()) }
    return .run(cleaned, warnings: warnings)
  }

  /// One of the choices, or a comma-separated list of them (WP-CLI accepts `--fields`-like lists).
  private static func accepts(_ value: String, _ choices: [String]) -> Bool {
    if choices.contains(value) { return true }
    let values = value.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
    return values.count > 1 && values.allSatisfy(choices.contains)
  }

  /// `WP_CLI::error`: exit 1.
  static func failure(_ message: String) -> ClosteError {
    ClosteError(.invalidArguments, message, exitStatus: .failure)
  }
}
