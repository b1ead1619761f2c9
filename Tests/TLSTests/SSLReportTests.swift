import Foundation
import Testing
import Values

@testable import TLS

@Suite struct SSLReportTests {
  @Test(arguments: SSLReason.allCases)
  func aReasonIsAnErrorWithItsCodeAndAHintNamingTheDomain(reason: SSLReason) throws {
    let report = SSLReport(domain: "shop.example.com", port: 443, reason: reason, message: "Not valid.")
    let error = try #require(report.error)
    #expect(error.code.rawValue == "ssl_" + reason.rawValue)
    #expect(error.exitStatus == .failure)
    #expect(report.json["hint"] == .string(reason.hint(for: "shop.example.com")))
    #expect(!reason.hint(for: "shop.example.com").contains("<domain>"))
  }

  @Test func aValidReportIsNoError() {
    let report = SSLReport(domain: "shop.example.com", port: 443, reason: nil, message: "Valid.")
    #expect(report.error == nil)
    #expect(report.json["valid"] == .bool(true))
    #expect(report.json["hint"] == .null)
  }

  @Test(arguments: [
    (0.0, "1970-01-01T00:00:00Z"),
    (1_800_000_000.9, "2027-01-15T08:00:00Z"),
    (4_102_444_799, "2099-12-31T23:59:59Z"),
  ])
  func iso8601(seconds: Double, text: String) {
    #expect(UTCTime.iso8601(Timestamp(timeIntervalSince1970: seconds)) == text)
  }
}
