import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Why a socket operation failed, without `errno` leaking out of this file.
public enum SocketFailure: Error, Equatable, Sendable {
  /// The peer refused, or no route: nothing is listening there.
  case unreachable(String)
  /// The deadline passed.
  case timedOut
  /// Anything else the system reported.
  case failed(String)
}

/// A connected, non-blocking TCP socket. Every system call on it lives in this file.
public final class TCPSocket {
  public let descriptor: Int32
  public let peer: SocketAddress
  private var closed = false

  private init(descriptor: Int32, peer: SocketAddress) {
    self.descriptor = descriptor
    self.peer = peer
  }

  deinit { close() }

  /// Connects to `address` before `deadline`: a non-blocking `connect`, then `poll` for writability.
  public static func connect(to address: SocketAddress, deadline: Deadline) throws(SocketFailure) -> TCPSocket {
    _ = brokenPipesIgnored
    let domain = address.family == .ipv4 ? AF_INET : AF_INET6
    let descriptor = socket(domain, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { throw .failed("socket: \(lastError())") }
    let socket = TCPSocket(descriptor: descriptor, peer: address)
    let flags = fcntl(descriptor, F_GETFL, 0)
    guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else {
      throw .failed("fcntl: \(lastError())")
    }
    let result = address.withSockaddr { Glibc.connect(descriptor, $0, $1) }
    if result == 0 { return socket }
    let code = errno
    guard code == EINPROGRESS || code == EINTR else { throw classify(code) }
    try socket.wait(forWriting: true, deadline: deadline)
    var pending: Int32 = 0
    var length = socklen_t(MemoryLayout<Int32>.size)
    guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &pending, &length) == 0 else {
      throw .failed("getsockopt: \(lastError())")
    }
    if pending != 0 { throw classify(pending) }
    return socket
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
      if code == EINTR { continue }
      throw .failed("poll: \(describe(code))")
    }
  }

  public func close() {
    guard !closed else { return }
    closed = true
    _ = Glibc.close(descriptor)
  }

  /// OpenSSL writes to the socket with `write`, which raises SIGPIPE (and ends the process) when the
  /// peer has closed it; with the signal ignored, the write fails with EPIPE and is reported instead.
  private static let brokenPipesIgnored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

  private static func classify(_ code: Int32) -> SocketFailure {
    switch code {
    case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, ECONNRESET, EADDRNOTAVAIL, EAFNOSUPPORT:
      return .unreachable(describe(code))
    case ETIMEDOUT: return .timedOut
    default: return .failed(describe(code))
    }
  }
}

private func lastError() -> String { describe(errno) }

private func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
