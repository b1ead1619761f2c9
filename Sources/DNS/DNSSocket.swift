import Sockets

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One socket to one DNS server, UDP or TCP, closed when released.
package final class DNSSocket {
  private let fd: Int32

  package enum Kind { case udp, tcp }

  /// Opens a socket and connects it to `server` (for UDP, connecting makes the kernel report an
  /// ICMP "port unreachable" as `refused`, and drop datagrams from anyone else).
  package init(_ kind: Kind, to server: DNSServerAddress, deadline: Deadline) throws {
    let family = server.address.bytes.count == 4 ? AF_INET : AF_INET6
    #if canImport(Glibc)
      let type = Int32(kind == .udp ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue)
    #else
      let type = kind == .udp ? SOCK_DGRAM : SOCK_STREAM
    #endif
    fd = socket(family, type, 0)
    guard fd >= 0 else { throw SocketError.fromErrno("socket") }
    do {
      let flags = fcntl(fd, F_GETFL)
      guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else { throw SocketError.fromErrno("fcntl") }
      try connect(to: server, deadline: deadline)
    } catch {
      close(fd)
      throw error
    }
  }

  deinit { close(fd) }

  private func connect(to server: DNSServerAddress, deadline: Deadline) throws {
    let bytes = server.address.bytes
    let address = SocketAddress(family: bytes.count == 4 ? .ipv4 : .ipv6, bytes: bytes, port: server.port)
    let result = address.withSockaddr { address, length in
      #if canImport(Glibc)
        Glibc.connect(fd, address, length)
      #else
        Darwin.connect(fd, address, length)
      #endif
    }
    if result == 0 { return }
    guard errno == EINPROGRESS else { throw SocketError.fromErrno("connect") }
    try wait(for: Int16(POLLOUT), until: deadline)
    var error: Int32 = 0
    var length = socklen_t(MemoryLayout<Int32>.size)
    guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else { throw SocketError.fromErrno("getsockopt") }
    if error == ECONNREFUSED { throw SocketError.refused }
    if error != 0 { throw SocketError.system(call: "connect", reason: String(cString: strerror(error))) }
  }

  /// Sends all of `bytes` (one datagram for UDP).
  package func send(_ bytes: [UInt8], deadline: Deadline) throws {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes { buffer in
        #if canImport(Glibc)
          Glibc.send(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
        #else
          Darwin.send(fd, buffer.baseAddress, buffer.count, 0)
        #endif
      }
      if sent >= 0 {
        offset += sent
        continue
      }
      if errno == EINTR { continue }
      guard errno == EAGAIN || errno == EWOULDBLOCK else { throw SocketError.fromErrno("send") }
      try wait(for: Int16(POLLOUT), until: deadline)
    }
  }

  /// One datagram, or whatever bytes a stream has ready (at most `maximum`); waits until the deadline.
  package func receive(maximum: Int, deadline: Deadline) throws -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: maximum)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, maximum, 0) }
      if count > 0 { return Array(buffer[0..<count]) }
      if count == 0 { throw SocketError.closed }
      if errno == EINTR { continue }
      guard errno == EAGAIN || errno == EWOULDBLOCK else { throw SocketError.fromErrno("recv") }
      try wait(for: Int16(POLLIN), until: deadline)
    }
  }

  /// Exactly `count` bytes from a stream.
  package func receiveExactly(_ count: Int, deadline: Deadline) throws -> [UInt8] {
    var bytes: [UInt8] = []
    while bytes.count < count { bytes += try receive(maximum: count - bytes.count, deadline: deadline) }
    return bytes
  }

  private func wait(for events: Int16, until deadline: Deadline) throws {
    while true {
      var descriptor = pollfd(fd: fd, events: events, revents: 0)
      let ready = poll(&descriptor, 1, deadline.pollMilliseconds)
      if ready > 0 { return }
      if ready == 0 { throw SocketError.timedOut }
      guard errno == EINTR else { throw SocketError.fromErrno("poll") }
    }
  }
}
