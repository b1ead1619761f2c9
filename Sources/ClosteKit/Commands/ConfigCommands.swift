/// The commands: config path, config list, config get, config has.
public enum ConfigCommands {
  public static let all: [CommandSpec] = []
}
