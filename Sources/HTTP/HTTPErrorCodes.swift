import Diagnostics

extension ErrorCode {
  public static let apiUnreachable = ErrorCode("api_unreachable")
}
