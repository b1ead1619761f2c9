import Values

/// The one error type of closte: a stable snake_case `code` for scripts, a `message` for people,
/// and a `hint` (what to do next) where one helps. Every failure a user can meet is one of these;
/// each folder declares its own codes and constructors in an extension beside its code.
public struct ClosteError: Error, Equatable, Sendable {
  public var code: ErrorCode
  public var message: String
  public var hint: String?
  /// 1 when an operation failed, 2 when the command line or the input was unusable.
  public var exitStatus: ExitStatus
  /// Extra machine-readable detail (for example the per-domain results of a half-applied batch).
  public var details: JSONValue?

  public init(
    _ code: ErrorCode, _ message: String, hint: String? = nil, exitStatus: ExitStatus = .failure,
    details: JSONValue? = nil
  ) {
    self.code = code
    self.message = message
    self.hint = hint
    self.exitStatus = exitStatus
    self.details = details
  }

  /// The error with every secret in its message, hint and details masked.
  public func scrubbed(by redactor: SecretRedactor) -> ClosteError {
    var copy = self
    copy.message = redactor.redact(message)
    copy.hint = hint.map { redactor.redact($0) }
    copy.details = details.map { redactor.redact($0) }
    return copy
  }

  /// The error as the `error` member of an rpc response or a `--format=json` answer.
  public var json: JSONValue {
    var object = JSONObject()
    object["code"] = .string(code.rawValue)
    object["message"] = .string(message)
    if let hint { object["hint"] = .string(hint) }
    if let details { object["details"] = details }
    return .object(object)
  }
}

/// A stable error code. Codes are declared as static members next to the code that raises them.
public struct ErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
}

extension ErrorCode {
  public static let unknownCommand = ErrorCode("unknown_command")
  public static let invalidArguments = ErrorCode("invalid_arguments")
  public static let invalidRequest = ErrorCode("invalid_request")
  public static let internalError = ErrorCode("internal_error")
}

extension ClosteError {
  /// The command line or the request could not be used: exit 2.
  public static func invalidArguments(_ message: String, hint: String? = nil) -> ClosteError {
    ClosteError(.invalidArguments, message, hint: hint, exitStatus: .usage)
  }

  public static func unknownCommand(_ name: String) -> ClosteError {
    ClosteError(
      .unknownCommand, "'\(name)' is not a closte command.",
      hint: "Run `closte help` for the list of commands.", exitStatus: .usage)
  }

  public static func invalidRequest(_ message: String) -> ClosteError {
    ClosteError(
      .invalidRequest, message,
      hint: "Send one JSON object per request with at least a \"command\" member.",
      exitStatus: .usage)
  }
}
