import Foundation
import Testing

@testable import ClosteKit
@testable import Diagnostics

@Suite struct RPCSchedulingTests {
  func scheduling(_ command: String, _ args: [String]) -> RPCScheduling {
    RPCScheduling(Invocation(command: command, args: args))
  }

  @Test func domainChangesAreKeyedByTheirDomains() {
    #expect(
      scheduling("domain add", ["WWW.Example.com.", "*.shop.example"]) == .domains(["example.com", "shop.example"]))
    #expect(scheduling("domain remove", ["a.example"]) == .domains(["a.example"]))
  }

  @Test(arguments: ["config get", "domain list", "domain sync", "check", "doctor"])
  func everythingElseRunsAlone(command: String) {
    #expect(scheduling(command, ["x.example"]) == .alone)
  }

  @Test func aDomainChangeWithoutDomainsRunsAlone() {
    #expect(scheduling("domain add", []) == .alone)
  }

  @Test func independentDomainChangesRunSideBySideUpToTheLimit() {
    let add = scheduling("domain add", ["a.example"])
    #expect(add.mayStart(beside: [], limit: 2))
    #expect(add.mayStart(beside: [scheduling("domain add", ["b.example"])], limit: 2))
    #expect(
      !add.mayStart(
        beside: [scheduling("domain add", ["b.example"]), scheduling("domain add", ["c.example"])], limit: 2))
  }

  @Test func changesToTheSameDomainKeepTheirOrder() {
    let remove = scheduling("domain remove", ["www.a.example"])
    #expect(!remove.mayStart(beside: [scheduling("domain add", ["a.example"])], limit: 16))
  }

  /// `bücher.example` and `xn--bcher-kva.example` are one domain: an add and a remove of it keep
  /// their order (they ran at once before the key went through DomainName).
  @Test func oneDomainInUnicodeAndInPunycodeIsOneKey() {
    let add = scheduling("domain add", ["bücher.example"])
    let remove = scheduling("domain remove", ["xn--bcher-kva.example"])
    #expect(add == remove)
    #expect(!remove.mayStart(beside: [add], limit: 16))
    #expect(!scheduling("domain add", ["WWW.BÜCHER.example."]).mayStart(beside: [remove], limit: 16))
  }

  @Test func aRequestThatRunsAloneWaitsForEverythingAndBlocksEverything() {
    let alone = scheduling("domain list", [])
    #expect(alone.mayStart(beside: [], limit: 16))
    #expect(!alone.mayStart(beside: [scheduling("domain add", ["a.example"])], limit: 16))
    #expect(!scheduling("domain add", ["a.example"]).mayStart(beside: [alone], limit: 16))
  }
}

/// The stream is read only a few requests ahead of the one being scheduled.
@Suite struct RPCReadAheadTests {
  /// An endless stream of requests that counts how many were read.
  final class EndlessSource: InputSource, @unchecked Sendable {
    private let lock = NSLock()
    private var reads = 0
    var count: Int {
      lock.lock()
      defer { lock.unlock() }
      return reads
    }
    func read(maximum: Int) -> [UInt8] {
      lock.lock()
      reads += 1
      lock.unlock()
      return Array("{\"id\":1,\"command\":\"version\"}\n".utf8)
    }
  }

  /// Before, a thread read the whole stream into an unbounded buffer while the first request waited
  /// (10^6 requests: 324 MB).
  @Test func readingStopsAFewRequestsAheadOfTheConsumer() async throws {
    let source = EndlessSource()
    let readAhead = RPCReadAhead(source: source, limit: 4)
    var iterator = readAhead.stream.makeAsyncIterator()
    for _ in 0..<3 {
      _ = await iterator.next()
      readAhead.took()
    }
    // Give the reading thread every chance to run ahead.
    try await Task.sleep(nanoseconds: 300_000_000)
    #expect(source.count <= 3 + 4 + 1)
  }
}
