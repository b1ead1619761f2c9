import Testing

@testable import ClosteKit
@testable import Diagnostics
@testable import Stages

/// `domain wait`'s schedule from its options and the network's settings (StageSchedule+Invocation).
@Suite struct StageScheduleInvocationTests {
  @Test func scheduleFromAnInvocation() throws {
    var invocation = Invocation(command: "domain wait", args: ["shop.example.com"])
    invocation.settings["dns_check_interval"] = .int(20)
    #expect(try StageSchedule.from(invocation) == StageSchedule(interval: 20, maxTries: 5))
    invocation.assocArgs["interval"] = "400"
    invocation.assocArgs["max-tries"] = "2"
    #expect(try StageSchedule.from(invocation) == StageSchedule(interval: 300, maxTries: 2))
    invocation.assocArgs["max-tries"] = "0"
    #expect(throws: ClosteError.self) { try StageSchedule.from(invocation) }
  }
}
