#if canImport(Glibc)
  import Glibc
#endif

/// A connected, non-blocking socket, UDP or TCP, closed when released: the one place where the DNS
/// client and the TLS check make system calls on a socket. Every wait is a `poll` bounded by a
/// `Deadline`, so nothing here blocks past it.
public final class Socket {
  public enum Kind: Sendable {
    /// UDP. Connecting it makes the kernel report an ICMP "port unreachable" (as `unreachable`)
    /// and drop datagrams from anyone else.
    case datagram
    /// TCP.
    case stream
  }

  /// The descriptor, for a library that does its own reads and writes on it (OpenSSL's `SSL_set_fd`).
  public let descriptor: Int32
  private var closed = false

  private init(descriptor: Int32) { self.descriptor = descriptor }

  deinit { close() }

  /// Opens a socket and connects it to `address` before `deadline`: a non-blocking `connect`, then
  /// `poll` for writability and the pending error.
  public static func connect(_ kind: Kind, to address: SocketAddress, deadline: Deadline) throws(SocketFailure)
    -> Socket
  {
    _ = brokenPipesIgnored
    let domain = address.family == .ipv4 ? AF_INET : AF_INET6
    let type = Int32((kind == .datagram ? SOCK_DGRAM : SOCK_STREAM).rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    let descriptor = socket(domain, type, 0)
    guard descriptor >= 0 else { throw .from(errno, call: "socket") }
    let socket = Socket(descriptor: descriptor)
    let flags = fcntl(descriptor, F_GETFL, 0)
    guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else { throw .from(errno, call: "fcntl") }
    if address.withSockaddr({ Glibc.connect(descriptor, $0, $1) }) == 0 { return socket }
    let code = errno
    guard code == EINPROGRESS || code == EINTR else { throw .from(code, call: "connect") }
    try socket.wait(forWriting: true, deadline: deadline)
    var pending: Int32 = 0
    var length = socklen_t(MemoryLayout<Int32>.size)
    guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &pending, &length) == 0 else {
      throw .from(errno, call: "getsockopt")
    }
    if pending != 0 { throw .from(pending, call: "connect") }
    return socket
  }

  /// Sends all of `bytes` (one datagram for UDP).
  public func send(_ bytes: [UInt8], deadline: Deadline) throws(SocketFailure) {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes {
        Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      if sent >= 0 {
        offset += sent
        continue
      }
      let code = errno
      if code == EINTR { continue }
      guard code == EAGAIN || code == EWOULDBLOCK else { throw .from(code, call: "send") }
      try wait(forWriting: true, deadline: deadline)
    }
  }

  /// One datagram, or whatever bytes a stream has ready (at most `maximum`); waits until the deadline.
  public func receive(maximum: Int, deadline: Deadline) throws(SocketFailure) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: maximum)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, maximum, 0) }
      if count > 0 { return Array(buffer[0..<count]) }
      if count == 0 { throw .closed }
      let code = errno
      if code == EINTR { continue }
      guard code == EAGAIN || code == EWOULDBLOCK else { throw .from(code, call: "recv") }
      try wait(forWriting: false, deadline: deadline)
    }
  }

  /// Exactly `count` bytes from a stream.
  public func receiveExactly(_ count: Int, deadline: Deadline) throws(SocketFailure) -> [UInt8] {
    var bytes: [UInt8] = []
    while bytes.count < count { bytes += try receive(maximum: count - bytes.count, deadline: deadline) }
    return bytes
  }

  /// Waits until the socket can be read (or written) or the deadline passes.
  public func wait(forWriting: Bool, deadline: Deadline) throws(SocketFailure) {
    while true {
      let timeout = deadline.pollMilliseconds
      if timeout == 0 { throw .timedOut }
      var entry = pollfd(fd: descriptor, events: Int16(forWriting ? POLLOUT : POLLIN), revents: 0)
      let ready = poll(&entry, 1, timeout)
      if ready > 0 { return }
      if ready == 0 { throw .timedOut }
      let code = errno
      if code != EINTR { throw .from(code, call: "poll") }
    }
  }

  public func close() {
    guard !closed else { return }
    closed = true
    _ = Glibc.close(descriptor)
  }

  /// OpenSSL writes to a TLS socket with `write`, which raises SIGPIPE (and ends the process) when the
  /// peer has closed it; with the signal ignored, the write fails with EPIPE and is reported instead.
  private static let brokenPipesIgnored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()
}
