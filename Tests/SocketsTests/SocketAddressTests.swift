import Foundation
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
