import Glibc
import Synchronization
import Testing

@testable import NetworkChecks

@Suite struct ConcurrentChecksTests {
  final class Gauge: Sendable {
    let state = Mutex((inFlight: 0, most: 0))
  }

  /// Each check blocks its thread (as a DNS or TLS wait does) until `concurrency` checks were in
  /// flight at once, or 5 s pass. On Swift's cooperative pool alone (two threads on a two-core
  /// machine) at most two could be; on dedicated threads all of them are.
  @Test func blockingChecksReallyRunConcurrentlyAndComeBackInOrder() async {
    let gauge = Gauge()
    let concurrency = 6
    let domains = (1...20).map { "d\($0).example.test" }
    var seen: [Int] = []
    let results = await ConcurrentChecks.run(domains, concurrency: concurrency) { domain in
      gauge.state.withLock {
        $0.inFlight += 1
        $0.most = max($0.most, $0.inFlight)
      }
      for _ in 0..<5000 where gauge.state.withLock({ $0.most }) < concurrency { usleep(1000) }
      gauge.state.withLock { $0.inFlight -= 1 }
      return domain.uppercased()
    } onResult: { index, _ in
      seen.append(index)
    }
    #expect(gauge.state.withLock { $0.most } == concurrency)
    #expect(results == domains.map { $0.uppercased() })
    #expect(seen.sorted() == Array(0..<20))
  }

  @Test func noDomainsNoWork() async {
    let results = await ConcurrentChecks.run([], concurrency: 16) { $0 }
    #expect(results.isEmpty)
  }

  @Test func theNetworkDomainsAreTheGivenThenTheAliasesOnceWithWildcardsCounted() {
    let network = NetworkDomains(
      given: ["extra.example.test", "a.example.test"],
      aliases: ["a.example.test", "*.w.example.test", "b.example.test"])
    #expect(network.domains == ["extra.example.test", "a.example.test", "b.example.test"])
    #expect(network.wildcards == 1)
    #expect(ClosteAliasCoverage.covers(["*.w.example.test"], "x.w.example.test"))
    #expect(!ClosteAliasCoverage.covers(["*.w.example.test"], "w.example.test"))
  }
}
