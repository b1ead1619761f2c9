import Diagnostics

/// The one dispatcher: looks a command up, checks its options and arguments, runs it, and turns any
/// failure into a `ClosteError`. The argv and rpc front ends both come through here.
public struct Dispatcher: Sendable {
  public let table: CommandTable

  public init(table: CommandTable = .standard) { self.table = table }

  public enum Outcome: Sendable {
    case result(CommandResult)
    case failure(ClosteError)

    public var exitStatus: ExitStatus {
      switch self {
      case .result(let result): return result.exitStatus
      case .failure(let error): return error.exitStatus
      }
    }
  }

  public func execute(_ invocation: Invocation, runtime: Runtime, isRPC: Bool) async -> Outcome {
    do {
      guard !invocation.command.isEmpty else {
        throw ClosteError.invalidArguments("No command given.", hint: "Run `closte help` for the list of commands.")
      }
      guard let spec = table.spec(named: invocation.command) else {
        throw ClosteError.unknownCommand(invocation.command)
      }
      var checked = invocation
      var warnings: [String] = []
      if spec.parameterStyle.isWPCLI {
        switch try WPCLISynopsisCheck.check(invocation, spec: spec) {
        case .usage(let line):
          if isRPC { throw WPCLISynopsisCheck.failure(line) }
          return .result(CommandResult(data: .null, rendering: .text(line + "\n"), exitStatus: .failure))
        case .run(let cleaned, let checkWarnings):
          checked = cleaned
          warnings = checkWarnings
        }
      } else {
        try validateOptions(invocation, for: spec)
        try spec.validatePositionals(invocation.args)
      }
      let context = try CommandContext(invocation: checked, runtime: runtime, isRPC: isRPC)
      var result = try await spec.run(context)
      result.warnings = warnings + result.warnings
      // Scrubbed here, before any format lays the values out (wraps a cell, keeps a first line,
      // quotes): after that, a secret may no longer be whole to be recognised.
      return .result(result.scrubbed(by: runtime.redactor))
    } catch var error as ClosteError {
      // A drop-in for a `wp` command exits 1 on every error, as `WP_CLI::error` does.
      if table.spec(named: invocation.command)?.parameterStyle.isWPCLI == true, error.exitStatus == .usage {
        error.exitStatus = .failure
      }
      return .failure(error.scrubbed(by: runtime.redactor))
    } catch {
      return .failure(ClosteError(.internalError, "Unexpected failure: \(error)").scrubbed(by: runtime.redactor))
    }
  }

  private func validateOptions(_ invocation: Invocation, for spec: CommandSpec) throws {
    for (name, value) in invocation.assocArgs {
      if GlobalOptions.names.contains(name) { continue }
      guard let option = spec.options.first(where: { $0.name == name }) else {
        throw ClosteError.invalidArguments(
          "`closte \(spec.name)` has no option --\(name).", hint: "Usage: \(spec.synopsis)")
      }
      if case .array = value, !option.repeatable {
        throw ClosteError.invalidArguments("--\(name) may be given only once.")
      }
      if let choices = option.choices, let given = invocation.string(name), !choices.contains(given) {
        throw ClosteError.invalidArguments(
          "Invalid value for --\(name): '\(given)'. Expected one of: \(choices.joined(separator: ", ")).")
      }
      if !option.isFlag, case .bool = value {
        throw ClosteError.invalidArguments("--\(name) needs a value, as --\(name)=<\(option.valueName ?? "value")>.")
      }
    }
  }
}
