import Testing

@testable import ClosteKit
@testable import Diagnostics
@testable import Values

@Suite struct RPCRequestTests {
  let table = CommandTable([
    CommandSpec(name: "domain add", summary: "") { _ in .text("", data: .null) },
    CommandSpec(name: "version", summary: "") { _ in .text("", data: .null) },
  ])

  @Test func decodesWPCLIShapedRequests() throws {
    let request = try RPCRequest.decode(
      try JSONParser.parse(
        #"{"id":7,"command":"domain add","args":["example.com"],"assoc_args":{"www":"never"},"#
          + #""path":"/var/www/html","settings":{"dns_check_interval":60}}"#), table: table)
    #expect(request.id == 7)
    #expect(request.invocation.command == "domain add")
    #expect(request.invocation.args == ["example.com"])
    #expect(request.invocation.string("www") == "never")
    #expect(request.invocation.path == "/var/www/html")
    #expect(request.invocation.settings["dns_check_interval"] == 60)
  }

  @Test func acceptsPHPsEmptyArrayForEmptyObjects() throws {
    let request = try RPCRequest.decode(
      try JSONParser.parse(#"{"command":"version","assoc_args":[],"settings":[]}"#), table: table)
    #expect(request.id == .null)
    #expect(request.invocation.assocArgs.isEmpty)
  }

  @Test func commandWordsMayArriveInArgs() throws {
    let request = try RPCRequest.decode(
      try JSONParser.parse(#"{"command":"domain","args":["add","x.example"]}"#), table: table)
    #expect(request.invocation.command == "domain add")
    #expect(request.invocation.args == ["x.example"])
  }

  @Test(arguments: [
    #"[1,2]"#, #"{"id":1}"#, #"{"id":1,"command":""}"#, #"{"id":1,"command":5}"#,
    #"{"id":1,"command":"version","args":"x"}"#, #"{"id":1,"command":"version","args":[{}]}"#,
    #"{"id":1,"command":"version","assoc_args":"x"}"#, #"{"id":1,"command":"version","path":3}"#,
    #"{"id":1,"command":"version","settings":7}"#,
  ])
  func refusesMalformedRequestsAsInvalidRequest(text: String) throws {
    let value = try JSONParser.parse(text)
    #expect {
      try RPCRequest.decode(value, table: table)
    } throws: { error in
      if let failure = error as? RPCRequestError { return failure.error.code == .invalidRequest }
      return (error as? ClosteError)?.code == .invalidRequest
    }
  }

  @Test func invalidRequestKeepsItsID() throws {
    do {
      _ = try RPCRequest.decode(try JSONParser.parse(#"{"id":"abc"}"#), table: table)
      Issue.record("expected an error")
    } catch let failure as RPCRequestError {
      #expect(failure.id == "abc")
    }
  }
}

@Suite struct RPCRequestShapeTests {
  /// Before, a request that was not an object was answered with a Swift debug dump of the error.
  @Test(arguments: [("[1]", "an array"), ("7", "a number"), ("\"x\"", "a string"), ("null", "null")])
  func aRequestThatIsNotAnObjectIsToldSoPlainly(text: String, what: String) throws {
    let item = RPCServer.prepare(.value(try JSONParser.parse(text)), table: .standard)
    guard case .answer(let response, _) = item else {
      Issue.record("expected an answer")
      return
    }
    #expect(response["error"]?["code"] == "invalid_request")
    #expect(response["error"]?["message"] == .string("A request must be a JSON object, not \(what)."))
  }
}
