/// A place where the source is not PHP that closte can read: an unterminated string, comment or
/// heredoc, or nesting deeper than the reader follows. The reader turns it into
/// `config_parse_error` with the file and line.
public struct PHPSyntaxError: Error, Equatable, Sendable {
  public var line: Int
  public var message: String

  public init(line: Int, _ message: String) {
    self.line = line
    self.message = message
  }
}
