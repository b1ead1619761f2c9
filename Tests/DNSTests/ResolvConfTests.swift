import Foundation
import Testing

@testable import DNS

@Suite struct ResolvConfTests {
  @Test func readsServersAndOptionsAsGlibcDoes() {
    let conf = ResolvConf.parse(
      """
      # generated
      search example.com
      nameserver 192.0.2.1
      nameserver 2001:db8::53
      ; comment
      nameserver fe80::1%eth0
      nameserver 192.0.2.2
      nameserver 192.0.2.3
      options ndots:2 timeout:3 attempts:4 rotate
      """)
    #expect(conf.servers.map(\.description) == ["192.0.2.1:53", "[2001:db8::53]:53", "192.0.2.2:53"])
    #expect(conf.timeout == 3)
    #expect(conf.attempts == 4)
  }

  @Test(arguments: [("timeout:0 attempts:0", 1.0, 1), ("timeout:99 attempts:99", 30.0, 5), ("", 5.0, 2)])
  func clampsOptions(options: String, timeout: Double, attempts: Int) {
    let conf = ResolvConf.parse("options \(options)\n")
    #expect(conf.timeout == timeout)
    #expect(conf.attempts == attempts)
  }

  @Test func noServerMeansTheLocalOne() {
    #expect(ResolvConf.parse("search x\n").servers.map(\.description) == ["127.0.0.1:53"])
  }

  @Test func loadsFromAGivenPathAndFallsBackWhenMissing() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("resolv-\(UUID().uuidString).conf").path
    try "nameserver 198.51.100.53\noptions timeout:1\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let conf = ResolvConf.load(path: path)
    #expect(conf.servers.map(\.description) == ["198.51.100.53:53"])
    #expect(conf.timeout == 1)
    #expect(ResolvConf.load(path: path + ".missing") == ResolvConf.parse(""))
    let configuration = Resolver.Configuration.system(resolvConfPath: path, totalTimeout: 2)
    #expect(configuration.servers.map(\.description) == ["198.51.100.53:53"])
    #expect(configuration.attemptTimeout == 1 && configuration.attempts == 2 && configuration.totalTimeout == 2)
  }

  @Test func readsTheSearchListAndNdotsTheLastOfSearchAndDomainWinning() {
    let conf = ResolvConf.parse(
      """
      search corp.example lan.example
      options ndots:2
      """)
    #expect(conf.search == ["corp.example", "lan.example"])
    #expect(conf.ndots == 2)
    #expect(ResolvConf.parse("search a.example b.example\ndomain c.example\n").search == ["c.example"])
    #expect(ResolvConf.parse("domain c.example\nsearch a.example b.example\n").search == ["a.example", "b.example"])
    #expect(ResolvConf.parse("options ndots:99\n").ndots == 15)
    #expect(ResolvConf.parse("").ndots == 1 && ResolvConf.parse("").search.isEmpty)
  }

  @Test func theEnvironmentWinsAsWithGlibc() {
    let path = "/nonexistent/resolv.conf"
    let conf = ResolvConf.load(
      path: path, environment: ["RES_OPTIONS": "timeout:1 attempts:3 ndots:2", "LOCALDOMAIN": "env.example"])
    #expect(conf.timeout == 1 && conf.attempts == 3 && conf.ndots == 2)
    #expect(conf.search == ["env.example"])
    #expect(ResolvConf.load(path: path, environment: ["RES_OPTIONS": "attempts:50"]).attempts == 5)
  }

  /// A silent server costs one question glibc's default 5 s × 2 tries: 10 s, within --timeout.
  @Test func theDefaultScheduleOfOneQuestionIsTenSeconds() {
    let conf = ResolvConf.parse("nameserver 192.0.2.53\n")
    let configuration = Resolver.Configuration(
      servers: conf.servers, attemptTimeout: conf.timeout, attempts: conf.attempts, totalTimeout: 45)
    #expect(configuration.questionBudget == 10)
    var capped = configuration
    capped.totalTimeout = 3
    #expect(capped.questionBudget == 3)
    let largest = ResolvConf.parse("options timeout:99 attempts:99\n")
    #expect(
      Resolver.Configuration(servers: largest.servers, attemptTimeout: largest.timeout, attempts: largest.attempts)
        .questionBudget == 150)
  }
}
