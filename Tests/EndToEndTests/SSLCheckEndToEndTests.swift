import ClosteKit
import Diagnostics
import Foundation
import TLS
import Testing
import Values

/// `ssl check` against `openssl s_server` on loopback, with certificates the test makes.
@Suite struct SSLCheckEndToEndTests {
  enum Certificate: String, CaseIterable, Sendable {
    case valid, expired, notYetValid, wrongHost, selfSigned, wildcard, wildcardApex, wildcardTwoLabels
    case expiringSoon, otherAuthority, tls12Only, tls13Only, clientCertificateRequired, clientAuthOnly
    case serverAndClientAuth
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var certificate: Certificate
    var domain: String
    var reason: SSLReason?
    var protocolVersion: String? = nil
    var testDescription: String { certificate.rawValue }
  }

  static let cases: [Case] = [
    Case(certificate: .valid, domain: "shop.example.test", reason: nil),
    Case(certificate: .expired, domain: "expired.example.test", reason: .expired),
    Case(certificate: .notYetValid, domain: "future.example.test", reason: .notYetValid),
    Case(certificate: .wrongHost, domain: "other.example.test", reason: .hostnameMismatch),
    Case(certificate: .selfSigned, domain: "self.example.test", reason: .selfSigned),
    Case(certificate: .wildcard, domain: "a.wild.example.test", reason: nil),
    Case(certificate: .wildcardApex, domain: "wild.example.test", reason: .hostnameMismatch),
    Case(certificate: .wildcardTwoLabels, domain: "a.b.wild.example.test", reason: .hostnameMismatch),
    Case(certificate: .expiringSoon, domain: "soon.example.test", reason: nil),
    Case(certificate: .otherAuthority, domain: "shop.example.test", reason: .untrusted),
    Case(certificate: .tls12Only, domain: "shop.example.test", reason: nil, protocolVersion: "TLSv1.2"),
    Case(certificate: .tls13Only, domain: "shop.example.test", reason: nil, protocolVersion: "TLSv1.3"),
    Case(certificate: .clientCertificateRequired, domain: "shop.example.test", reason: .handshakeFailed),
    Case(certificate: .clientAuthOnly, domain: "shop.example.test", reason: .wrongPurpose),
    Case(certificate: .serverAndClientAuth, domain: "shop.example.test", reason: nil),
  ]

  /// Makes the certificate of `kind` and starts a server for it.
  static func serve(_ kind: Certificate, pki: TestPKI) throws -> (OpenSSLServer, cert: String) {
    let names = ["shop.example.test", "www.shop.example.test"]
    let issued: (cert: String, key: String)
    var extra: [String] = []
    switch kind {
    case .valid, .wrongHost: issued = try pki.issue("valid", names: names)
    case .expired:
      issued = try pki.issue(
        "expired", names: ["expired.example.test"], start: "20200101000000Z", end: "20200201000000Z")
    case .notYetValid:
      issued = try pki.issue(
        "future", names: ["future.example.test"], start: "20400101000000Z", end: "20410101000000Z")
    case .selfSigned: issued = try pki.selfSigned("self", names: ["self.example.test"])
    case .wildcard, .wildcardApex, .wildcardTwoLabels:
      issued = try pki.issue("wild", names: ["*.wild.example.test"])
    case .expiringSoon: issued = try pki.issue("soon", names: ["soon.example.test"], days: 5)
    case .otherAuthority:
      let other = try TestPKI()
      issued = try other.issue("valid", names: names)
      // Keep the files: copy them into this PKI's folder before `other` is removed.
      let cert = pki.path("other.pem")
      let key = pki.path("other.key")
      try FileManager.default.copyItem(atPath: issued.cert, toPath: cert)
      try FileManager.default.copyItem(atPath: issued.key, toPath: key)
      return (try OpenSSLServer(cert: cert, key: key), cert)
    case .tls12Only:
      issued = try pki.issue("valid", names: names)
      extra = ["-tls1_2"]
    case .tls13Only:
      issued = try pki.issue("valid", names: names)
      extra = ["-tls1_3"]
    case .clientCertificateRequired:
      issued = try pki.issue("valid", names: names)
      extra = ["-tls1_2", "-Verify", "1"]
    case .clientAuthOnly:
      issued = try pki.issue("client", names: names, extensions: ["extendedKeyUsage=clientAuth"])
    case .serverAndClientAuth:
      issued = try pki.issue("both", names: names, extensions: ["extendedKeyUsage=serverAuth,clientAuth"])
    }
    return (try OpenSSLServer(cert: issued.cert, key: issued.key, extra: extra), issued.cert)
  }

