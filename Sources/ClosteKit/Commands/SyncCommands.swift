/// The commands: domain sync.
public enum SyncCommands {
  public static let all: [CommandSpec] = []
}
