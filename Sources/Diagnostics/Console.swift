import Synchronization
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// Where bytes go: standard output, standard error, or a buffer in tests.
public protocol OutputSink: AnyObject, Sendable {
  func write(_ bytes: [UInt8])
  /// Whether this sink is an interactive terminal (decides WP-CLI's boxed table and live progress).
  var isTerminal: Bool { get }
  /// Whether the reader went away (EPIPE): what is written now is lost, and the process should end
  /// with a failure rather than carry on as if it had been heard.
  var isClosed: Bool { get }
}

extension OutputSink {
  /// The text's bytes; a byte of a PHP string that was not UTF-8 is written back as it was.
  public func write(_ text: String) { write(PHPBytes.bytes(text)) }
  public var isClosed: Bool { false }
}

/// A file descriptor of the process (1 or 2).
public final class FileDescriptorSink: OutputSink, @unchecked Sendable {
  private let fd: Int32
  /// Set once a write met EPIPE (the reader went away): nothing more is written.
  private let closed = Mutex(false)
  public let isTerminal: Bool

  public init(fd: Int32) {
    self.fd = fd
    self.isTerminal = isatty(fd) == 1
  }

  public func write(_ bytes: [UInt8]) {
    closed.withLock { closed in
      guard !closed else { return }
      if !writeAll(fd, bytes) && errno == EPIPE { closed = true }
    }
  }

  public var isClosed: Bool {
    closed.withLock { $0 }
  }
}

/// Collects what was written, for tests and for capturing a command's output in rpc mode.
public final class BufferSink: OutputSink, @unchecked Sendable {
  private let storage = Mutex<[UInt8]>([])
  public let isTerminal: Bool

  public init(isTerminal: Bool = false) { self.isTerminal = isTerminal }

  public func write(_ bytes: [UInt8]) {
    storage.withLock { $0 += bytes }
  }

  public var bytes: [UInt8] {
    storage.withLock { $0 }
  }

  public var text: String { String(decoding: bytes, as: UTF8.self) }
}
