import Foundation
import Testing

@testable import Diagnostics

@Suite struct ProcessEnvironmentTests {
  /// Every variable, as Foundation's ProcessInfo (and getenv) see it.
  @Test func readsEveryVariableAsProcessInfoDoes() {
    setenv("CLOSTE_ENVIRONMENT_TEST", "a=b=c", 1)
    defer { unsetenv("CLOSTE_ENVIRONMENT_TEST") }
    let environment = ProcessEnvironment.current()
    #expect(environment["CLOSTE_ENVIRONMENT_TEST"] == "a=b=c")
    #expect(environment == ProcessInfo.processInfo.environment)
  }
}
