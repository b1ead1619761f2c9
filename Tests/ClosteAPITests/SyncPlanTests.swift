import ClosteAPI
import Diagnostics
import DomainNames
import Testing
import Values

@Suite struct SyncPlanTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var desired: [String]
    var current: [String]
    var prune: Bool
    var protected: Set<String> = []
    /// `domain:action`, in plan order.
    var expected: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "nothing at all", desired: [], current: [], prune: false, expected: []),
    Case(
      name: "only adds", desired: ["a.test", "b.test"], current: [], prune: false,
      expected: ["a.test:add", "b.test:add"]),
    Case(name: "only keeps", desired: ["a.test"], current: ["a.test"], prune: true, expected: ["a.test:keep"]),
    Case(
      name: "only removes", desired: ["a.test"], current: ["a.test", "x.test"], prune: true,
      expected: ["a.test:keep", "x.test:remove"]),
    Case(
      name: "extras without --prune are ignored", desired: ["a.test"], current: ["x.test", "a.test"], prune: false,
      expected: ["a.test:keep", "x.test:ignore"]),
    Case(
      name: "add, keep and remove", desired: ["b.test", "a.test", "*.w.test"], current: ["a.test", "x.test", "w.test"],
      prune: true, expected: ["b.test:add", "a.test:keep", "*.w.test:add", "x.test:remove", "w.test:remove"]),
    Case(
      name: "the network's domain is protected", desired: ["a.test"], current: ["net.test", "a.test", "x.test"],
      prune: true, protected: ["net.test"], expected: ["a.test:keep", "net.test:protect", "x.test:remove"]),
    Case(
      name: "a desired network domain is simply kept", desired: ["net.test"], current: ["net.test"], prune: true,
      protected: ["net.test"], expected: ["net.test:keep"]),
    Case(
      name: "duplicates count once", desired: ["a.test", "a.test", "b.test", "a.test"], current: ["b.test"],
      prune: true, expected: ["a.test:add", "b.test:keep"]),
  ]

  static func plan(_ test: Case) throws -> SyncPlan {
    let reader = DesiredListReader(source: BufferSource(test.desired.joined(separator: "\n"))) { $0 }
    let desired = try DesiredList.read(reader)
    return SyncPlan.build(desired: desired.items, current: test.current, prune: test.prune, protected: test.protected)
  }

  @Test(arguments: cases)
  func plans(_ test: Case) throws {
    let plan = try Self.plan(test)
    #expect(plan.entries.map { "\($0.domain):\($0.action.rawValue)" } == test.expected)
    let changes = plan.changes.map { plan.entries[$0].action }
    #expect(changes.allSatisfy { $0 == .add || $0 == .remove })
    #expect(!plan.entries.contains { $0.action == .remove && test.protected.contains($0.domain) })
  }

  @Test func countsAndRowsBeforeAndAfterApplying() throws {
    var plan = try Self.plan(
      Case(
        name: "", desired: ["a.test", "b.test", "c.test", "b.test"], current: ["c.test", "x.test", "net.test"],
        prune: true, protected: ["net.test"], expected: []))
    #expect(plan.duplicates == 1)
    #expect(
      JSONWriter.encode(.object(plan.counts(applied: false)))
        == #"{"add":2,"keep":1,"remove":1,"ignore":0,"protect":1,"invalid":0,"duplicates":1}"#)
    // a.test was added, b.test failed, x.test was removed.
    plan.entries[0].applied = true
    plan.entries[1].applied = false
    plan.entries[1].error = "Closte said no"
    plan.entries[3].applied = true
    #expect(plan.failures == 1)
    #expect(
      JSONWriter.encode(.object(plan.counts(applied: true)))
        == #"{"added":1,"kept":1,"removed":1,"failed":1,"ignored":0,"protected":1,"invalid":0,"duplicates":1}"#)
    #expect(
      JSONWriter.encode(.object(SyncPlan.row(plan.entries[1], applied: true)))
        == #"{"domain":"b.test","wildcard":false,"action":"failed","error":"Closte said no"}"#)
    #expect(SyncPlan.row(plan.entries[1], applied: false)["action"] == .string("add"))
  }

  @Test func anInvalidEntryRefusesTheWholeListNamingItsLine() throws {
    let reader = DesiredListReader(source: BufferSource("a.test\nbad one\nc.test\nworse one\n")) { name in
      guard !name.contains(" ") else { throw ClosteError(.invalidDomain, "not a domain") }
      return name
    }
    do {
      _ = try DesiredList.read(reader)
      Issue.record("expected a refusal")
    } catch let error as ClosteError {
      #expect(error.code == .invalidDesiredList)
      #expect(error.exitStatus == .usage)
      #expect(error.message.contains("line 2: 'bad one': not a domain (1 more unreadable entry after it)"))
      guard case .object(let details)? = error.details, case .array(let entries)? = details["invalid_entries"] else {
        Issue.record("expected the invalid entries in details")
        return
      }
      #expect(entries.count == 2)
    }
  }
}
