import Values

/// `closte version`: what this binary is, for a bug report or a script that checks compatibility.
enum VersionCommand {
  static let spec = CommandSpec(
    name: "version", summary: "Show closte's version, the build it came from and the libraries it runs with.",
    description: """
      Prints the version, the git commit and date of the build (`unknown` / `dev` for a development \
      build), the Swift version it was built with, the OpenSSL library it runs with, the platform, and the \
      rpc protocol version that the WP-CLI bridge checks. `--format=json` prints one JSON object with the \
      fields version, commit, build_date, swift, openssl, platform and protocol.
      """,
    examples: [
      Example("Show the version", "closte version"),
      Example("The same for a script", "closte version --format=json"),
    ]
  ) { context in
    let info = BuildInfo.current
    switch context.invocation.string("format") {
    case nil:
      return .text(text(info), data: .object(info.object))
    case "json":
      return .text(JSONWriter.encode(.object(info.object)) + "\n", data: .object(info.object))
    default:
      return .item(info.object)
    }
  }

  static func text(_ info: BuildInfo) -> String {
    """
    closte \(info.version)
    commit:      \(info.commit)
    build date:  \(info.buildDate)
    swift:       \(info.swiftVersion)
    openssl:     \(info.openSSLVersion)
    platform:    \(info.platform)
    protocol:    \(info.protocolVersion)

    """
  }
}
