import Testing

@testable import ClosteKit

@Suite struct RPCSchedulingTests {
  func scheduling(_ command: String, _ args: [String]) -> RPCScheduling {
    RPCScheduling(Invocation(command: command, args: args))
  }

  @Test func domainChangesAreKeyedByTheirDomains() {
    #expect(
      scheduling("domain add", ["WWW.Example.com.", "*.shop.example"]) == .domains(["example.com", "shop.example"]))
    #expect(scheduling("domain remove", ["a.example"]) == .domains(["a.example"]))
  }

  @Test(arguments: ["config get", "domain list", "domain sync", "check", "doctor"])
  func everythingElseRunsAlone(command: String) {
    #expect(scheduling(command, ["x.example"]) == .alone)
  }

  @Test func aDomainChangeWithoutDomainsRunsAlone() {
    #expect(scheduling("domain add", []) == .alone)
  }

  @Test func independentDomainChangesRunSideBySideUpToTheLimit() {
    let add = scheduling("domain add", ["a.example"])
    #expect(add.mayStart(beside: [], limit: 2))
    #expect(add.mayStart(beside: [scheduling("domain add", ["b.example"])], limit: 2))
    #expect(
      !add.mayStart(
        beside: [scheduling("domain add", ["b.example"]), scheduling("domain add", ["c.example"])], limit: 2))
  }

  @Test func changesToTheSameDomainKeepTheirOrder() {
    let remove = scheduling("domain remove", ["www.a.example"])
    #expect(!remove.mayStart(beside: [scheduling("domain add", ["a.example"])], limit: 16))
  }

  /// `bücher.example` and `xn--bcher-kva.example` are one domain: an add and a remove of it keep
  /// their order (they ran at once before the key went through DomainName).
  @Test func oneDomainInUnicodeAndInPunycodeIsOneKey() {
    let add = scheduling("domain add", ["bücher.example"])
    let remove = scheduling("domain remove", ["xn--bcher-kva.example"])
    #expect(add == remove)
    #expect(!remove.mayStart(beside: [add], limit: 16))
    #expect(!scheduling("domain add", ["WWW.BÜCHER.example."]).mayStart(beside: [remove], limit: 16))
  }

  @Test func aRequestThatRunsAloneWaitsForEverythingAndBlocksEverything() {
    let alone = scheduling("domain list", [])
    #expect(alone.mayStart(beside: [], limit: 16))
    #expect(!alone.mayStart(beside: [scheduling("domain add", ["a.example"])], limit: 16))
    #expect(!scheduling("domain add", ["a.example"]).mayStart(beside: [alone], limit: 16))
  }
}
