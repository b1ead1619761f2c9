/// `closte completion bash`: the shell completion script, generated from the command table.
enum CompletionCommands {
  static let all: [CommandSpec] = [bash]

  static let bash = CommandSpec(
    name: "completion bash", summary: "Print a bash completion script for every closte command and option.",
    description: """
      The script is generated from the same command table that parses the command line, so it completes \
      exactly the commands, subcommands, options and option values this binary accepts. Load it in the \
      current shell with `source <(closte completion bash)`, or install it for every new shell with \
      `closte completion bash > ~/.local/share/bash-completion/completions/closte` (bash-completion \
      loads it from there on first use).
      """,
    examples: [
      Example("Load it into this shell", "source <(closte completion bash)"),
      Example(
        "Install it for your user",
        "mkdir -p ~/.local/share/bash-completion/completions && "
          + "closte completion bash > ~/.local/share/bash-completion/completions/closte"),
    ]
  ) { _ in
    let script = BashCompletion.script(for: CommandTable.standard)
    return .text(script, data: .string(script))
  }
}
