import Testing

@testable import ClosteKit

@Suite struct BashCompletionTests {
  static func command(_ name: String, options: [OptionSpec] = []) -> CommandSpec {
    CommandSpec(name: name, summary: "", options: options) { _ in .text("", data: .null) }
  }

  static let table = CommandTable([
    command("help"),
    command("domain add", options: [OptionSpec("www", value: "mode", "", choices: ["always", "never"])]),
    command("domain remove"), command("dns check"), command("domain list"),
  ])

  @Test func nextWordsFollowTheTableOrder() {
    let words = BashCompletion.nextWords(Self.table)
    #expect(words.map(\.path) == ["", "domain", "dns"])
    #expect(words.map(\.words) == [["help", "domain", "dns"], ["add", "remove", "list"], ["check"]])
  }

  @Test(arguments: [
    (OptionSpec("dry-run", ""), "--dry-run"), (OptionSpec("from", value: "file", ""), "--from="),
  ])
  func optionsCompleteWithAnEqualsSignWhenTheyTakeAValue(option: OptionSpec, expected: String) {
    #expect(BashCompletion.completion(of: option) == expected)
  }

  @Test func valuesCompleteFromChoicesFoldersOrFiles() {
    let choices = BashCompletion.valueCompletion(of: OptionSpec("www", value: "mode", "", choices: ["a", "b"]))
    #expect(choices?.contains("compgen -W 'a b'") == true)
    #expect(BashCompletion.valueCompletion(of: OptionSpec("path", value: "dir", ""))?.contains("compgen -d") == true)
    #expect(BashCompletion.valueCompletion(of: OptionSpec("ca-file", value: "pem", ""))?.contains("compgen -f") == true)
    #expect(BashCompletion.valueCompletion(of: OptionSpec("timeout", value: "seconds", "")) == nil)
  }

  @Test func quotesForTheShell() {
    #expect(BashCompletion.quoted("it's") == #"'it'\''s'"#)
    #expect(BashCompletion.quoted("") == "''")
  }

  /// The standard table, whatever commands it has by now: every word, option and choice is in the script.
  @Test func scriptCoversTheStandardTable() {
    let script = BashCompletion.script(for: .standard)
    for spec in CommandTable.standard.commands {
      for word in spec.name.split(separator: " ") { #expect(script.contains(String(word)), "\(spec.name)") }
      for option in spec.options {
        #expect(script.contains(BashCompletion.completion(of: option)), "\(spec.name) --\(option.name)")
        for choice in option.choices ?? [] { #expect(script.contains(choice)) }
      }
    }
    for option in GlobalOptions.all { #expect(script.contains(BashCompletion.completion(of: option))) }
    #expect(script.hasSuffix("complete -o bashdefault -o default -F _closte closte\n"))
  }
}