  static func check(_ domain: String, port: UInt16, caFile: String?, timeout: Double = 10) async throws -> SSLReport {
    try await SSLCheck(resolver: SystemHostResolver()).run(
      SSLCheckRequest(domain: domain, port: port, timeout: timeout, caFile: caFile, connectTo: "127.0.0.1"))
  }

  @Test(arguments: cases)
  func verdict(_ testCase: Case) async throws {
    let pki = try TestPKI()
    let (server, cert) = try Self.serve(testCase.certificate, pki: pki)
    defer { server.stop() }
    let report = try await Self.check(testCase.domain, port: server.port, caFile: pki.caFile)
    #expect(report.reason == testCase.reason, "\(report.message)")
    #expect(report.valid == (testCase.reason == nil))
    if testCase.reason != .handshakeFailed {
      #expect(report.certificate?.notAfter == (try TestPKI.notAfter(of: cert)))
      #expect(report.address == "127.0.0.1:\(server.port)")
    }
    if let version = testCase.protocolVersion { #expect(report.protocolVersion == version) }
  }

  @Test func reportsNamesDatesAndDaysLeft() async throws {
    let pki = try TestPKI()
    let (server, cert) = try Self.serve(.expiringSoon, pki: pki)
    defer { server.stop() }
    let report = try await Self.check("SOON.example.test", port: server.port, caFile: pki.caFile)
    #expect(report.valid)
    #expect(report.daysLeft == 5)
    #expect(report.certificate?.names == ["soon.example.test"])
    #expect(report.certificate?.subject == "CN=soon.example.test")
    #expect(report.certificate?.issuer == "O=Closte Test, CN=Closte Test CA")
    let expected = try #require(try TestPKI.notAfter(of: cert))
    #expect(report.json["not_after"] == .string(UTCTime.iso8601(expected)))
    #expect(report.json["hint"] == .null)
  }

  @Test func withoutTheCAFileTheCertificateIsUntrusted() async throws {
    let pki = try TestPKI()
    let (server, _) = try Self.serve(.valid, pki: pki)
    defer { server.stop() }
    let report = try await Self.check("shop.example.test", port: server.port, caFile: nil)
    #expect(report.reason == .untrusted)
    #expect(report.json["hint"] != .null)
  }

  @Test func aPortThatNeverSpeaksTLSTimesOut() async throws {
    let listener = try SilentListener()
    defer { listener.stop() }
    let started = ContinuousClock.now
    let report = try await Self.check("shop.example.test", port: listener.port, caFile: nil, timeout: 1)
    #expect(report.reason == .timeout)
    #expect(ContinuousClock.now - started < .seconds(20))
  }

  @Test func aClosedPortIsUnreachable() async throws {
    let port = try SilentListener.closedPort()
    let report = try await Self.check("shop.example.test", port: port, caFile: nil, timeout: 5)
    #expect(report.reason == .unreachable)
    #expect(report.certificate == nil)
  }

  @Test func anUnreadableCAFileIsAUsageError() async throws {
    let error = await #expect(throws: ClosteError.self) {
      try await Self.check("shop.example.test", port: 443, caFile: "/nonexistent/ca.pem")
    }
    #expect(error?.code == .caFileUnreadable)
    #expect(error?.exitStatus == .usage)
  }

  @Test func aNameThatDoesNotResolveIsUnreachable() async throws {
    let report = try await SSLCheck(resolver: SystemHostResolver()).run(
      SSLCheckRequest(domain: "no-such-host.invalid", port: 443, timeout: 5))
    #expect(report.reason == .unreachable)
  }
}
