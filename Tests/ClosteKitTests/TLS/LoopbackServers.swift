import Foundation

/// `openssl s_server` on 127.0.0.1 on a port the system picks, serving one certificate. Stopped by
/// `stop()` (tests call it in `defer`).
final class OpenSSLServer {
  let process = Process()
  let port: UInt16
  private let log: URL

  init(cert: String, key: String, extra: [String] = []) throws {
    log = FileManager.default.temporaryDirectory.appendingPathComponent("closte-s_server-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // `-www` answers by itself; without it s_server reads standard input and drops the client at its end.
    process.arguments =
      ["openssl", "s_server", "-www", "-accept", "127.0.0.1:0", "-cert", cert, "-key", key] + extra
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    try? handle.close()
    // s_server prints `ACCEPT 127.0.0.1:<port>` once it listens; wait for it, at most 10 s.
    var found: UInt16?
    for _ in 0..<200 {
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }),
        let port = line.split(separator: ":").last.flatMap({ UInt16($0) })
      {
        found = port
        break
      }
      if !process.isRunning { break }
      Thread.sleep(forTimeInterval: 0.05)
    }
    guard let found else {
      kill(process.processIdentifier, SIGKILL)
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      throw TestPKI.CommandFailed(description: "openssl s_server did not start: \(text)")
    }
    port = found
  }

  /// SIGKILL rather than `terminate()`: the test runner's threads block SIGTERM, and a child
  /// started from one inherits that mask, so SIGTERM would never arrive.
  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: log)
  }
}

/// A loopback TCP port that completes the TCP handshake (the kernel's backlog does that) and then
/// never says a word: a server that does not speak TLS.
final class SilentListener {
  let descriptor: Int32
  let port: UInt16

  init() throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(descriptor, 8) == 0 else {
      close(descriptor)
      throw TestPKI.CommandFailed(description: "could not listen on 127.0.0.1")
    }
    self.descriptor = descriptor
    port = Self.localPort(of: descriptor)
  }

  func stop() { close(descriptor) }

  /// A port on 127.0.0.1 where nothing listens (bound, then released).
  static func closedPort() throws -> UInt16 {
    let listener = try SilentListener()
    listener.stop()
    return listener.port
  }

  private static func localPort(of descriptor: Int32) -> UInt16 {
    var address = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return UInt16(bigEndian: address.sin_port)
  }
}
