import COpenSSLLoader
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// Turns what the handshake showed into the one reason `ssl check` reports. The order is the order
/// of what to fix first: a certificate nobody trusts, then its dates, then its names.
public enum SSLVerdict {
  public static func reason(verifyErrors: [Int32], hostnameMatches: Bool) -> SSLReason? {
    let reasons = Set(verifyErrors.map(reason(forVerifyError:)))
    for candidate in [SSLReason.selfSigned, .untrusted, .wrongPurpose, .expired, .notYetValid]
    where reasons.contains(candidate) {
      return candidate
    }
    return hostnameMatches ? nil : .hostnameMismatch
  }

  /// One `X509_V_ERR_*` code as a reason.
  public static func reason(forVerifyError code: Int32) -> SSLReason {
    switch code {
    case Int32(CLOSTE_X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT): return .selfSigned
    case Int32(CLOSTE_X509_V_ERR_CERT_HAS_EXPIRED): return .expired
    case Int32(CLOSTE_X509_V_ERR_CERT_NOT_YET_VALID): return .notYetValid
    case Int32(CLOSTE_X509_V_ERR_INVALID_PURPOSE): return .wrongPurpose
    default: return .untrusted
    }
  }

  /// The sentence that goes with a verdict. `outdatedIssuer` is a certificate above the leaf that is
  /// out of its validity period: when the leaf itself is in its period, that one is named, with its
  /// own dates (the leaf's would say the opposite of the truth).
  public static func message(
    for reason: SSLReason?, domain: String, certificate: CertificateInfo, daysLeft: Int?,
    outdatedIssuer: CertificateInfo? = nil, leafInPeriod: Bool = false
  ) -> String {
    let until = certificate.notAfter.map(UTCTime.iso8601) ?? "?"
    let issuer = leafInPeriod ? outdatedIssuer : nil
    let issuerKind = issuer.map { $0.subject == $0.issuer ? "root certificate" : "intermediate certificate" } ?? ""
    switch reason {
    case nil:
      return "The certificate is valid for \(domain) until \(until) (\(daysLeft ?? 0) days left)."
    case .expired? where issuer != nil:
      return
        "The \(issuerKind) \(issuer?.subject ?? "") in the chain expired on "
        + "\(issuer?.notAfter.map(UTCTime.iso8601) ?? "?"); the certificate for \(domain) itself is valid until \(until)."
    case .expired?:
      return "The certificate expired on \(until)."
    case .notYetValid? where issuer != nil:
      return
        "The \(issuerKind) \(issuer?.subject ?? "") in the chain is not valid before "
        + "\(issuer?.notBefore.map(UTCTime.iso8601) ?? "?"); the certificate for \(domain) itself is valid until \(until)."
    case .notYetValid?:
      return "The certificate is not valid before \(certificate.notBefore.map(UTCTime.iso8601) ?? "?")."
    case .selfSigned?:
      return "The certificate is self-signed (\(certificate.subject))."
    case .untrusted?:
      return "The certificate's issuer (\(certificate.issuer)) is not a trusted authority."
    case .wrongPurpose?:
      return "The certificate is not for a TLS server: its extended key usage allows only other purposes "
        + "(client authentication, say)."
    case .hostnameMismatch?:
      let names = certificate.names.joined(separator: ", ")
      return "The certificate does not cover \(domain); it is for \(names.isEmpty ? "no names" : names)."
    case .unreachable?, .timeout?, .handshakeFailed?:
      return "No certificate."
    }
  }
}
