import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

#if canImport(Glibc)
  import Glibc
#endif

/// A small HTTP/1.1 server on a loopback socket: one thread per connection, keep-alive, bodies with
/// Content-Length. Enough for the Closte API and its tests; not a general web server.
final class HTTPServer: @unchecked Sendable {
  struct Request {
    var method: String
    var path: String
    var query: [String: String]
    var headers: [String: String]
    var body: [UInt8]
    var connection: Int
  }

  enum Answer {
    case response(status: Int, headers: [(String, String)], body: [UInt8])
    /// Close the connection without a word.
    case drop
    /// Never answer: hold the connection until the client gives up.
    case hang
    /// A body made piece by piece as it is sent, until `next` says nil: with a Content-Length when
    /// `length` is given, else chunked (`BodyFault`).
    case stream(status: Int, headers: [(String, String)], length: Int?, next: () -> [UInt8]?)
  }

  private let listener: Int32
  let port: UInt16
  private let handler: (Request) -> Answer
  private let lock = Lock()
  private var nextConnection = 0
  private(set) var openConnections = 0

  init(host: String, port: UInt16, handler: @escaping (Request) -> Answer) throws {
    self.handler = handler
    let ipv6 = host.contains(":")
    let fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw UsageError("socket(): \(String(cString: strerror(errno)))") }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var bound: Int32
    if ipv6 {
      var address = sockaddr_in6()
      address.sin6_family = sa_family_t(AF_INET6)
      address.sin6_port = port.bigEndian
      inet_pton(AF_INET6, host, &address.sin6_addr)
      bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
        }
      }
    } else {
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = port.bigEndian
      inet_pton(AF_INET, host, &address.sin_addr)
      bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
      }
    }
    guard bound == 0, listen(fd, 1024) == 0 else {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw UsageError("cannot listen on \(host):\(port): \(reason)")
    }
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    _ = withUnsafeMutablePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    let chosen: UInt16 = withUnsafePointer(to: &storage) { pointer in
      if ipv6 {
        return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
      }
      return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
    }
    listener = fd
    self.port = chosen
  }

  var connectionsAccepted: Int {
    lock.lock()
    defer { lock.unlock() }
    return nextConnection
  }

  var connectionsOpen: Int {
    lock.lock()
    defer { lock.unlock() }
    return openConnections
  }

  /// Accepts connections forever, each on its own thread.
  func run() -> Never {
    while true {
      let client = accept(listener, nil, nil)
      if client < 0 {
        if errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE {
          if errno != EINTR { usleep(10_000) }
          continue
        }
        SimulatorSystem.complain("closte-simulator: accept(): \(String(cString: strerror(errno)))\n")
        exit(1)
      }
      var one: Int32 = 1
      setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
      lock.lock()
      nextConnection += 1
      openConnections += 1
      let id = nextConnection
      lock.unlock()
      SimulatorSystem.startThread(stackSize: 256 * 1024) { [self] in
        serve(client, id: id)
        close(client)
        lock.lock()
        openConnections -= 1
        lock.unlock()
      }
    }
  }

  /// After this many answers on one connection it is closed without a word (no `Connection: close`),
  /// as a server's keep-alive timeout does: the client's next request on it meets a closed socket.
  /// 0: never (`--keep-alive-max`).
  var answersPerConnection: () -> Int = { 0 }

  private func serve(_ fd: Int32, id: Int) {
    var buffer: [UInt8] = []
    var answered = 0
    while true {
      let limit = answersPerConnection()
      if limit > 0 && answered >= limit { return }
      answered += 1
      guard let (request, keepAlive) = readRequest(fd, buffer: &buffer, connection: id) else { return }
      switch handler(request) {
      case .drop:
        shutdown(fd, Int32(SHUT_RDWR))
        return
      case .hang:
        // Wait for the client to give up (or send more), answering nothing.
        var scratch = [UInt8](repeating: 0, count: 4096)
        while recv(fd, &scratch, scratch.count, 0) > 0 {}
        return
      case .response(let status, let headers, let body):
        var head = "HTTP/1.1 \(status) \(HTTPServer.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n"
        head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        guard sendAll(fd, Array(head.utf8) + body), keepAlive else { return }
      case .stream(let status, let headers, let length, let next):
        guard sendStream(fd, status: status, headers: headers, length: length, next: next), keepAlive else { return }
      }
    }
  }

  /// Reads one request; nil when the connection ended or the request cannot be read.
  private func readRequest(_ fd: Int32, buffer: inout [UInt8], connection: Int) -> (Request, Bool)? {
    let separator: [UInt8] = [13, 10, 13, 10]
    var headEnd: Int?
    while true {
      if buffer.count >= 4 {
        headEnd = HTTPServer.find(separator, in: buffer)
        if headEnd != nil { break }
      }
      guard buffer.count < 64 * 1024, receive(fd, into: &buffer) else { return nil }
    }
    guard let end = headEnd else { return nil }
    let head = String(decoding: buffer[..<end], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let requestLine = lines.removeFirst().split(separator: " ").map(String.init)
    guard requestLine.count == 3 else { return nil }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmedBlanks
    }
    let length = Int(headers["content-length"] ?? "0") ?? 0
    let bodyStart = end + 4
    while buffer.count < bodyStart + length {
      guard receive(fd, into: &buffer) else { return nil }
    }
    let body = Array(buffer[bodyStart..<(bodyStart + length)])
    buffer.removeFirst(bodyStart + length)
    let target = requestLine[1]
    var path = target
    var query: [String: String] = [:]
    if let mark = target.firstIndex(of: "?") {
      path = String(target[..<mark])
      query = FormDecoding.decode(String(target[target.index(after: mark)...]))
    }
    let version = requestLine[2]
    let connectionHeader = headers["connection"]?.lowercased() ?? ""
    let keepAlive = version == "HTTP/1.1" ? connectionHeader != "close" : connectionHeader == "keep-alive"
    let request = Request(
      method: requestLine[0], path: path, query: query, headers: headers, body: body, connection: connection)
    return (request, keepAlive)
  }

  private func receive(_ fd: Int32, into buffer: inout [UInt8]) -> Bool {
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      let count = recv(fd, &chunk, chunk.count, 0)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return false }
      buffer += chunk[0..<count]
      return true
    }
  }

  /// Sends a streamed answer; false when the client went away before its end.
  private func sendStream(
    _ fd: Int32, status: Int, headers: [(String, String)], length: Int?, next: () -> [UInt8]?
  ) -> Bool {
    var head = "HTTP/1.1 \(status) \(HTTPServer.reason(status))\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    head += length.map { "Content-Length: \($0)\r\n\r\n" } ?? "Transfer-Encoding: chunked\r\n\r\n"
    guard sendAll(fd, Array(head.utf8)) else { return false }
    while let piece = next() {
      if length != nil {
        guard sendAll(fd, piece) else { return false }
      } else if !piece.isEmpty {
        guard sendAll(fd, Array((String(piece.count, radix: 16) + "\r\n").utf8) + piece + [13, 10]) else {
          return false
        }
      }
    }
    return length != nil || sendAll(fd, Array("0\r\n\r\n".utf8))
  }

  private func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if sent < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += sent
    }
    return true
  }

  static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if Array(haystack[start..<(start + needle.count)]) == needle { return start }
    }
    return nil
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 301: return "Moved Permanently"
    case 400: return "Bad Request"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 429: return "Too Many Requests"
    case 500: return "Internal Server Error"
    default: return "Status"
    }
  }
}

/// `application/x-www-form-urlencoded` and query strings, as PHP decodes them (`+` is a space).
enum FormDecoding {
  static func decode(_ text: String) -> [String: String] {
    var fields: [String: String] = [:]
    for pair in text.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = unescape(String(parts[0]))
      fields[name] = parts.count > 1 ? unescape(String(parts[1])) : ""
    }
    return fields
  }

  static func unescape(_ text: String) -> String {
    let spaced = String(text.map { $0 == "+" ? " " : $0 })
    return spaced.percentDecoded ?? spaced
  }
}

/// Just enough JSON writing for the simulator's answers.
enum JSONText {
  static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
