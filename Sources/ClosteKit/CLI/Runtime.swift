import FoundationEssentials
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// What a closte process has to work with: its environment, its standard streams, the clock, and
/// per-process caches. Tests build one with buffers and a virtual clock; `closte/main.swift` builds
/// the real one. Shared by every request of an rpc stream.
public final class Runtime: @unchecked Sendable {
  public let environment: [String: String]
  /// The working directory; empty when it no longer exists (deleted or moved away).
  public let currentDirectory: String
  /// Standard output and standard error, behind the scrubber: whatever is written here is scrubbed.
  public let stdout: ScrubbingSink
  public let stderr: ScrubbingSink
  public let stdin: InputSource
  public let clock: ClosteClock
  public let redactor: SecretRedactor
  public let configCache: WPConfigCache

  public init(
    environment: [String: String], currentDirectory: String, stdout: OutputSink, stderr: OutputSink,
    stdin: InputSource, clock: ClosteClock = SystemClock(), redactor: SecretRedactor = SecretRedactor()
  ) {
    self.environment = environment
    self.currentDirectory = currentDirectory
    self.stdout = stdout as? ScrubbingSink ?? ScrubbingSink(stdout, redactor: redactor)
    self.stderr = stderr as? ScrubbingSink ?? ScrubbingSink(stderr, redactor: redactor)
    self.stdin = stdin
    self.clock = clock
    self.redactor = redactor
    self.configCache = WPConfigCache()
    if let key = environment["CLOSTE_CLIENT_API_KEY"] { redactor.register(key) }
    // CLOSTE_API_URL, or a proxy variable, may carry a password.
    for value in environment.values { redactor.registerURLPasswords(in: value) }
  }

  /// Writes out what the scrubber held back on both streams: the end of a run or of an rpc answer.
  public func flush() {
    stdout.flush()
    stderr.flush()
  }

  /// The process's own runtime: real environment, file descriptors 0, 1, 2, the system clock.
  public static func process() -> Runtime {
    // A file size limit (ulimit -f) makes a write fail with EFBIG instead of killing the process.
    _ = signal(SIGXFSZ, SIG_IGN)
    // A closed standard output is seen as EPIPE by the writers (and ends the command with a failure),
    // instead of a SIGPIPE that some libraries ignore and others do not.
    _ = signal(SIGPIPE, SIG_IGN)
    return Runtime(
      environment: ProcessInfo.processInfo.environment,
      currentDirectory: workingDirectory() ?? "",
      stdout: FileDescriptorSink(fd: 1), stderr: FileDescriptorSink(fd: 2), stdin: FileDescriptorSource(fd: 0))
  }
}

extension Runtime {
  /// `getcwd(3)`: nil when the working directory was deleted or moved away (never `/` instead).
  public static func workingDirectory() -> String? {
    guard let buffer = getcwd(nil, 0) else { return nil }
    defer { free(buffer) }
    let path = String(cString: buffer)
    return path.hasPrefix("/") ? path : nil
  }
}

/// Where input bytes come from: standard input, or a buffer in tests.
public protocol InputSource: AnyObject, Sendable {
  /// Up to `maximum` bytes; an empty array at the end of input.
  func read(maximum: Int) -> [UInt8]
}

extension InputSource {
  /// Everything up to the end of input.
  public func readAll() -> [UInt8] {
    var all: [UInt8] = []
    while true {
      let chunk = read(maximum: 65536)
      if chunk.isEmpty { return all }
      all += chunk
    }
  }
}

public final class FileDescriptorSource: InputSource, @unchecked Sendable {
  private let fd: Int32
  public init(fd: Int32) { self.fd = fd }

  public func read(maximum: Int) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: maximum)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, maximum) }
      if count < 0 && errno == EINTR { continue }
      return count > 0 ? Array(buffer[0..<count]) : []
    }
  }
}

public final class BufferSource: InputSource, @unchecked Sendable {
  private let lock = Mutex(())
  private var remaining: ArraySlice<UInt8>

  public init(_ bytes: [UInt8]) { remaining = bytes[...] }
  public convenience init(_ text: String) { self.init(Array(text.utf8)) }

  public func read(maximum: Int) -> [UInt8] {
    lock.withLock { _ in
      let chunk = remaining.prefix(maximum)
      remaining = remaining.dropFirst(chunk.count)
      return Array(chunk)
    }
  }
}

/// Time as closte sees it. Injected so the stage machine and retries run in virtual time in tests.
public protocol ClosteClock: Sendable {
  func now() -> Date
  func sleep(seconds: Double) async
}

public struct SystemClock: ClosteClock {
  public init() {}
  public func now() -> Date { Date() }
  public func sleep(seconds: Double) async {
    guard seconds > 0 else { return }
    try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
  }
}
