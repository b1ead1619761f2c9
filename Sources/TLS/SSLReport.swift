import Diagnostics
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// The verdict of `ssl check`: why a certificate is not valid, most telling reason first.
public enum SSLReason: String, Sendable, CaseIterable {
  case unreachable
  case timeout
  case handshakeFailed = "handshake_failed"
  case selfSigned = "self_signed"
  case untrusted
  /// The certificate may not be used by a TLS server (an extended key usage without serverAuth).
  case wrongPurpose = "wrong_purpose"
  case expired
  case notYetValid = "not_yet_valid"
  case hostnameMismatch = "hostname_mismatch"

  /// What to do about it, in the words of the troubleshooting guide.
  public func hint(for domain: String) -> String {
    switch self {
    case .unreachable:
      return "Check that the domain points at the Closte server's IP address (`closte dns check \(domain)`)."
    case .timeout:
      return "The server did not answer in time. Check the domain's DNS records and that the site is up."
    case .handshakeFailed:
      return "No certificate was served for this name yet. Closte issues one 5-10 minutes after the domain "
        + "is added; make sure it is added (`closte domain add \(domain)`)."
    case .selfSigned, .untrusted:
      return "The certificate is not from a trusted authority. Closte issues a trusted one 5-10 minutes "
        + "after the domain is added and its DNS points at the server."
    case .wrongPurpose:
      return "The certificate is not one a web server may use (its extended key usage lacks serverAuth); browsers "
        + "refuse it. Check which certificate the server is configured with; Closte issues a server certificate "
        + "5-10 minutes after the domain is added."
    case .expired:
      return "The certificate has expired. Check that the domain still points at the Closte server, so "
        + "Closte can renew it."
    case .notYetValid:
      return "The certificate's validity starts in the future: check the server's clock, or wait."
    case .hostnameMismatch:
      return "The certificate is for other names. Closte issues one for this domain 5-10 minutes after "
        + "it is added; if the domain is behind a proxy, the proxy's certificate is served."
    }
  }
}

/// What `ssl check` found for one domain.
public struct SSLReport: Sendable {
  public var domain: String
  public var port: UInt16
  /// The address the check connected to (nil when it never connected).
  public var address: String?
  public var reason: SSLReason?
  /// The reason in words (the OpenSSL or socket error for a failed connection).
  public var message: String
  public var certificate: CertificateInfo?
  public var protocolVersion: String?
  /// Days until `not_after`, to the nearest whole day, from the check's clock (negative once expired).
  public var daysLeft: Int?

  public var valid: Bool { reason == nil }

  public init(
    domain: String, port: UInt16, address: String? = nil, reason: SSLReason?, message: String,
    certificate: CertificateInfo? = nil, protocolVersion: String? = nil, daysLeft: Int? = nil
  ) {
    self.domain = domain
    self.port = port
    self.address = address
    self.reason = reason
    self.message = message
    self.certificate = certificate
    self.protocolVersion = protocolVersion
    self.daysLeft = daysLeft
  }

  /// The fields a table shows by default.
  public static let defaultFields = [
    "domain", "valid", "reason", "days_left", "not_after", "issuer", "names", "protocol",
  ]

  /// The failure `ssl check` ends with when the certificate is not valid: code `ssl_<reason>`
  /// (`ssl_expired`, `ssl_hostname_mismatch`, ...), the message and the hint.
  public var error: ClosteError? {
    guard let reason else { return nil }
    return ClosteError(ErrorCode("ssl_" + reason.rawValue), message, hint: reason.hint(for: domain))
  }

  public var json: JSONObject {
    var object = JSONObject()
    object["domain"] = .string(domain)
    object["valid"] = .bool(valid)
    object["reason"] = reason.map { .string($0.rawValue) } ?? .null
    object["message"] = .string(message)
    object["days_left"] = daysLeft.map { .int($0) } ?? .null
    object["not_before"] = certificate?.notBefore.map { .string(UTCTime.iso8601($0)) } ?? .null
    object["not_after"] = certificate?.notAfter.map { .string(UTCTime.iso8601($0)) } ?? .null
    object["subject"] = certificate.map { .string($0.subject) } ?? .null
    object["issuer"] = certificate.map { .string($0.issuer) } ?? .null
    object["names"] = .array((certificate?.names ?? []).map { .string($0) })
    object["protocol"] = protocolVersion.map { .string($0) } ?? .null
    object["address"] = address.map { .string($0) } ?? .null
    object["port"] = .int(Int(port))
    object["hint"] = reason.map { .string($0.hint(for: domain)) } ?? .null
    return object
  }
}
