import Testing

@testable import ClosteKit
@testable import Diagnostics

@Suite struct ArgvParserTests {
  let table = CommandTable([
    CommandSpec(name: "domain add", summary: "") { _ in .text("", data: .null) },
    CommandSpec(name: "domain list", summary: "") { _ in .text("", data: .null) },
    CommandSpec(name: "version", summary: "") { _ in .text("", data: .null) },
  ])

  @Test func splitsCommandWordsFromPositionalArguments() throws {
    let invocation = try ArgvParser.parse(["domain", "add", "a.example", "b.example"], table: table)
    #expect(invocation.command == "domain add")
    #expect(invocation.args == ["a.example", "b.example"])
  }

  @Test func readsWPCLIOptionSpellings() throws {
    let invocation = try ArgvParser.parse(
      ["domain", "add", "--www=never", "--dry-run", "--no-color", "x.example", "--fields=a,b", "--empty="],
      table: table)
    #expect(invocation.assocArgs["www"] == .string("never"))
    #expect(invocation.assocArgs["dry-run"] == .bool(true))
    #expect(invocation.assocArgs["color"] == .bool(false))
    #expect(invocation.assocArgs["empty"] == .string(""))
    #expect(invocation.args == ["x.example"])
    #expect(invocation.string("fields") == "a,b")
  }

  @Test func valueKeepsEverythingAfterTheFirstEqualsSign() throws {
    let invocation = try ArgvParser.parse(["version", "--api-url=http://127.0.0.1:8/a?b=c=d"], table: table)
    #expect(invocation.string("api-url") == "http://127.0.0.1:8/a?b=c=d")
  }

  @Test func doubleDashEndsOptions() throws {
    let invocation = try ArgvParser.parse(["domain", "add", "--", "--not-an-option", "-"], table: table)
    #expect(invocation.args == ["--not-an-option", "-"])
    #expect(invocation.assocArgs.isEmpty)
  }

  @Test func repeatedOptionKeepsEveryValue() throws {
    let invocation = try ArgvParser.parse(
      ["version", "--expect=1.2.3.4", "--expect=host.example,5.6.7.8"], table: table)
    #expect(invocation.strings("expect") == ["1.2.3.4", "host.example", "5.6.7.8"])
    #expect(invocation.string("expect") == "host.example,5.6.7.8")
  }

  @Test func pathAndConfigAreLifted() throws {
    let invocation = try ArgvParser.parse(
      ["version", "--path=/srv/wp", "--config-file=/srv/wp-config.php"], table: table)
    #expect(invocation.path == "/srv/wp")
    #expect(invocation.config == "/srv/wp-config.php")
  }

  @Test func unknownSubcommandKeepsBothWords() throws {
    let invocation = try ArgvParser.parse(["domain", "frobnicate", "x"], table: table)
    #expect(invocation.command == "domain frobnicate")
    #expect(invocation.args == ["x"])
  }

  @Test func helpFlagAsksForTheCommandsHelp() throws {
    let invocation = try ArgvParser.parse(["domain", "add", "--help"], table: table)
    #expect(invocation.command == "help")
    #expect(invocation.args == ["domain", "add"])
  }

  @Test func bareDoubleDashNameIsRefused() {
    #expect(throws: ClosteError.self) { try ArgvParser.parse(["version", "--=x"], table: table) }
  }
}
