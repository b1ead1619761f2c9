import Testing

@testable import ClosteKit
@testable import Diagnostics

@Suite struct BuildInfoTests {
  /// `swift build` defines no build facts: a development build says so instead of guessing.
  @Test func aDevelopmentBuildSaysUnknownAndDev() {
    let info = BuildInfo.current
    #expect(info.commit == "unknown")
    #expect(info.buildDate == "dev")
    #expect(info.swiftVersion.hasPrefix("6."))
    #expect(info.version == ClosteVersion.current)
    #expect(info.protocolVersion == ClosteVersion.protocolVersion)
  }

  @Test func readsTheOpenSSLItRunsWith() {
    #expect(BuildInfo.current.openSSLVersion.hasPrefix("OpenSSL "))
  }

  @Test func objectKeepsTheDocumentedFieldsInOrder() {
    #expect(
      BuildInfo.current.object.keys == ["version", "commit", "build_date", "swift", "openssl", "platform", "protocol"])
  }

  @Test func textHasOneLinePerFact() {
    let info = BuildInfo(
      version: "9.9.9", commit: "abc", buildDate: "2026-01-02T03:04:05Z", swiftVersion: "6.3.1",
      openSSLVersion: "OpenSSL 3.0.0", platform: "linux-x86_64", protocolVersion: 4)
    #expect(
      VersionCommand.text(info) == """
        closte 9.9.9
        commit:      abc
        build date:  2026-01-02T03:04:05Z
        swift:       6.3.1
        openssl:     OpenSSL 3.0.0
        platform:    linux-x86_64
        protocol:    4

        """)
  }
}
