import ClosteAPI
import Diagnostics
import Testing

@Suite struct RemovalGuardTests {
  static func plan(keep: [String], remove: Int, protect: [String] = ["net.test"]) -> SyncPlan {
    var entries = keep.map { SyncPlan.Entry(domain: $0, action: .keep) }
    entries += protect.map { SyncPlan.Entry(domain: $0, action: .protect) }
    entries += (0..<remove).map { SyncPlan.Entry(domain: "old-\($0).test", action: .remove) }
    return SyncPlan(entries: entries)
  }

  @Test func theDefaultIsTenOrTenPercentWhicheverIsMore() {
    let standard = RemovalGuard()
    #expect(standard.allowedRemovals(total: 5) == 10)
    #expect(standard.allowedRemovals(total: 100) == 10)
    #expect(standard.allowedRemovals(total: 1000) == 100)
    #expect(standard.check(Self.plan(keep: ["a.test"], remove: 10), total: 12, protected: ["net.test"]) == nil)
    let refused = standard.check(Self.plan(keep: ["a.test"], remove: 11), total: 13, protected: ["net.test"])
    #expect(refused?.code == .syncTooManyRemovals)
    #expect(refused?.exitStatus == .usage)
  }

  @Test func limitsParse() throws {
    #expect(try RemovalGuard.limit(parsing: nil) == .standard)
    #expect(try RemovalGuard.limit(parsing: "0") == .count(0))
    #expect(try RemovalGuard.limit(parsing: "25%") == .percent(25))
    #expect(try RemovalGuard.limit(parsing: "all") == .unlimited)
    for bad in ["-1", "101%", "lots", "%"] {
      #expect(throws: ClosteError.self) { try RemovalGuard.limit(parsing: bad) }
    }
    #expect(RemovalGuard(limit: .percent(25)).allowedRemovals(total: 10) == 2)
    #expect(RemovalGuard(limit: .unlimited).allowedRemovals(total: 10) == nil)
  }

  @Test func leavingOnlyProtectedNamesNeedsSayingSo() {
    // The desired list holds only the network's own domain: it is kept, everything else would go.
    let plan = SyncPlan(entries: [
      SyncPlan.Entry(domain: "net.test", action: .keep), SyncPlan.Entry(domain: "a.test", action: .remove),
    ])
    let refused = RemovalGuard(limit: .unlimited).check(plan, total: 2, protected: ["net.test"])
    #expect(refused?.code == .syncWouldRemoveAll)
    #expect(RemovalGuard(limit: .unlimited, allowRemoveAll: true).check(plan, total: 2, protected: ["net.test"]) == nil)
    // Nothing to remove: nothing to guard.
    #expect(RemovalGuard().check(Self.plan(keep: [], remove: 0), total: 1, protected: ["net.test"]) == nil)
  }
}
