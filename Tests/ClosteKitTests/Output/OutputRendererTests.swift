import Testing

@testable import ClosteKit

/// Which table a command prints: WP-CLI's SHELL_PIPE rule (OutputRenderer).
@Suite struct OutputRendererTests {
  @Test(
    arguments: [
      (nil, true, true), (nil, false, false), ("0", false, true), ("1", true, false), ("false", false, true),
      ("yes", true, false),
    ] as [(String?, Bool, Bool)])
  func shellPipeDecidesTheTable(shellPipe: String?, isTerminal: Bool, boxed: Bool) {
    let environment = shellPipe.map { ["SHELL_PIPE": $0] } ?? [:]
    #expect(OutputRenderer.isBoxed(environment: environment, isTerminal: isTerminal) == boxed)
  }
}
