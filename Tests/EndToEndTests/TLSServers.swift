import Foundation
import TestSupport

/// `openssl s_server` on 127.0.0.1 on a port the system picks, serving one certificate. Started
/// with `SpawnedProcess` (see DNSMasq.swift for why not `Process`); stopped by `stop()`, which
/// tests call in `defer`.
final class OpenSSLServer {
  let port: UInt16
  private let child: SpawnedProcess
  private let log: String

  /// `-www` answers by itself; without it s_server reads standard input and drops the client at its end.
  init(cert: String, key: String, extra: [String] = []) throws {
    log = FileManager.default.temporaryDirectory.appendingPathComponent("closte-s_server-\(UUID().uuidString)").path
    child = try SpawnedProcess(
      TestPKI.opensslPath, ["s_server", "-www", "-accept", "127.0.0.1:0", "-cert", cert, "-key", key] + extra,
      output: log)
    // s_server prints `ACCEPT 127.0.0.1:<port>` once it listens; wait for it, at most 10 s.
    var found: UInt16?
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline && child.isRunning {
      let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }),
        let port = line.split(separator: ":").last.flatMap({ UInt16($0) })
      {
        found = port
        break
      }
      usleep(20_000)
    }
    guard let found else {
      let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      child.kill()
      try? FileManager.default.removeItem(atPath: log)
      throw TestPKI.CommandFailed(description: "openssl s_server did not start: \(text)")
    }
    port = found
  }

  func stop() {
    child.kill()
    try? FileManager.default.removeItem(atPath: log)
  }
}

/// A loopback TCP port that completes the TCP handshake (the kernel's backlog does that) and then
/// never says a word: a server that does not speak TLS.
final class SilentListener {
  let descriptor: Int32
  let port: UInt16

  init() throws {
    guard let (descriptor, port) = LoopbackSocket.bind(SOCK_STREAM, listening: 8) else {
      throw TestPKI.CommandFailed(description: "could not listen on 127.0.0.1")
    }
    self.descriptor = descriptor
    self.port = port
  }

  func stop() { close(descriptor) }

  /// How many connections the kernel completed that nobody accepted yet (accepted and closed now,
  /// without waiting): the tries a client made against this silent port.
  func acceptPendingConnections() -> Int {
    let flags = fcntl(descriptor, F_GETFL, 0)
    _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
    var count = 0
    while true {
      let connection = accept(descriptor, nil, nil)
      guard connection >= 0 else { return count }
      close(connection)
      count += 1
    }
  }

  /// A port on 127.0.0.1 where nothing listens (bound, then released).
  static func closedPort() throws -> UInt16 {
    guard let port = LoopbackSocket.closedPort() else {
      throw TestPKI.CommandFailed(description: "could not bind on 127.0.0.1")
    }
    return port
  }
}
