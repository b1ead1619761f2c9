import Values

/// A mapped domain's stage, as Ultimate Multisite names them: `checking-dns` → `checking-ssl-cert`
/// → `done`; `checking-dns` gives up as `failed`, `checking-ssl-cert` as `done-without-ssl`.
public enum DomainStage: String, Sendable, CaseIterable {
  case checkingDNS = "checking-dns"
  case checkingSSL = "checking-ssl-cert"
  case done
  case failed
  case doneWithoutSSL = "done-without-ssl"

  public var isFinal: Bool {
    switch self {
    case .checkingDNS, .checkingSSL: return false
    case .done, .failed, .doneWithoutSSL: return true
    }
  }
}

/// What one try of a stage's check found, as the stage machine needs it.
public struct ProbeOutcome: Sendable, Equatable {
  public var passed: Bool
  /// One sentence: what was found.
  public var summary: String
  /// What to do about it, when it did not pass.
  public var hint: String?
  /// The check's whole report (`dns check` / `ssl check` JSON).
  public var details: JSONObject

  public init(passed: Bool, summary: String, hint: String? = nil, details: JSONObject = JSONObject()) {
    self.passed = passed
    self.summary = summary
    self.hint = hint
    self.details = details
  }
}

/// The checks the stage machine runs: the DNS check for `checking-dns`, the SSL check for
/// `checking-ssl-cert`. The real one asks the network; tests give a scripted one.
public protocol DomainProbe: Sendable {
  func checkDNS(_ domain: String) async -> ProbeOutcome
  func checkSSL(_ domain: String) async -> ProbeOutcome
}
