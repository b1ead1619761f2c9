import Foundation
import TestSupport
import Testing

@testable import Sockets

/// The one socket layer of DNS and TLS, against real sockets on loopback: each failure is the
/// `SocketFailure` the resolver and the TLS check tell apart.
@Suite struct SocketTests {
  /// A socket of `type` bound to 127.0.0.1 on a port the system picks, and that port.
  private func bound(_ type: __socket_type, listening: Bool = false) throws -> (descriptor: Int32, port: UInt16) {
    try #require(LoopbackSocket.bind(type, listening: listening ? 4 : nil))
  }

  private func loopback(_ port: UInt16) throws -> SocketAddress {
    try #require(SocketAddress(ip: "127.0.0.1", port: port))
  }

  @Test func aDatagramToAPortWhereNothingListensIsUnreachable() throws {
    let port = try #require(LoopbackSocket.closedPort(SOCK_DGRAM))
    let socket = try Socket.connect(.datagram, to: loopback(port), deadline: Deadline(secondsFromNow: 5))
    try socket.send([1, 2, 3], deadline: Deadline(secondsFromNow: 5))
    // The kernel's ICMP "port unreachable" comes back as the connected socket's error.
    #expect(throws: SocketFailure.unreachable("connection refused")) {
      try socket.receive(maximum: 512, deadline: Deadline(secondsFromNow: 5))
    }
  }

  @Test func aSilentDatagramPeerTimesOutAtTheDeadline() throws {
    let (descriptor, port) = try bound(SOCK_DGRAM)
    defer { close(descriptor) }
    let socket = try Socket.connect(.datagram, to: loopback(port), deadline: Deadline(secondsFromNow: 5))
    try socket.send([1, 2, 3], deadline: Deadline(secondsFromNow: 5))
    #expect(throws: SocketFailure.timedOut) {
      try socket.receive(maximum: 512, deadline: Deadline(secondsFromNow: 0.2))
    }
  }

  @Test func aStreamThatEndsBeforeTheAwaitedBytesIsClosed() throws {
    let (listener, port) = try bound(SOCK_STREAM, listening: true)
    defer { close(listener) }
    let socket = try Socket.connect(.stream, to: loopback(port), deadline: Deadline(secondsFromNow: 5))
    let accepted = accept(listener, nil, nil)
    try #require(accepted >= 0)
    _ = [UInt8]([0]).withUnsafeBytes { write(accepted, $0.baseAddress, 1) }
    close(accepted)
    #expect(throws: SocketFailure.closed) { try socket.receiveExactly(2, deadline: Deadline(secondsFromNow: 5)) }
  }

  @Test func aStreamCarriesBytesBothWays() throws {
    let (listener, port) = try bound(SOCK_STREAM, listening: true)
    defer { close(listener) }
    let socket = try Socket.connect(.stream, to: loopback(port), deadline: Deadline(secondsFromNow: 5))
    let accepted = accept(listener, nil, nil)
    try #require(accepted >= 0)
    defer { close(accepted) }
    try socket.send(Array("ping".utf8), deadline: Deadline(secondsFromNow: 5))
    var buffer = [UInt8](repeating: 0, count: 4)
    #expect(buffer.withUnsafeMutableBytes { read(accepted, $0.baseAddress, 4) } == 4)
    #expect(buffer == Array("ping".utf8))
    _ = Array("pong".utf8).withUnsafeBytes { write(accepted, $0.baseAddress, 4) }
    #expect(try socket.receiveExactly(4, deadline: Deadline(secondsFromNow: 5)) == Array("pong".utf8))
  }

  @Test func aPassedDeadlineEndsAWaitAtOnce() throws {
    let (listener, port) = try bound(SOCK_STREAM, listening: true)
    defer { close(listener) }
    let socket = try Socket.connect(.stream, to: loopback(port), deadline: Deadline(secondsFromNow: 5))
    #expect(throws: SocketFailure.timedOut) {
      try socket.wait(forWriting: false, deadline: Deadline(secondsFromNow: 0))
    }
  }
}
