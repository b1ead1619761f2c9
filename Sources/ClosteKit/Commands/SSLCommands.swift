/// The commands: ssl check.
public enum SSLCommands {
  public static let all: [CommandSpec] = []
}
