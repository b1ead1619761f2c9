import DNS
import Diagnostics
import Values

extension Resolver {
  /// `--timeout`'s default (GlobalOptions): the bound of one DNS check, all its questions together.
  public static let defaultCommandTimeout = 45.0

  /// The resolver a command uses: `--resolver=<ip[:port]>`, else the servers of `resolvConfPath`,
  /// with its timeout and attempts.
  public static func forCommand(
    _ context: CommandContext, resolvConfPath: String = ResolvConf.defaultPath
  ) throws -> Resolver {
    var server: DNSServerAddress?
    if let text = context.invocation.string("resolver") {
      guard let parsed = DNSServerAddress(text) else {
        throw ClosteError.invalidArguments(
          "--resolver must be an IP address with an optional port; got '\(text)'.",
          hint: "For example --resolver=192.0.2.53, --resolver=192.0.2.53:5353 or --resolver=[2001:db8::53]:53.")
      }
      server = parsed
    }
    let configuration = Configuration.system(
      resolvConfPath: resolvConfPath, environment: context.runtime.environment, server: server,
      totalTimeout: try commandTimeout(context))
    context.diagnostics.debug(
      "DNS servers: \(configuration.servers.map(\.description).joined(separator: ", ")); "
        + "\(configuration.attempts) attempts of \(JSONWriter.formatDouble(configuration.attemptTimeout)) s"
        + (configuration.search.isEmpty
          ? ""
          : "; search \(configuration.search.map(\.description).joined(separator: " ")) ndots:\(configuration.ndots)"))
    return Resolver(
      configuration: configuration, transport: SocketTransport(connectTimeout: try connectTimeout(context.invocation)))
  }

  /// `--timeout`, in seconds, or the default.
  public static func commandTimeout(_ context: CommandContext) throws -> Double {
    try context.invocation.seconds("timeout", in: 0.001...86400) ?? defaultCommandTimeout
  }

  /// `--connect-timeout`, in seconds, or the default (10 s): the bound of one TCP connect and TLS handshake.
  public static func connectTimeout(_ invocation: Invocation) throws -> Double {
    try invocation.seconds("connect-timeout", in: 0.001...3600) ?? SocketTransport.defaultConnectTimeout
  }
}
