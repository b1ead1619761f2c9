import Diagnostics
import Values

/// What a command hands back: `data` is what an rpc response carries; `rendering` is how the argv
/// front end prints it; `failure` marks a result that is also a failure (a half-applied batch:
/// the results are real, and the exit status is still 1).
public struct CommandResult: Sendable {
  public enum Rendering: Sendable {
    /// A list, printed through `format_items` with `--format` / `--fields`.
    case items([JSONObject], defaultFields: [String])
    /// One record: a `Field`/`Value` table, or the object in json/yaml.
    case item(JSONObject, defaultFields: [String])
    /// Text printed exactly as given (for `config get`, `config path`, `version`, `help`).
    case text(String)
    /// `Success: <message>` as `WP_CLI::success` prints it.
    case success(String)
    /// Nothing on standard output (for `config has`).
    case none
  }

  public var data: JSONValue
  public var rendering: Rendering
  public var warnings: [String]
  public var failure: ClosteError?
  /// An exit status without an error (for `config has`, whose "no" is exit 1 and nothing printed).
  public var exitStatus: ExitStatus
  /// True when the exit status is itself the answer (`config has`, `domain status`): a 1 then means
  /// "no" or "not yet", not a failure, so an rpc answer is still `ok`.
  public var exitStatusIsAnswer = false
  /// The secrets this result shows because the user asked for them (`config get|list --reveal`):
  /// the scrubber leaves exactly these, in this answer only.
  public var revealed: Set<String> = []

  public init(
    data: JSONValue, rendering: Rendering, warnings: [String] = [], failure: ClosteError? = nil,
    exitStatus: ExitStatus? = nil
  ) {
    self.data = data
    self.rendering = rendering
    self.warnings = warnings
    self.failure = failure
    self.exitStatus = exitStatus ?? failure?.exitStatus ?? .success
  }

  /// The result with every secret masked in its values, rows, text and warnings, but `revealed`.
  public func scrubbed(by redactor: SecretRedactor) -> CommandResult {
    guard !redactor.isEmpty else { return self }
    var copy = self
    copy.data = redactor.redact(data, revealing: revealed)
    switch rendering {
    case .items(let rows, let fields):
      copy.rendering = .items(rows.map { redactor.redact($0, revealing: revealed) }, defaultFields: fields)
    case .item(let object, let fields):
      copy.rendering = .item(redactor.redact(object, revealing: revealed), defaultFields: fields)
    case .text(let text): copy.rendering = .text(redactor.redact(text, revealing: revealed))
    case .success(let message): copy.rendering = .success(redactor.redact(message))
    case .none: break
    }
    copy.warnings = warnings.map { redactor.redact($0) }
    copy.failure = failure?.scrubbed(by: redactor)
    return copy
  }

  public static func items(_ rows: [JSONObject], fields: [String], warnings: [String] = []) -> CommandResult {
    CommandResult(
      data: .array(rows.map { .object($0) }), rendering: .items(rows, defaultFields: fields),
      warnings: warnings)
  }

  public static func item(_ object: JSONObject, fields: [String]? = nil, warnings: [String] = []) -> CommandResult {
    CommandResult(
      data: .object(object), rendering: .item(object, defaultFields: fields ?? object.keys), warnings: warnings)
  }

  public static func text(_ text: String, data: JSONValue) -> CommandResult {
    CommandResult(data: data, rendering: .text(text))
  }

  public static func success(_ message: String, data: JSONValue) -> CommandResult {
    CommandResult(data: data, rendering: .success(message))
  }
}
