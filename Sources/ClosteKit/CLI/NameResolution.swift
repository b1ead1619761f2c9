import DNS
import TLS

/// Which resolver a command uses to turn names into addresses: with `--resolver=<ip[:port]>`,
/// closte's own DNS client asks that server (following CNAME chains); without it, the C library's
/// resolver, which also reads `/etc/hosts`, as every other program on the machine does.
public enum NameResolution {
  public static func resolver(for context: CommandContext) throws -> HostResolver {
    guard context.invocation.string("resolver") != nil else { return SystemHostResolver() }
    return DNSHostResolver(resolver: try Resolver.forCommand(context))
  }
}
