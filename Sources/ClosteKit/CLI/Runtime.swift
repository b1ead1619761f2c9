import Diagnostics
import Synchronization
import WPConfig

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
      environment: ProcessEnvironment.current(),
      currentDirectory: ProcessDirectory.workingDirectory() ?? "",
      stdout: FileDescriptorSink(fd: 1), stderr: FileDescriptorSink(fd: 2), stdin: FileDescriptorSource(fd: 0))
  }
}
