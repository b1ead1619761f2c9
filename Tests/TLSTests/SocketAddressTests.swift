import Foundation
import Testing
import Values

@testable import Sockets
@testable import TLS

@Suite struct SocketAddressTests {
  @Test(arguments: [
    ("127.0.0.1", "127.0.0.1", "127.0.0.1:443"),
    ("::1", "::1", "[::1]:443"),
    ("[2001:db8::10]", "2001:db8::10", "[2001:db8::10]:443"),
    ("2001:DB8:0:0:0:0:0:10", "2001:db8::10", "[2001:db8::10]:443"),
  ])
  func parses(text: String, ip: String, description: String) throws {
    let address = try #require(SocketAddress(ip: text, port: 443))
    #expect(address.ip == ip)
    #expect(address.description == description)
  }

  @Test(arguments: ["shop.example.com", "", "256.1.1.1", "1.2.3", "[::1", "::g"])
  func rejects(text: String) {
    #expect(SocketAddress(ip: text, port: 443) == nil)
  }

  @Test func aTCPConnectionToAClosedLoopbackPortIsUnreachable() throws {
    // Bind a port, then let it go: nothing listens there.
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(descriptor, pointer, length) == 0 ? getsockname(descriptor, pointer, &length) : -1
      }
    }
    close(descriptor)
    let target = try #require(SocketAddress(ip: "127.0.0.1", port: UInt16(bigEndian: address.sin_port)))
    #expect(throws: SocketFailure.self) {
      try Socket.connect(.stream, to: target, deadline: Deadline(secondsFromNow: 5))
    }
  }
}

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
