/// The commands: dns check.
public enum DNSCommands {
  public static let all: [CommandSpec] = []
}
