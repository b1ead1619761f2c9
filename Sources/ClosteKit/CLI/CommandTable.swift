/// Every command closte has. argv, rpc, `help` and shell completion all read this one table.
public struct CommandTable: Sendable {
  public let commands: [CommandSpec]
  private let byName: [String: CommandSpec]

  public init(_ commands: [CommandSpec]) {
    self.commands = commands
    var byName: [String: CommandSpec] = [:]
    for command in commands { byName[command.name] = command }
    self.byName = byName
  }

  /// The standard table. Each group lives beside the code it drives.
  public static let standard = CommandTable(
    CoreCommands.all + ConfigCommands.all + ClosteCommands.all + SyncCommands.all + NetworkAliasCommands.all
      + DNSCommands.all + SSLCommands.all + StageCommands.all + DoctorCommands.all)

  public func spec(named name: String) -> CommandSpec? { byName[name] }

  /// Splits leading words into the longest command name they start with, and the rest.
  /// Words that name no command come back whole, as the command (to be reported unknown).
  public func resolve(_ words: [String]) -> (command: String, args: [String]) {
    var length = min(words.count, 3)
    while length > 0 {
      let name = words.prefix(length).joined(separator: " ")
      if byName[name] != nil { return (name, Array(words.dropFirst(length))) }
      length -= 1
    }
    guard let first = words.first else { return ("", []) }
    // "domain frobnicate" should be reported as an unknown command, not as "domain" with args.
    if words.count > 1, commands.contains(where: { $0.name.hasPrefix(first + " ") }) {
      return (first + " " + words[1], Array(words.dropFirst(2)))
    }
    return (first, Array(words.dropFirst()))
  }

  /// The command groups (the first words), for `help`.
  public var groups: [String] {
    var seen: [String] = []
    for command in commands {
      let first = String(command.name.split(separator: " ").first ?? "")
      if !seen.contains(first) { seen.append(first) }
    }
    return seen
  }
}
