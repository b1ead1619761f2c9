/// A place where the source is not PHP that closte can read: an unterminated string, comment or
/// heredoc, the end of the file inside a construct, or nesting deeper than the reader follows. The
/// reader turns it into `config_parse_error` with the file and line.
public struct PHPSyntaxError: Error, Equatable, Sendable {
  public var line: Int
  public var message: String
  /// PHP itself cannot compile the file (a lexing error, the end of the file inside a construct):
  /// the whole file is refused, as PHP runs none of it. Otherwise the error may be closte's own
  /// limit, and the reader steps over the statement.
  public var isFatal: Bool

  public init(line: Int, _ message: String, isFatal: Bool = false) {
    self.line = line
    self.message = message
    self.isFatal = isFatal
  }
}
