/// Which resolver a command uses to turn names into addresses.
public enum NameResolution {
  /// `--resolver=<ip[:port]>` when given, else the system's.
  public static func resolver(for context: CommandContext) throws -> HostResolver {
    if let server = context.invocation.string("resolver") {
      // TODO(dns merge): ask `server` through the DNS client.
      context.diagnostics.debug("--resolver=\(server) is not wired yet; using the system resolver")
    }
    return SystemHostResolver()
  }
}
