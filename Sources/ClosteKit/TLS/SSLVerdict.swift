import COpenSSL
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Turns what the handshake showed into the one reason `ssl check` reports. The order is the order
/// of what to fix first: a certificate nobody trusts, then its dates, then its names.
public enum SSLVerdict {
  public static func reason(verifyErrors: [Int32], hostnameMatches: Bool) -> SSLReason? {
    let reasons = Set(verifyErrors.map(reason(forVerifyError:)))
    for candidate in [SSLReason.selfSigned, .untrusted, .expired, .notYetValid] where reasons.contains(candidate) {
      return candidate
    }
    return hostnameMatches ? nil : .hostnameMismatch
  }

  /// One `X509_V_ERR_*` code as a reason.
  public static func reason(forVerifyError code: Int32) -> SSLReason {
    switch code {
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT: return .selfSigned
    case X509_V_ERR_CERT_HAS_EXPIRED: return .expired
    case X509_V_ERR_CERT_NOT_YET_VALID: return .notYetValid
    default: return .untrusted
    }
  }

  /// The sentence that goes with a verdict.
  public static func message(
    for reason: SSLReason?, domain: String, certificate: CertificateInfo, daysLeft: Int?
  ) -> String {
    let until = certificate.notAfter.map(ISO8601.utc) ?? "?"
    switch reason {
    case nil:
      return "The certificate is valid for \(domain) until \(until) (\(daysLeft ?? 0) days left)."
    case .expired?:
      return "The certificate expired on \(until)."
    case .notYetValid?:
      return "The certificate is not valid before \(certificate.notBefore.map(ISO8601.utc) ?? "?")."
    case .selfSigned?:
      return "The certificate is self-signed (\(certificate.subject))."
    case .untrusted?:
      return "The certificate's issuer (\(certificate.issuer)) is not a trusted authority."
    case .hostnameMismatch?:
      let names = certificate.names.joined(separator: ", ")
      return "The certificate does not cover \(domain); it is for \(names.isEmpty ? "no names" : names)."
    case .unreachable?, .timeout?, .handshakeFailed?:
      return "No certificate."
    }
  }
}
