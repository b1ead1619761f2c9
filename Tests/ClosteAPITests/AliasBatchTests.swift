import Testing

@testable import ClosteAPI
@testable import Diagnostics
@testable import DomainNames
@testable import Values

@Suite struct AliasBatchTests {
  func op(_ kind: AliasOperation.Kind, _ name: String) throws -> AliasOperation {
    AliasOperation(kind, try DomainName(validating: name))
  }

  @Test func planSkipsWhatIsAlreadyDone() throws {
    let current = [ClosteAlias(entry: "a.com"), ClosteAlias(entry: ["domain": "b.com", "wildcard": 1])].compactMap {
      $0
    }
    let plan = AliasBatch.plan(
      [
        try op(.add, "a.com"), try op(.add, "c.com"), try op(.add, "c.com"), try op(.remove, "*.b.com"),
        try op(.remove, "d.com"),
      ],
      current: current)
    #expect(plan.send.map(\.domain.name) == ["c.com", "*.b.com"])
    #expect(plan.settled.map(\.action) == [.exists, .absent])
  }

  /// Closte may list a name in Unicode or upper case: it is still the alias `domain add` would add.
  @Test func aNameClosteListsInUnicodeIsAlreadyThere() throws {
    let current = [ClosteAlias(entry: "BÜCHER.example"), ClosteAlias(entry: "café.example")].compactMap { $0 }
    let plan = AliasBatch.plan(
      [try op(.add, "bücher.example"), try op(.remove, "xn--caf-dma.example")], current: current)
    #expect(plan.settled.map(\.action) == [.exists])
    #expect(plan.send.map(\.domain.name) == ["xn--caf-dma.example"])
  }

