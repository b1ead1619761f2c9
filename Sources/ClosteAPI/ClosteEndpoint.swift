import Diagnostics

#if canImport(Glibc)
  import Glibc
#endif

/// The Closte API base URL, checked before any traffic: `https://`, or plain `http://` to a
/// loopback host only (127.0.0.0/8, ::1, localhost), so the key never crosses a network in clear.
public struct ClosteEndpoint: Sendable, Equatable {
  public static let defaultBase = "https://app.closte.com/api/client"

  /// The base without a trailing slash, e.g. `https://app.closte.com/api/client`.
  public let base: String

  /// From `--api-url`, then `CLOSTE_API_URL`, then the default.
  public init(option: String?, environment: [String: String]) throws {
    let given = option ?? environment["CLOSTE_API_URL"].flatMap { $0.isEmpty ? nil : $0 }
    try self.init(validating: given ?? ClosteEndpoint.defaultBase)
  }

  public init(validating text: String) throws {
    let invalid = { (reason: String) in
      ClosteError(
        .apiURLInvalid, "The Closte API URL '\(text)' cannot be used: \(reason).",
        hint: "Give --api-url=https://app.closte.com/api/client (or a loopback simulator's http:// URL).",
        exitStatus: .usage)
    }
    guard let url = AbsoluteURL(text) else { throw invalid("it is not an absolute URL") }
    guard !url.hasQuery, !url.hasFragment else { throw invalid("it has a query or fragment") }
    guard url.userInfo == nil else { throw invalid("it carries credentials") }
    let host = url.host
    switch url.scheme.lowercased() {
    case "https": break
    case "http":
      guard ClosteEndpoint.isLoopback(host) else {
        throw ClosteError(
          .apiURLInsecure,
          "Refusing plain http:// to \(host): the API key would travel unencrypted. Plain http is only for loopback.",
          hint: "Use https://, or a simulator on 127.0.0.1 / ::1 / localhost.", exitStatus: .usage)
      }
    default: throw invalid("the scheme must be https (or http to a loopback host)")
    }
    var trimmed = text
    while trimmed.hasSuffix("/") { trimmed.removeLast() }
    base = trimmed
  }

  /// 127.0.0.0/8, ::1 and localhost.
  public static func isLoopback(_ host: String) -> Bool {
    var name = host.lowercased()
    if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
    if name == "localhost" || name.hasSuffix(".localhost") { return true }
    if name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return false }
    return parts[0] == "127"
  }

  public func url(_ path: String) -> String { base + path }
}
