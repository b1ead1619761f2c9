import DNS
import TLS

/// The commands: ssl check.
public enum SSLCommands {
  public static let all: [CommandSpec] = [check]

  static let connectToOption = OptionSpec(
    "connect-to", value: "ip",
    "Connect to this address instead of resolving the domain: the certificate a server serves for the "
      + "name before its DNS points there.")

  static let check = CommandSpec(
    name: "ssl check", summary: "Check the SSL certificate served for a domain.",
    arguments: [ArgumentSpec("domain", "The domain, as visitors type it (e.g. shop.example.com).")],
    options: [connectToOption],
    description: """
      Resolves the domain (through --resolver when given), connects to --port (443) with the name as SNI, \
      speaks TLS 1.2 or 1.3, verifies the chain against the system's trust store plus --ca-file, and matches \
      the name as RFC 6125 says (a `*.` name covers exactly one leftmost label). Reports `valid`, the reason \
      when not (expired, not_yet_valid, hostname_mismatch, untrusted, self_signed, handshake_failed, \
      unreachable, timeout), subject, issuer, names, not_before, not_after (UTC), days_left and the protocol. \
      The whole check is bounded by --timeout; connecting and the TLS handshake by --connect-timeout (10 s), \
      so a port that accepts the connection and never speaks TLS is a `timeout` within it. Exit 0 when the certificate is valid, 1 when it is not (error \
      code ssl_<reason>).
      """,
    examples: [
      Example("Check a mapped domain", "closte ssl check shop.example.com"),
      Example("As JSON", "closte ssl check shop.example.com --format=json"),
      Example(
        "The certificate the Closte server serves before DNS is switched",
        "closte ssl check shop.example.com --connect-to=203.0.113.10"),
    ]
  ) { context in
    let report = try await SSLCommands.report(for: context.args[0], context: context)
    return .report(
      report.json, tableFields: SSLReport.defaultFields, invocation: context.invocation, failure: report.error)
  }

  /// The SSL check of one domain with this invocation's `--port`, `--timeout`, `--ca-file`,
  /// `--connect-to` and `--resolver`.
  static func report(for domain: String, context: CommandContext) async throws -> SSLReport {
    let request = try sslRequest(for: domain, invocation: context.invocation)
    let check = SSLCheck(resolver: try NameResolution.resolver(for: context), now: { context.runtime.clock.now() })
    let report = try await check.run(request)
    context.diagnostics.debug("ssl check \(domain): \(report.reason?.rawValue ?? "valid") (\(report.message))")
    return report
  }

  static func sslRequest(for domain: String, invocation: Invocation) throws -> SSLCheckRequest {
    return SSLCheckRequest(
      domain: try DomainNameCheck.parse(domain).description,
      port: UInt16(try invocation.integer("port", in: 1...65535) ?? 443),
      timeout: try invocation.seconds("timeout", in: 0.1...3600) ?? 45,
      connectTimeout: try Resolver.connectTimeout(invocation),
      caFile: invocation.string("ca-file"),
      connectTo: invocation.string("connect-to"))
  }
}