  @Test func retriedAddThatLandedIsAdded() async throws {
    // The first answer is lost (500) after Closte applied it; the retry is refused as a duplicate.
    let transport = ScriptedTransport([
      .answer(500, "x"), .answer(200, #"{"success":false,"error":"Domain alias already exists: a.com"}"#),
      .answer(200, #"{"success":true,"domains":["a.com"]}"#),
    ])
    let client = try ClientFixture.client(transport, clock: VirtualClock())
    let result = await AliasBatch.applyOne(try op(.add, "a.com"), client: client)
    #expect(result.action == .added)
    #expect(transport.requests.map(\.target) == ["/adddomainalias", "/adddomainalias", "/getdomains"])
  }

  @Test func refusalIsAFailureWithClostesMessage() async throws {
    let transport = ScriptedTransport([.answer(200, #"{"success":false,"error":"Domain is blocked"}"#)])
    let client = try ClientFixture.client(transport, clock: VirtualClock())
    let result = await AliasBatch.applyOne(try op(.add, "a.com"), client: client)
    #expect(result.action == .failed)
    #expect(result.error?.code == .apiRefused)
    #expect(result.error?.message.contains("Domain is blocked") == true)
    #expect(result.row["action"] == "failed")
  }

  @Test func oneFailureDoesNotStopTheOthers() async throws {
    let transport = ScriptedTransport([
      .answer(200, #"{"success":true}"#), .answer(200, #"{"success":false,"error":"no"}"#),
      .answer(200, #"{"success":true}"#),
    ])
    let clock = VirtualClock()
    let client = try ClientFixture.client(transport, clock: clock)
    // One at a time: the scripted answers are handed out in request order, so a parallel batch would
    // give the refusal to whichever request came second.
    let results = await AliasBatch.apply(
      [try op(.add, "a.com"), try op(.add, "b.com"), try op(.remove, "c.com")], client: client,
      runner: BatchRunner(concurrency: 1, clock: clock))
    #expect(results.map(\.action) == [.added, .failed, .removed])
  }
}

@Suite struct ClosteAliasTests {
  @Test(arguments: [
    (JSONValue.string("Example.com."), "example.com", false),
    (JSONValue.string("*.example.com"), "*.example.com", true),
    (JSONValue.object(JSONObject([("domain", "example.com"), ("wildcard", "1")])), "*.example.com", true),
    (JSONValue.object(JSONObject([("name", "example.org"), ("ssl", "active")])), "example.org", false),
    (JSONValue.object(JSONObject([("hostname", "example.net"), ("wildcard", false)])), "example.net", false),
  ])
  func readsEntries(_ entry: JSONValue, _ domain: String, _ wildcard: Bool) throws {
    let alias = try #require(ClosteAlias(entry: entry))
    #expect(alias.domain == domain)
    #expect(alias.wildcard == wildcard)
  }

  @Test func keepsUnknownFields() throws {
    let alias = try #require(ClosteAlias(entry: ["id": 7, "domain": "a.com", "ssl": "active"]))
    #expect(alias.row.keys == ["domain", "wildcard", "id", "ssl"])
  }

  @Test(arguments: [JSONValue.int(3), .null, ["id": 3]]) func skipsEntriesWithoutAName(_ entry: JSONValue) {
    #expect(ClosteAlias(entry: entry) == nil)
  }
}

@Suite struct ClosteEndpointTests {
  @Test(arguments: [
    "https://app.closte.com/api/client", "http://127.0.0.1:8080", "http://127.3.4.5/api", "http://[::1]:99",
    "http://localhost:1234/api/client/", "https://app.closte.com:443/api/client", "HTTPS://App.Closte.com/api",
    "https://app.closte.com/api%20client",
  ])
  func accepts(_ url: String) throws {
    _ = try ClosteEndpoint(validating: url)
  }

  @Test(arguments: [
    ("http://app.closte.com/api/client", ErrorCode.apiURLInsecure),
    ("http://10.0.0.1/api", .apiURLInsecure),
    ("http://127.0.0.1.example.com/", .apiURLInsecure),
    ("ftp://app.closte.com/", .apiURLInvalid),
    ("app.closte.com/api", .apiURLInvalid),
    ("https://user:pw@app.closte.com/", .apiURLInvalid),
    ("https://app.closte.com/api?x=1", .apiURLInvalid),
    ("https://app.closte.com/api#part", .apiURLInvalid),
    ("https://app.closte.com:https/api", .apiURLInvalid),
    ("https:///api/client", .apiURLInvalid),
    ("https:app.closte.com/api", .apiURLInvalid),
    ("https://app closte.com/api", .apiURLInvalid),
    ("https://app.closte.com/\u{E9}", .apiURLInvalid),
    ("https://app.closte.com/api%zz", .apiURLInvalid),
    ("http://[::1/api", .apiURLInvalid),
    ("https://@app.closte.com/", .apiURLInvalid),
    ("", .apiURLInvalid),
  ])
  func refuses(_ url: String, _ code: ErrorCode) {
    do {
      _ = try ClosteEndpoint(validating: url)
      Issue.record("accepted \(url)")
    } catch let error as ClosteError {
      #expect(error.code == code)
      #expect(error.exitStatus == .usage)
    } catch {
      Issue.record("\(error)")
    }
  }

  @Test func baseComesFromOptionThenEnvironmentThenDefault() throws {
    let environment = ["CLOSTE_API_URL": "http://127.0.0.1:1"]
    #expect(try ClosteEndpoint(option: "http://127.0.0.1:2/", environment: environment).base == "http://127.0.0.1:2")
    #expect(try ClosteEndpoint(option: nil, environment: environment).base == "http://127.0.0.1:1")
    #expect(try ClosteEndpoint(option: nil, environment: [:]).base == ClosteEndpoint.defaultBase)
  }

  @Test func formEncodingIsPHPs() {
    #expect(FormEncoding.encode([("a b", "x&y=z"), ("k", "*.é")]) == "a%20b=x%26y%3Dz&k=*.%C3%A9")
  }
}
