import Testing

@testable import ClosteKit
@testable import Diagnostics
@testable import Values

/// The `exit_status` and `render` members that let the WP-CLI bridge print what argv would print.
@Suite struct RPCResponseTests {
  @Test(arguments: [
    (
      CommandResult.items([JSONObject([("domain", "a.com")])], fields: ["domain"]),
      #"{"id":1,"ok":true,"data":[{"domain":"a.com"}],"warnings":[],"exit_status":0,"render":{"kind":"items","fields":["domain"]}}"#
    ),
    (
      CommandResult.item(JSONObject([("ok", true)]), fields: ["ok"]),
      #"{"id":1,"ok":true,"data":{"ok":true},"warnings":[],"exit_status":0,"render":{"kind":"item","fields":["ok"]}}"#
    ),
    (
      CommandResult.text("/srv/wp-config.php\n", data: "/srv/wp-config.php"),
      #"{"id":1,"ok":true,"data":"\/srv\/wp-config.php","warnings":[],"exit_status":0,"render":{"kind":"text","text":"\/srv\/wp-config.php\n"}}"#
    ),
    (
      CommandResult.success("Done.", data: .null),
      #"{"id":1,"ok":true,"data":null,"warnings":[],"exit_status":0,"render":{"kind":"success","message":"Done."}}"#
    ),
    (
      CommandResult(data: .bool(false), rendering: .none, exitStatus: .failure),
      #"{"id":1,"ok":false,"data":false,"warnings":[],"exit_status":1,"render":{"kind":"none"}}"#
    ),
  ])
  func resultCarriesExitStatusAndRender(result: CommandResult, expected: String) {
    #expect(JSONWriter.encode(RPCResponse.success(id: 1, result: result)) == expected)
  }

  @Test func rowsThatAreNotTheDataComeInRender() {
    let report = CommandResult(
      data: ["summary": ["add": 1]], rendering: .items([JSONObject([("domain", "a.com")])], defaultFields: ["domain"]))
    #expect(
      JSONWriter.encode(RPCResponse.success(id: 1, result: report))
        == #"{"id":1,"ok":true,"data":{"summary":{"add":1}},"warnings":[],"exit_status":0,"render":{"kind":"items","fields":["domain"],"rows":[{"domain":"a.com"}]}}"#
    )
  }

  @Test func failureCarriesExitStatus() {
    let usage = RPCResponse.failure(id: 2, error: .invalidArguments("Bad."))
    #expect(usage["exit_status"] == .int(2))
    let failed = RPCResponse.failure(id: 3, error: ClosteError(ErrorCode("x"), "Failed."))
    #expect(failed["exit_status"] == .int(1))
  }
}
