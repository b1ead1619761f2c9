/// The commands: domain status, domain wait.
public enum StageCommands {
  public static let all: [CommandSpec] = []
}
