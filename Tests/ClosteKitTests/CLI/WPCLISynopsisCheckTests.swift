import Testing

@testable import ClosteKit
@testable import Diagnostics
@testable import WPConfig

/// WP-CLI's synopsis checking (`Subcommand::validate_args`) for the `config` drop-ins: its words, exit 1.
@Suite struct WPCLISynopsisCheckTests {
  static let dispatcher = Dispatcher(table: .standard)

  func runtime() -> Runtime {
    Runtime(
      environment: [:], currentDirectory: "/nonexistent", stdout: BufferSink(), stderr: BufferSink(),
      stdin: BufferSource(""))
  }

  func error(_ words: [String]) async throws -> ClosteError? {
    let invocation = try ArgvParser.parse(words, table: .standard)
    if case .failure(let error) = await Self.dispatcher.execute(invocation, runtime: runtime(), isRPC: false) {
      return error
    }
    return nil
  }

  @Test func unknownOptionsAndBadValuesAreParameterErrors() async throws {
    let error = try await error(["config", "list", "--format=count", "--bogus=1", "--formt=csv"])
    #expect(
      error?.message
        == "Parameter errors:\n Invalid value specified for 'format' (Render output in a particular format.)"
        + "\n unknown --bogus parameter\n unknown --formt parameter\nDid you mean '--format'?")
    #expect(error?.exitStatus == .failure)
  }

  @Test func hasHasNoFormatAndGetNoFields() async throws {
    #expect(
      try await error(["config", "has", "X", "--format=json"])?.message
        == "Parameter errors:\n unknown --format parameter")
    #expect(
      try await error(["config", "get", "X", "--fields=name"])?.message
        == "Parameter errors:\n unknown --fields parameter")
  }

  @Test func tooManyArgumentsAndAnEmptyPathExitOne() async throws {
    let tooMany = try await error(["config", "has", "A", "B"])
    #expect(tooMany?.message == "Too many positional arguments: B")
    #expect(tooMany?.exitStatus == .failure)
    let empty = try await error(["config", "get", "DB_NAME", "--path="])
    #expect(empty?.message == "The --path parameter cannot be empty when provided.")
    #expect(empty?.exitStatus == .failure)
  }

  @Test func aMissingArgumentPrintsTheUsageLine() async throws {
    let invocation = try ArgvParser.parse(["config", "has"], table: .standard)
    guard case .result(let result) = await Self.dispatcher.execute(invocation, runtime: runtime(), isRPC: false),
      case .text(let text) = result.rendering
    else {
      Issue.record("expected the usage line")
      return
    }
    #expect(text == "usage: closte config has <name> [--type=<constant|variable|all>]\n")
    #expect(result.exitStatus == .failure)
  }

  /// WP-CLI takes `--url` everywhere, and checks nothing for `config path`, which has no synopsis.
  @Test func urlIsAcceptedAndPathTakesAnything() async throws {
    #expect(try await error(["config", "get", "X", "--url=http://example.test/"])?.code != .invalidArguments)
    #expect(try await error(["config", "path", "extra", "--bogus"])?.code == .configNotFound)
  }
}
