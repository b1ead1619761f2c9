import Diagnostics
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// The bash completion script of `closte completion bash`. Everything it completes is read from the
/// command table and the global options (command words, each command's options, option choices, and
/// file or folder names for options whose value is a file or a folder), so it cannot drift from what
/// the parser accepts.
///
/// The script finds the command from `COMP_LINE` itself rather than from `COMP_WORDS`, because bash
/// splits `--format=js` at the `=` (it is in `COMP_WORDBREAKS`); it then answers with the bare value,
/// which is what bash replaces in that case. It needs no bash-completion package.
public enum BashCompletion {
  public static func script(for table: CommandTable, globals: [OptionSpec] = GlobalOptions.all) -> String {
    var lines = [
      "# bash completion for closte \(ClosteVersion.current), generated from its command table by",
      "# `closte completion bash`. Load it with: source <(closte completion bash)",
      "# or install it: closte completion bash > ~/.local/share/bash-completion/completions/closte",
      "",
    ]
    lines += nextWordsFunction(table)
    lines += optionsFunction(table, globals: globals)
    lines += valuesFunction(table, globals: globals)
    lines += mainFunction
    lines.append("complete -o bashdefault -o default -F _closte closte")
    return lines.joined(separator: "\n") + "\n"
  }

  /// For each command path typed so far ("", "domain", ...), the words that may follow it.
  /// After `help`, the same words as at the top, so `closte help domain a<TAB>` completes too.
  static func nextWords(_ table: CommandTable) -> [(path: String, words: [String])] {
    var order: [String] = []
    var words: [String: [String]] = [:]
    for spec in table.commands {
      let parts = spec.name.split(separator: " ").map(String.init)
      for index in parts.indices {
        let path = parts[..<index].joined(separator: " ")
        if words[path] == nil { order.append(path) }
        if !(words[path] ?? []).contains(parts[index]) { words[path, default: []].append(parts[index]) }
      }
    }
    return order.map { ($0, words[$0] ?? []) }
  }

  private static func nextWordsFunction(_ table: CommandTable) -> [String] {
    var lines = [
      "_closte_next_words() {",
      "  local path=\"$1\"",
      "  case \"$path\" in help) path=\"\" ;; \"help \"*) path=\"${path#help }\" ;; esac",
      "  case \"$path\" in",
    ]
    for (path, words) in nextWords(table) {
      lines.append("    \(quoted(path))) echo \(quoted(words.joined(separator: " "))) ;;")
    }
    lines += ["  esac", "}", ""]
    return lines
  }

  /// `--name=` for an option that takes a value, `--name` for a flag.
  static func completion(of option: OptionSpec) -> String {
    "--" + option.name + (option.isFlag ? "" : "=")
  }

  private static func optionsFunction(_ table: CommandTable, globals: [OptionSpec]) -> [String] {
    var lines = ["_closte_options() {", "  case \"$1\" in"]
    for spec in table.commands where !spec.options.isEmpty {
      let words = spec.options.map(completion(of:)).joined(separator: " ")
      lines.append("    \(quoted(spec.name))) echo \(quoted(words)) ;;")
    }
    lines += ["  esac", "  echo \(quoted(globals.map(completion(of:)).joined(separator: " ")))", "}", ""]
    return lines
  }

  /// How the value of an option completes: from its choices, as a folder or file name, or not at all.
  static func valueCompletion(of option: OptionSpec) -> String? {
    if let choices = option.choices {
      return "mapfile -t COMPREPLY < <(compgen -W \(quoted(choices.joined(separator: " "))) -- \"$3\")"
    }
    switch option.valueName {
    case "dir": return "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- \"$3\")"
    case "file", "pem": return "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- \"$3\")"
    default: return nil
    }
  }

  private static func valuesFunction(_ table: CommandTable, globals: [OptionSpec]) -> [String] {
    var lines = ["# $1 the command, $2 the option's name, $3 the value typed so far.", "_closte_values() {"]
    lines.append("  case \"$1 --$2\" in")
    for spec in table.commands {
      for option in spec.options {
        guard let action = valueCompletion(of: option) else { continue }
        lines.append("    \(quoted("\(spec.name) --\(option.name)"))) \(action) ;;")
      }
    }
    for option in globals {
      guard let action = valueCompletion(of: option) else { continue }
      lines.append("    *\(quoted(" --\(option.name)"))) \(action) ;;")
    }
    lines += ["  esac", "}", ""]
    return lines
  }

  private static let mainFunction = [
    "_closte() {",
    "  local line=\"${COMP_LINE:0:COMP_POINT}\" cur=\"\" path=\"\" word next",
    "  local -a words=()",
    "  read -ra words <<< \"$line\"",
    "  if [[ -n \"$line\" && \"$line\" != *[[:space:]] && ${#words[@]} -gt 0 ]]; then",
    "    cur=\"${words[${#words[@]}-1]}\"",
    "    unset 'words[${#words[@]}-1]'",
    "  fi",
    "  # The command is the run of known words after `closte`, options skipped; its arguments end it.",
    "  for word in \"${words[@]:1}\"; do",
    "    [[ \"$word\" == -* ]] && continue",
    "    next=\" $(_closte_next_words \"$path\") \"",
    "    [[ \"$next\" == *\" $word \"* ]] || break",
    "    path=\"${path:+$path }$word\"",
    "  done",
    "  COMPREPLY=()",
    "  if [[ \"$cur\" == --*=* ]]; then",
    "    local name=\"${cur%%=*}\"",
    "    name=\"${name#--}\"",
    "    _closte_values \"$path\" \"$name\" \"${cur#*=}\"",
    "    # bash completes only the part after `=` when `=` breaks words (its default).",
    "    [[ \"$COMP_WORDBREAKS\" == *=* ]] || COMPREPLY=(\"${COMPREPLY[@]/#/--$name=}\")",
    "  elif [[ \"$cur\" == -* ]]; then",
    "    mapfile -t COMPREPLY < <(compgen -W \"$(_closte_options \"$path\")\" -- \"$cur\")",
    "    [[ ${#COMPREPLY[@]} -eq 1 && \"${COMPREPLY[0]}\" == *= ]] && compopt -o nospace 2>/dev/null",
    "  else",
    "    mapfile -t COMPREPLY < <(compgen -W \"$(_closte_next_words \"$path\")\" -- \"$cur\")",
    "  fi",
    "  return 0",
    "}",
    "",
  ]

  /// A word for the shell, in single quotes.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingAll("'", with: "'\\''") + "'"
  }
}
