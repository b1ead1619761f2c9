import Diagnostics
import Values

/// `closte <command> ...`: parses argv, dispatches, prints the answer as WP-CLI would, and returns
/// the exit status.
public enum ArgvFrontEnd {
  public static func run(_ arguments: [String], runtime: Runtime, table: CommandTable = .standard) async -> Int32 {
    // A password in a URL (`--api-url=http://u:pass@...`) is a secret from the first byte on.
    for argument in arguments { runtime.redactor.registerURLPasswords(in: argument) }
    let status = await runCommand(arguments, runtime: runtime, table: table)
    // What the scrubber held back goes out before the exit status is decided.
    runtime.flush()
    // The reader of standard output went away (EPIPE): what it was told is lost, so it is no success.
    return status == 0 && runtime.stdout.isClosed ? ExitStatus.failure.rawValue : status
  }

  static func runCommand(_ arguments: [String], runtime: Runtime, table: CommandTable) async -> Int32 {
    let diagnostics = Diagnostics(sink: runtime.stderr)
    let invocation: Invocation
    do {
      invocation = try ArgvParser.parse(arguments.isEmpty ? ["help"] : arguments, table: table)
    } catch let error as ClosteError {
      diagnostics.error(error.message)
      return error.exitStatus.rawValue
    } catch {
      diagnostics.error("\(error)")
      return ExitStatus.usage.rawValue
    }
    let outcome = await Dispatcher(table: table).execute(invocation, runtime: runtime, isRPC: false)
    // A drop-in for a `wp` command prints its errors as WP-CLI does: on standard error only.
    let wantsJSON =
      invocation.string("format") == "json" && table.spec(named: invocation.command)?.parameterStyle.isWPCLI != true
    switch outcome {
    case .result(let result):
      diagnostics.quiet = (try? invocation.flag("quiet")) == true
      for warning in result.warnings { diagnostics.warning(warning) }
      do {
        try OutputRenderer.render(result, invocation: invocation, runtime: runtime)
      } catch let error as ClosteError {
        report(error, json: wantsJSON, runtime: runtime, diagnostics: diagnostics)
        return error.exitStatus.rawValue
      } catch {
        diagnostics.error("\(error)")
        return ExitStatus.failure.rawValue
      }
      if let failure = result.failure {
        diagnostics.error(failure.message)
        if let hint = failure.hint { diagnostics.hint(hint) }
      }
      return result.exitStatus.rawValue
    case .failure(let error):
      report(error, json: wantsJSON, runtime: runtime, diagnostics: diagnostics)
      return error.exitStatus.rawValue
    }
  }

  /// `Error: ...` on standard error (and the hint after it); with `--format=json` also the error as a
  /// JSON object on standard output, so a script reading stdout sees it.
  static func report(_ error: ClosteError, json: Bool, runtime: Runtime, diagnostics: Diagnostics) {
    diagnostics.error(error.message)
    if let hint = error.hint { diagnostics.hint(hint) }
    if json {
      let object: JSONValue = ["ok": false, "error": error.json]
      runtime.stdout.write(JSONWriter.encode(object) + "\n")
    }
  }
}
