import Testing

@testable import DNS

@Suite struct IPAddressTests {
  @Test(arguments: [
    ("203.0.113.10", "203.0.113.10"), ("0.0.0.0", "0.0.0.0"), ("2001:db8::1", "2001:db8::1"),
    ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"), ("::", "::"), ("::1", "::1"),
    ("[2001:db8::10]", "2001:db8::10"), ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
    ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"), ("::ffff:192.0.2.1", "::ffff:c000:201"),
    ("fe80::", "fe80::"),
  ])
  func parsesAndPrints(text: String, printed: String) throws {
    #expect(try #require(IPAddress(text)).description == printed)
  }

  @Test(arguments: [
    "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "::1::", "1:2:3:4:5:6:7:8:9", "12345::",
    "g::1", "1:2:3:4:5:6:7", "example.com", ":1:2:3:4:5:6:7", "[1.2.3.4]",
  ])
  func refusesNonAddresses(text: String) {
    #expect(IPAddress(text) == nil)
  }

  @Test(arguments: [
    ("104.16.0.0/13", "104.23.255.255", true), ("104.16.0.0/13", "104.24.0.0", false),
    ("2606:4700::/32", "2606:4700:3033::ac43:a1e1", true), ("2606:4700::/32", "2606:4701::1", false),
    ("0.0.0.0/0", "8.8.8.8", true), ("192.0.2.1/32", "192.0.2.1", true), ("192.0.2.0/24", "2001:db8::1", false),
  ])
  func rangesContainAddresses(range: String, address: String, inside: Bool) throws {
    let range = try #require(IPRange(range))
    #expect(range.contains(try #require(IPAddress(address))) == inside)
  }

  @Test func everyCloudflareRangeParses() {
    #expect(CloudflareRanges.ranges.count == CloudflareRanges.ipv4.count + CloudflareRanges.ipv6.count)
    #expect(CloudflareRanges.contains(IPAddress("172.67.1.1")!))
    #expect(CloudflareRanges.contains(IPAddress("2a06:98c1::1")!))
    #expect(!CloudflareRanges.contains(IPAddress("203.0.113.10")!))
  }

  @Test(arguments: [
    ("192.0.2.53", "192.0.2.53:53"), ("192.0.2.53:5353", "192.0.2.53:5353"), ("2001:db8::53", "[2001:db8::53]:53"),
    ("[2001:db8::53]", "[2001:db8::53]:53"), ("[::1]:5300", "[::1]:5300"),
  ])
  func parsesResolverOption(text: String, printed: String) throws {
    #expect(try #require(DNSServerAddress(text)).description == printed)
  }

  @Test(arguments: [
    "dns.google", "1.2.3.4:", "1.2.3.4:0", "1.2.3.4:65536", "[::1", "[::1]:x", "[1.2.3.4]:53", "::1]:53",
  ])
  func refusesBadResolverOption(text: String) {
    #expect(DNSServerAddress(text) == nil)
  }
}
