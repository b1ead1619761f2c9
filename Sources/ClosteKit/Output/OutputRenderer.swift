/// Prints a command's result on standard output for the argv front end, as WP-CLI would.
public enum OutputRenderer {
  public static func render(_ result: CommandResult, invocation: Invocation, runtime: Runtime) throws {
    let format = invocation.string("format")
    let fields = invocation.string("fields").map { $0.split(separator: ",").map { String($0).trimmingSpaces } }
    // WP-CLI draws the boxed table only on a terminal, or when SHELL_PIPE=0 asks for it.
    let boxed = runtime.stdout.isTerminal || runtime.environment["SHELL_PIPE"] == "0"
    let out = runtime.stdout
    switch result.rendering {
    case .items(let rows, let defaultFields):
      out.write(
        try FormatItems.render(
          rows: rows, fields: fields ?? defaultFields, format: format ?? "table", boxed: boxed))
    case .item(let object, let defaultFields):
      out.write(
        try FormatItems.renderItem(object, fields: fields ?? defaultFields, format: format ?? "table", boxed: boxed))
    case .text(let text):
      out.write(text)
    case .success(let message):
      if format == "json" {
        out.write(JSONWriter.encode(result.data) + "\n")
      } else {
        out.write("Success: \(message)\n")
      }
    case .none:
      break
    }
  }
}
