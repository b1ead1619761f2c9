import Foundation
import TestSupport

/// An HTTP proxy on a loopback port, as a proxy server does it: `CONNECT host:port` opens a tunnel
/// (for https:// URLs), and an absolute-form request (`GET http://host:port/path`) is forwarded
/// (for http:// URLs, as libcurl sends them through an HTTP proxy). Its log is the proof that a
/// request went through it: one line per request, `CONNECT 127.0.0.1:8080` or
/// `GET http://127.0.0.1:8080/getdomains` (query left out: it holds the key), plus ` auth=<user>`
/// when a Proxy-Authorization header came.
final class LoopbackProxy: @unchecked Sendable {
  let port: Int
  private let listener: Int32
  private let lock = NSLock()
  private var lines: [String] = []

  /// With `requireAuthentication`, a request without Proxy-Authorization is answered 407 (a
  /// Basic challenge), as an authenticating proxy does, and logged with ` 407`.
  let requireAuthentication: Bool

  init(requireAuthentication: Bool = false) throws {
    self.requireAuthentication = requireAuthentication
    guard let (listener, port) = LoopbackSocket.bind(SOCK_STREAM, listening: 64) else {
      throw SimulatorFailure("the proxy cannot listen")
    }
    self.listener = listener
    self.port = Int(port)
    Thread.detachNewThread { [self] in acceptLoop() }
  }

  var log: [String] {
    lock.lock()
    defer { lock.unlock() }
    return lines
  }

  /// Closing the listener ends the accept loop.
  func stop() { shutdown(listener, Int32(SHUT_RDWR)) }

  private func acceptLoop() {
    while true {
      let client = accept(listener, nil, nil)
      guard client >= 0 else { return }
      Thread.detachNewThread { [self] in serve(client) }
    }
  }

  private func serve(_ client: Int32) {
    defer { close(client) }
    var buffer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16384)
    while !buffer.contains(subsequence: [13, 10, 13, 10]) {
      let count = recv(client, &chunk, chunk.count, 0)
      guard count > 0 else { return }
      buffer += chunk[0..<count]
    }
    let headEnd = buffer.indexAfter(subsequence: [13, 10, 13, 10])
    let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
    let headLines = head.components(separatedBy: "\r\n")
    let parts = headLines[0].split(separator: " ").map(String.init)
    guard parts.count == 3 else { return }
    let auth =
      headLines.first { $0.lowercased().hasPrefix("proxy-authorization: basic ") }
      .flatMap { Data(base64Encoded: String($0.dropFirst("proxy-authorization: basic ".count))) }
      .map { " auth=" + (String(decoding: $0, as: UTF8.self).split(separator: ":").first.map(String.init) ?? "") }
      ?? ""
    if requireAuthentication && auth.isEmpty {
      record("\(parts[0]) \(parts[1].split(separator: "?").first ?? "") 407")
      _ = sendAll(
        client,
        Array(
          "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .utf8))
      return
    }
    let upstreamAddress: String
    var forward: [UInt8]
    if parts[0] == "CONNECT" {
      record("CONNECT \(parts[1])\(auth)")
      upstreamAddress = parts[1]
      forward = Array(buffer[headEnd...])
    } else {
      guard let url = URL(string: parts[1]), let host = url.host, let port = url.port else { return }
      record("\(parts[0]) http://\(host):\(port)\(url.path)\(auth)")
      upstreamAddress = "\(host):\(port)"
      // One request per connection, so each one reaches the log.
      let kept =
        headLines.dropFirst().filter {
          !$0.isEmpty && !$0.lowercased().hasPrefix("proxy-") && !$0.lowercased().hasPrefix("connection:")
        } + ["Connection: close", "", ""]
      let target = url.path + (url.query.map { "?" + $0 } ?? "")
      forward = Array(([parts[0] + " " + target + " " + parts[2]] + kept).joined(separator: "\r\n").utf8)
      forward += buffer[headEnd...]
    }
    let hostPort = upstreamAddress.split(separator: ":")
    guard hostPort.count == 2, let upstreamPort = UInt16(hostPort[1]) else { return }
    let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(upstream) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = upstreamPort.bigEndian
    address.sin_addr.s_addr = inet_addr(String(hostPort[0]))
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
    guard connected else { return }
    if parts[0] == "CONNECT" { _ = sendAll(client, Array("HTTP/1.1 200 Connection established\r\n\r\n".utf8)) }
    guard sendAll(upstream, forward) else { return }
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread { [self] in
      relay(from: upstream, to: client)
      done.signal()
    }
    relay(from: client, to: upstream)
    done.wait()
  }

  private func relay(from source: Int32, to target: Int32) {
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = recv(source, &chunk, chunk.count, 0)
      guard count > 0, sendAll(target, Array(chunk[0..<count])) else { break }
    }
    shutdown(target, Int32(SHUT_WR))
    shutdown(source, Int32(SHUT_RD))
  }

  private func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      guard sent > 0 else { return false }
      offset += sent
    }
    return true
  }

  private func record(_ line: String) {
    lock.lock()
    lines.append(line)
    lock.unlock()
  }
}

extension Array where Element == UInt8 {
  func contains(subsequence needle: [UInt8]) -> Bool { firstIndex(of: needle) != nil }

  func firstIndex(of needle: [UInt8]) -> Int? {
    guard count >= needle.count else { return nil }
    return (0...(count - needle.count)).first { Array(self[$0..<($0 + needle.count)]) == needle }
  }

  /// The index just past the first `needle`, or `count + 1` when absent.
  func indexAfter(subsequence needle: [UInt8]) -> Int { firstIndex(of: needle).map { $0 + needle.count } ?? count + 1 }
}
