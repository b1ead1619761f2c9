import Sockets

/// How DNS messages travel. The resolver's retry and fallback logic sees only this, so unit tests
/// can hand it a scripted server; `SocketTransport` is the real one.
public protocol DNSTransport: Sendable {
  /// Sends `query` in one datagram and returns the first datagram back that `accept` takes
  /// (others, such as an answer to an earlier try, are dropped). Throws `SocketFailure.timedOut` at the deadline.
  func exchangeUDP(
    _ query: [UInt8], with server: DNSServerAddress, deadline: Deadline, accept: ([UInt8]) -> Bool
  ) throws -> [UInt8]

  /// Sends `query` over TCP with its two-byte length prefix (RFC 1035 §4.2.2) and returns the answer.
  func exchangeTCP(_ query: [UInt8], with server: DNSServerAddress, deadline: Deadline) throws -> [UInt8]
}

/// The real transport, over a `Socket` connected to the server.
public struct SocketTransport: DNSTransport {
  /// Without EDNS a UDP answer is at most 512 bytes; reading more is harmless.
  package static let maximumDatagram = 65535
  /// `--connect-timeout`'s default: the bound of a TCP connect, within the exchange's own deadline.
  public static let defaultConnectTimeout = 10.0

  public var connectTimeout: Double

  public init(connectTimeout: Double = defaultConnectTimeout) { self.connectTimeout = connectTimeout }

  public func exchangeUDP(
    _ query: [UInt8], with server: DNSServerAddress, deadline: Deadline, accept: ([UInt8]) -> Bool
  ) throws -> [UInt8] {
    let socket = try Socket.connect(.datagram, to: server.socketAddress, deadline: deadline)
    try socket.send(query, deadline: deadline)
    while true {
      let datagram = try socket.receive(maximum: SocketTransport.maximumDatagram, deadline: deadline)
      if accept(datagram) { return datagram }
    }
  }

  public func exchangeTCP(_ query: [UInt8], with server: DNSServerAddress, deadline: Deadline) throws -> [UInt8] {
    let socket = try Socket.connect(
      .stream, to: server.socketAddress, deadline: deadline.capped(atSecondsFromNow: connectTimeout))
    var writer = DNSWriter(compress: false)
    writer.writeLengthPrefixed { $0.write(bytes: query) }
    try socket.send(writer.bytes, deadline: deadline)
    let prefix = try socket.receiveExactly(2, deadline: deadline)
    let length = Int(prefix[0]) << 8 | Int(prefix[1])
    return try socket.receiveExactly(length, deadline: deadline)
  }
}

extension DNSServerAddress {
  /// Where the transport connects.
  fileprivate var socketAddress: SocketAddress {
    let bytes = address.bytes
    return SocketAddress(family: bytes.count == 4 ? .ipv4 : .ipv6, bytes: bytes, port: port)
  }
}
