/// The process exit statuses of DESIGN.md: 0 all went well, 1 an operation failed,
/// 2 the command line or the input was unusable.
public enum ExitStatus: Int32, Sendable, Comparable {
  case success = 0
  case failure = 1
  case usage = 2

  public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
