import Foundation
import TestSupport
import Testing

@testable import Sockets

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
    let port = try #require(LoopbackSocket.closedPort())
    let target = try #require(SocketAddress(ip: "127.0.0.1", port: port))
    #expect(throws: SocketFailure.self) {
      try Socket.connect(.stream, to: target, deadline: Deadline(secondsFromNow: 5))
    }
  }
}
