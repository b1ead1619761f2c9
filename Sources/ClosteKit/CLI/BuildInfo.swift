import CBuildInfo
import Diagnostics
import TLS
import Values

/// What `closte version` reports: the facts of the build that made this binary (from CBuildInfo,
/// which a release build fills in and a plain `swift build` leaves at `unknown` / `dev`), and the
/// OpenSSL library it runs with (asked at run time: the system's libssl may differ from the headers).
public struct BuildInfo: Sendable, Equatable {
  public var version: String
  public var commit: String
  public var buildDate: String
  public var swiftVersion: String
  public var openSSLVersion: String
  public var platform: String
  public var protocolVersion: Int

  public init(
    version: String, commit: String, buildDate: String, swiftVersion: String, openSSLVersion: String,
    platform: String, protocolVersion: Int
  ) {
    self.version = version
    self.commit = commit
    self.buildDate = buildDate
    self.swiftVersion = swiftVersion
    self.openSSLVersion = openSSLVersion
    self.platform = platform
    self.protocolVersion = protocolVersion
  }

  /// This binary's facts.
  public static var current: BuildInfo {
    let swift = String(cString: closte_build_swift_version())
    return BuildInfo(
      version: ClosteVersion.current, commit: String(cString: closte_build_commit()),
      buildDate: String(cString: closte_build_date()),
      swiftVersion: swift.isEmpty ? compilerVersion : swift,
      openSSLVersion: OpenSSLLibrary.version,
      platform: platform, protocolVersion: ClosteVersion.protocolVersion)
  }

  /// In the order `closte version` prints them.
  public var object: JSONObject {
    JSONObject([
      ("version", .string(version)), ("commit", .string(commit)), ("build_date", .string(buildDate)),
      ("swift", .string(swiftVersion)), ("openssl", .string(openSSLVersion)), ("platform", .string(platform)),
      ("protocol", .int(protocolVersion)),
    ])
  }

  /// The compiler's version to the minor, for a dev build (the release build passes the full one).
  static var compilerVersion: String {
    #if compiler(>=6.4)
      return "6.4 or later"
    #elseif compiler(>=6.3)
      return "6.3"
    #elseif compiler(>=6.2)
      return "6.2"
    #elseif compiler(>=6.1)
      return "6.1"
    #else
      return "6.0"
    #endif
  }

  /// `linux-x86_64`, as the release archive's name spells it.
  static var platform: String {
    #if os(Linux)
      let system = "linux"
    #elseif os(macOS)
      let system = "macos"
    #else
      let system = "unknown"
    #endif
    #if arch(x86_64)
      return system + "-x86_64"
    #elseif arch(arm64)
      return system + "-aarch64"
    #else
      return system + "-unknown"
    #endif
  }
}
