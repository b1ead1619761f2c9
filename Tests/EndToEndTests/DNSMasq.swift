import ClosteKit
import DNS
import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A `dnsmasq` serving a test's records on 127.0.0.1 and a free port, started by the test and
/// stopped by it (`stop()`, in a `defer`). Each instance has its own folder and port, so tests run
/// in parallel.
final class DNSMasq {
  let port: UInt16
  private let child: SpawnedProcess
  private let folder: URL

  /// The `--resolver` value that reaches it.
  var resolver: String { "127.0.0.1:\(port)" }

  private init(port: UInt16, child: SpawnedProcess, folder: URL) {
    self.port = port
    self.child = child
    self.folder = folder
  }

  /// Starts dnsmasq with `records` (dnsmasq.conf lines such as `host-record=...`), and waits until
  /// it answers `ready.closte.test` (at most 10 s). A port taken in the meantime means another try.
  static func start(_ records: [String], ipv6: Bool = false) throws -> DNSMasq {
    var lastError: Error = DNSMasqError.notStarted("no attempt")
    for _ in 0..<5 {
      do {
        guard let port = LoopbackSocket.freePort() else { throw DNSMasqError.notStarted("no free loopback port") }
        return try startOnce(records, port: port, ipv6: ipv6)
      } catch {
        lastError = error
      }
    }
    throw lastError
  }

  private static func startOnce(_ records: [String], port: UInt16, ipv6: Bool) throws -> DNSMasq {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("closte-dnsmasq-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let conf = [
      "no-resolv", "no-hosts", "no-poll", "bind-interfaces", "listen-address=127.0.0.1" + (ipv6 ? ",::1" : ""),
      "port=\(port)",
      "pid-file=", "local-ttl=300", "local=/closte.test/", "host-record=ready.closte.test,192.0.2.1",
    ]
    let confPath = folder.appendingPathComponent("dnsmasq.conf").path
    try (conf + records).joined(separator: "\n").appending("\n").write(
      toFile: confPath, atomically: true, encoding: .utf8)
    let log = folder.appendingPathComponent("dnsmasq.log").path
    let child = try SpawnedProcess(dnsmasqPath, ["--no-daemon", "--conf-file=\(confPath)"], output: log)
    let server = DNSMasq(port: port, child: child, folder: folder)
    let resolver = Resolver(
      configuration: Resolver.Configuration(
        servers: [DNSServerAddress("127.0.0.1:\(port)")].compactMap { $0 }, attemptTimeout: 0.2,
        attempts: 1))
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline && child.isRunning {
      if resolver.query("ready.closte.test", .a).records.count == 1 { return server }
      usleep(50_000)
    }
    let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    server.stop()
    throw DNSMasqError.notStarted(output)
  }

  func stop() {
    child.kill()
    try? FileManager.default.removeItem(at: folder)
  }

  static var dnsmasqPath: String {
    for path in ["/usr/sbin/dnsmasq", "/usr/bin/dnsmasq", "/sbin/dnsmasq"]
    where FileManager.default.isExecutableFile(atPath: path) {
      return path
    }
    return "/usr/sbin/dnsmasq"
  }
}

/// A child process started with `posix_spawn`, not Foundation's `Process`: corelibs Foundation
/// watches its own children together, so a long-lived server started with `Process` kept
/// `waitUntilExit()` of every other child (the closte runs) from returning. The child gets default
/// signal handling and an empty signal mask, so it can be stopped.
final class SpawnedProcess {
  let pid: pid_t
  private var reaped = false

  init(_ path: String, _ arguments: [String], output: String) throws {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    guard result == 0 else { throw DNSMasqError.notStarted("posix_spawn \(path): \(result)") }
    self.pid = pid
  }

  var isRunning: Bool {
    guard !reaped else { return false }
    var status: Int32 = 0
    if waitpid(pid, &status, WNOHANG) == pid {
      reaped = true
      return false
    }
    return true
  }

  /// SIGKILL, then reap it.
  func kill() {
    guard !reaped else { return }
    Glibc.kill(pid, SIGKILL)
    var status: Int32 = 0
    _ = waitpid(pid, &status, 0)
    reaped = true
  }

  deinit { kill() }
}

enum DNSMasqError: Error {
  case notStarted(String)
}

/// A socket bound on 127.0.0.1 that does nothing: a DNS server that never answers.
final class BoundSocket {
  private var fd: Int32
  let port: UInt16

  init(type: __socket_type, port: UInt16) throws {
    guard let (fd, port) = LoopbackSocket.bind(type, port: port) else {
      throw DNSMasqError.notStarted("port \(port) is taken")
    }
    self.fd = fd
    self.port = port
  }

  func close() {
    if fd >= 0 { Glibc.close(fd) }
    fd = -1
  }

  /// How many datagrams arrived and were never answered (read without waiting): the questions a
  /// silent server was asked.
  func unansweredDatagrams() -> Int {
    var count = 0
    var buffer = [UInt8](repeating: 0, count: 65535)
    while buffer.withUnsafeMutableBytes({ recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }) >= 0 {
      count += 1
    }
    return count
  }

  deinit { close() }
}
