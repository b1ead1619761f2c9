import Testing

@testable import ClosteKit
@testable import Diagnostics
@testable import Values

@Suite struct InvocationTests {
  func invocation(_ assoc: JSONObject) -> Invocation { Invocation(command: "x", assocArgs: assoc) }

  @Test(arguments: [
    (JSONValue.bool(true), true), (.bool(false), false), (.string("yes"), true), (.string("0"), false),
    (.string(""), true), (.int(0), false),
  ])
  func flagsAcceptWPCLIAndJSONSpellings(value: JSONValue, expected: Bool) throws {
    #expect(try invocation(JSONObject([("dry-run", value)])).flag("dry-run") == expected)
  }

  @Test func flagWithAnUnexpectedValueIsAUsageError() {
    #expect {
      try invocation(JSONObject([("dry-run", "maybe")])).flag("dry-run")
    } throws: { error in
      (error as? ClosteError)?.code == .invalidArguments && (error as? ClosteError)?.exitStatus == .usage
    }
  }

  @Test func integersAreCheckedAgainstTheirRange() throws {
    #expect(try invocation(JSONObject([("retries", "3")])).integer("retries", in: 0...10) == 3)
    #expect(try invocation(JSONObject([("retries", .int(4))])).integer("retries", in: 0...10) == 4)
    #expect(throws: ClosteError.self) { try invocation(JSONObject([("retries", "11")])).integer("retries", in: 0...10) }
    #expect(throws: ClosteError.self) { try invocation(JSONObject([("retries", "x")])).integer("retries") }
    #expect(throws: ClosteError.self) { try invocation(JSONObject([("retries", true)])).integer("retries") }
    #expect(try invocation(JSONObject()).integer("retries") == nil)
  }

  @Test func secondsAcceptFractions() throws {
    #expect(try invocation(JSONObject([("timeout", "0.5")])).seconds("timeout", in: 0.1...600) == 0.5)
    #expect(throws: ClosteError.self) { try invocation(JSONObject([("timeout", "nan")])).seconds("timeout") }
    #expect(throws: ClosteError.self) { try invocation(JSONObject([("timeout", "0")])).seconds("timeout", in: 0.1...9) }
  }
}
