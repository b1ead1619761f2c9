import ClosteKit
import Foundation
import TLS
import Testing
import Values

/// `ssl check` names the certificate of the chain that is at fault, with its own dates.
@Suite struct SSLCheckChainTests {
  /// Before: "The certificate expired on <the leaf's date, in the future>."
  @Test func anExpiredIntermediateIsNamedWithItsOwnDate() async throws {
    let pki = try TestPKI()
    let issued = try pki.issueUnderIntermediate(
      "chained", names: ["chain.example.test"], intermediateStart: "20200101000000Z",
      intermediateEnd: "20200201000000Z")
    let server = try OpenSSLServer(cert: issued.cert, key: issued.key, extra: ["-cert_chain", issued.intermediate])
    defer { server.stop() }
    let report = try await SSLCheck(resolver: SystemHostResolver()).run(
      SSLCheckRequest(
        domain: "chain.example.test", port: server.port, timeout: 10, caFile: pki.caFile, connectTo: "127.0.0.1"))
    #expect(report.reason == .expired)
    #expect(report.message.contains("intermediate certificate"))
    #expect(report.message.contains("Closte Test Intermediate"))
    #expect(report.message.contains("expired on 2020-02-01"))
    let leafEnd = try #require(report.certificate?.notAfter)
    #expect(report.message.contains("itself is valid until \(UTCTime.iso8601(leafEnd))"))
  }
}
