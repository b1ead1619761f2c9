import Diagnostics

extension HTTPRequest {
  public static let userAgent = "closte/\(ClosteVersion.current)"
}
