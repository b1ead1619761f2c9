/// The commands: check, domain add, domain remove, domain list.
public enum ClosteCommands {
  public static let all: [CommandSpec] = []
}
