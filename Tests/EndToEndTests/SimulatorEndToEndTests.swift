import ClosteKit
import Foundation
import Testing
import Values

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The simulator itself: what other tests, the benchmarks and users' CI rely on.
@Suite struct SimulatorEndToEndTests {
  @Test func helpAndBadOptions() throws {
    let help = try BinaryRunner.run(["--help"], executable: BinaryRunner.simulator)
    #expect(help.status == 0)
    for word in ["--port=<n>", "--key=<key>", "--latency=<ms>", "--fail-first=<n>", "/_simulator/stats"] {
      #expect(help.stdout.contains(word), "\(word)")
    }
    let bad = try BinaryRunner.run(["--frobnicate"], executable: BinaryRunner.simulator)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("unknown option --frobnicate"))
    let publicHost = try BinaryRunner.run(["--host=0.0.0.0"], executable: BinaryRunner.simulator)
    #expect(publicHost.status == 2)
  }

  /// The test runner hands its children a blocked SIGTERM; the simulator must still stop on it.
  @Test func stopsOnSIGTERM() throws {
    let simulator = try SimulatorProcess()
    simulator.process.terminate()
    let deadline = Date().addingTimeInterval(5)
    while simulator.process.isRunning && Date() < deadline { usleep(10_000) }
    #expect(!simulator.process.isRunning)
    simulator.stop()
    #expect(simulator.process.terminationReason == .uncaughtSignal)
    #expect(simulator.process.terminationStatus == SIGTERM)
  }

  @Test func seedsManyDomainsAndListsThem() throws {
    let simulator = try SimulatorProcess(["--seed-count=100000"])
    defer { simulator.stop() }
    #expect(try simulator.count("domains") == 100_000)
    let output = try ClosteRun(simulator: simulator)(["domain", "list", "--format=count"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.trimmingSpaces == "100000")
  }

  @Test func oneRunKeepsOneConnectionAlive() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let output = try ClosteRun(simulator: simulator)([
      "domain", "add", "a.example.com", "b.example.com", "c.example.com", "--concurrency=1",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let connections = Set(try simulator.requests().compactMap { $0["connection"]?.intValue })
    #expect(connections.count == 1)
    #expect(try simulator.count("requests") == 4)
  }

  @Test func servesManyConnectionsAtOnce() async throws {
    let simulator = try SimulatorProcess(["--latency=200"])
    defer { simulator.stop() }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = 40
    let session = URLSession(configuration: configuration)
    let url = try #require(URL(string: "\(simulator.url)/getdomains?apikey=\(SimulatorProcess.key)"))
    let statuses = await withTaskGroup(of: Int.self) { group in
      for _ in 0..<40 {
        group.addTask {
          var request = URLRequest(url: url, timeoutInterval: 20)
          request.httpMethod = "GET"
          guard let (_, response) = try? await session.data(for: request) else { return 0 }
          return (response as? HTTPURLResponse)?.statusCode ?? 0
        }
      }
      var all: [Int] = []
      for await status in group { all.append(status) }
      return all
    }
    #expect(statuses == Array(repeating: 200, count: 40))
    // With 200 ms each, requests overlapped: more than one was in flight at once.
    #expect(try simulator.count("max_in_flight") > 1)
    #expect(try simulator.count("requests") == 40)
  }

  @Test func rateLimitAnswers429WithRetryAfter() throws {
    let simulator = try SimulatorProcess(["--rate-limit=2", "--retry-after=3"])
    defer { simulator.stop() }
    var codes: [Int] = []
    for _ in 0..<4 {
      let answer = try rawRequest(port: simulator.port, "GET /getdomains?apikey=\(SimulatorProcess.key) HTTP/1.1")
      codes.append(answer.status)
      if answer.status == 429 { #expect(answer.head.contains("Retry-After: 3")) }
    }
    // 2 a second: the first two pass, the rest of that second are limited (a second boundary may
    // let one more through).
    #expect(codes.allSatisfy { $0 == 200 || $0 == 429 })
    #expect(codes.filter { $0 == 200 }.count <= 3)
    #expect(codes.contains(429))
  }

  @Test func controlAPIChangesFaultsAndResets() throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    #expect(try simulator.fetch("POST", "/_simulator/faults?fail_first=1").contains("true"))
    #expect(try simulator.fetch("POST", "/_simulator/faults?nonsense=1").contains("unknown fault"))
    let output = try ClosteRun(simulator: simulator)(["domain", "list", "--retries=0"])
    #expect(output.status == 1)
    _ = try simulator.fetch("POST", "/_simulator/reset")
    #expect(try simulator.count("requests") == 0)
    #expect(try ClosteRun(simulator: simulator)(["domain", "list"]).status == 0)
  }

  @Test func requestLogFileNeverHoldsTheKey() throws {
    let folder = try temporaryFolder("closte-simlog")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let simulator = try SimulatorProcess(["--log=\(folder)/requests.jsonl"])
    defer { simulator.stop() }
    _ = try ClosteRun(simulator: simulator)(["domain", "add", "a.example.com"])
    let log = try String(contentsOfFile: folder + "/requests.jsonl", encoding: .utf8)
    #expect(log.split(separator: "\n").count == 2)
    #expect(log.contains(#""key":"valid""#))
    #expect(!log.contains(SimulatorProcess.key))
  }

  /// One request on a fresh connection, read until the connection closes (`Connection: close`).
  func rawRequest(port: Int, _ requestLine: String) throws -> (status: Int, head: String) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw SimulatorFailure("connect failed") }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let text = requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    _ = Array(text.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = recv(fd, &chunk, chunk.count, 0)
      if count <= 0 { break }
      received += chunk[0..<count]
    }
    let answer = String(decoding: received, as: UTF8.self)
    let status = Int(answer.split(separator: " ").dropFirst().first ?? "") ?? 0
    return (status, answer)
  }
}
