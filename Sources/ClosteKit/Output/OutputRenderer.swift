import Output
import Values

/// Prints a command's result on standard output for the argv front end, as WP-CLI would.
public enum OutputRenderer {
  public static func render(_ result: CommandResult, invocation: Invocation, runtime: Runtime) throws {
    let format = invocation.string("format")
    let fields = invocation.string("fields").map { $0.split(separator: ",").map { String($0).trimmingSpaces } }
    let boxed = isBoxed(environment: runtime.environment, isTerminal: runtime.stdout.isTerminal)
    let columns = TerminalColumns.current(environment: runtime.environment, isTerminal: runtime.stdout.isTerminal)
    // A `--reveal` answer shows the secrets it was asked for, and only those.
    let out = { (text: String) in runtime.stdout.write(text, revealing: result.revealed) }
    switch result.rendering {
    case .items(let rows, let defaultFields):
      out(
        try FormatItems.render(
          rows: rows, fields: fields ?? defaultFields, format: format ?? "table", boxed: boxed,
          terminalColumns: columns))
    case .item(let object, let defaultFields):
      out(
        try FormatItems.renderItem(
          object, fields: fields ?? defaultFields, format: format ?? "table", boxed: boxed, terminalColumns: columns))
    case .text(let text):
      out(text)
    case .success(let message):
      if format == "json" {
        out(JSONWriter.encode(result.data) + "\n")
      } else {
        out("Success: \(message)\n")
      }
    case .none:
      break
    }
  }

  /// WP-CLI draws the boxed table on a terminal and writes tab-separated rows to a pipe; the
  /// `SHELL_PIPE` variable overrides that either way (php-cli-tools' `Shell::isPiped`: a true-ish
  /// value, `1`/`true`/`on`/`yes`, means piped; any other value means boxed).
  public static func isBoxed(environment: [String: String], isTerminal: Bool) -> Bool {
    if let value = environment["SHELL_PIPE"] {
      return !["1", "true", "on", "yes"].contains(value.trimmingSpaces.lowercased())
    }
    return isTerminal
  }
}
