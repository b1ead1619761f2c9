import Testing

@testable import TLS

@Suite struct HostnameMatchTests {
  @Test(arguments: [
    ("example.com", "example.com", true),
    ("EXAMPLE.com", "example.COM", true),
    ("example.com.", "example.com", true),
    ("www.example.com", "example.com", false),
    ("a.example.com", "*.example.com", true),
    ("example.com", "*.example.com", false),
    ("a.b.example.com", "*.example.com", false),
    (".example.com", "*.example.com", false),
    ("a.example.com", "a*.example.com", false),
    ("a.example.com", "*.*.com", false),
    ("example.com", "*.com", false),
    ("a.example.com", "*", false),
    ("a.example.com", "a.*.com", false),
    ("*.example.com", "*.example.com", false),
    ("", "example.com", false),
  ])
  func pattern(host: String, pattern: String, matches: Bool) {
    #expect(HostnameMatch.matches(host: host, pattern: pattern) == matches)
  }

  @Test func commonNameCountsOnlyWithoutAlternativeNames() {
    var certificate = CertificateInfo(
      subject: "CN=old.example.com", issuer: "CN=CA", commonNames: ["old.example.com"], dnsNames: nil,
      notBefore: nil, notAfter: nil)
    #expect(HostnameMatch.matches(host: "old.example.com", certificate: certificate))
    certificate.dnsNames = ["new.example.com"]
    #expect(!HostnameMatch.matches(host: "old.example.com", certificate: certificate))
    #expect(HostnameMatch.matches(host: "new.example.com", certificate: certificate))
  }

  @Test func ipAddressesMatchOnlyIPAlternativeNames() {
    let certificate = CertificateInfo(
      subject: "CN=127.0.0.1", issuer: "CN=CA", commonNames: ["127.0.0.1"], dnsNames: ["127.0.0.1"],
      ipAddresses: ["127.0.0.1"], notBefore: nil, notAfter: nil)
    #expect(HostnameMatch.matches(host: "127.0.0.1", certificate: certificate))
    #expect(!HostnameMatch.matches(host: "127.0.0.2", certificate: certificate))
  }
}

/// OpenSSL's `X509_V_ERR_*` numbers (x509_vfy.h), as a verification reports them.
private enum VerifyError {
  static let notYetValid: Int32 = 9
  static let expired: Int32 = 10
  static let selfSigned: Int32 = 18
  static let issuerNotLocal: Int32 = 20
  static let leafSignature: Int32 = 21
}

@Suite struct SSLVerdictTests {
  @Test(arguments: [
    ([Int32](), true, SSLReason?.none),
    ([], false, .hostnameMismatch),
    ([VerifyError.expired], false, .expired),
    ([VerifyError.notYetValid], true, .notYetValid),
    ([VerifyError.selfSigned, VerifyError.expired], true, .selfSigned),
    ([VerifyError.expired, VerifyError.issuerNotLocal], true, .untrusted),
    ([VerifyError.leafSignature], true, .untrusted),
  ])
  func reason(errors: [Int32], hostnameMatches: Bool, expected: SSLReason?) {
    #expect(SSLVerdict.reason(verifyErrors: errors, hostnameMatches: hostnameMatches) == expected)
  }
}
