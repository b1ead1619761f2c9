import Testing

@testable import ClosteKit
@testable import Diagnostics
@testable import Values

@Suite struct DispatcherTests {
  static let echo = CommandSpec(
    name: "echo", summary: "Echo the arguments.",
    arguments: [ArgumentSpec("word", "A word.", repeating: true)],
    options: [OptionSpec("mode", value: "mode", "How.", choices: ["loud", "quiet"]), OptionSpec("twice", "Twice.")]
  ) { context in
    .items(context.args.map { JSONObject([("word", .string($0))]) }, fields: ["word"])
  }
  static let fail = CommandSpec(name: "fail", summary: "Fail.") { _ in
    throw ClosteError(ErrorCode("boom"), "It broke with secret-canary-1234 inside.", hint: "Try again.")
  }
  let dispatcher = Dispatcher(table: CommandTable([echo, fail]))

  func runtime() -> Runtime {
    Runtime(
      environment: ["CLOSTE_CLIENT_API_KEY": "secret-canary-1234"], currentDirectory: "/", stdout: BufferSink(),
      stderr: BufferSink(), stdin: BufferSource(""))
  }

  func error(_ invocation: Invocation) async -> ClosteError? {
    if case .failure(let error) = await dispatcher.execute(invocation, runtime: runtime(), isRPC: false) {
      return error
    }
    return nil
  }

  @Test func runsACommand() async {
    let outcome = await dispatcher.execute(
      Invocation(command: "echo", args: ["a", "b"]), runtime: runtime(), isRPC: false)
    guard case .result(let result) = outcome else {
      Issue.record("expected a result")
      return
    }
    #expect(result.data == [["word": "a"], ["word": "b"]])
  }

  @Test func unknownCommandIsAUsageError() async {
    let failure = await error(Invocation(command: "nope"))
    #expect(failure?.code == .unknownCommand)
    #expect(failure?.exitStatus == .usage)
  }

  @Test func undeclaredOptionIsRefused() async {
    let failure = await error(Invocation(command: "echo", args: ["a"], assocArgs: JSONObject([("bogus", "1")])))
    #expect(failure?.code == .invalidArguments)
  }

  @Test func globalOptionsAreAcceptedEverywhere() async {
    let outcome = await dispatcher.execute(
      Invocation(command: "echo", args: ["a"], assocArgs: JSONObject([("format", "json"), ("debug", true)])),
      runtime: runtime(), isRPC: false)
    #expect(outcome.exitStatus == .success)
  }

  @Test func choicesAreChecked() async {
    let failure = await error(Invocation(command: "echo", args: ["a"], assocArgs: JSONObject([("mode", "shouty")])))
    #expect(failure?.code == .invalidArguments)
    #expect(failure?.message.contains("loud, quiet") == true)
  }

  @Test func valueOptionGivenAsFlagIsRefused() async {
    let failure = await error(Invocation(command: "echo", args: ["a"], assocArgs: JSONObject([("mode", true)])))
    #expect(failure?.code == .invalidArguments)
  }

  @Test func missingPositionalIsAUsageError() async {
    let failure = await error(Invocation(command: "echo"))
    #expect(failure?.code == .invalidArguments)
    #expect(failure?.hint?.contains("<word>...") == true)
  }

  @Test func secretsAreMaskedInErrors() async {
    let failure = await error(Invocation(command: "fail"))
    #expect(failure?.code == ErrorCode("boom"))
    #expect(failure?.message.contains("secret-canary-1234") == false)
    #expect(failure?.message.contains(SecretRedactor.mask) == true)
  }
}
