import Diagnostics
import PHPReader

/// Walks the statements of a `wp-config.php` (and the files it includes) as PHP would run them,
/// without running anything: `define()`, `const`, top-level assignments, `if`/`elseif`/`else`
/// (a statically decided condition picks its branch; an undecided one makes what follows it
/// `maybe`), includes. Function and class bodies are skipped; loops are read as `maybe`.
package final class WPConfigInterpreter: PHPScope {
  package static let maximumNesting = 200
  package static let maximumIncludeDepth = 32

  package let context: PHPRunContext
  package let mainFile: String
  package var file: String
  package private(set) var namespace = ""

  private var items: [ConfigItem] = []
  private var removed: Set<Int> = []
  private var constants: [String: Definition] = [:]
  private var variables: [String: Definition] = [:]
  private var variableItems: [String: Int] = [:]
  /// Where each variable enters PHP's symbol table: (the order its file was first run in, the
  /// order of its first mention). The main file's variables all come before an include's.
  private var mentions: [String: (file: Int, order: Int)] = [:]
  private var mentionCount = 0
  private var fileOrder: [String: Int] = [:]
  private var currentFileOrder = 0
  /// Writes to superglobal elements (`$_SERVER['HTTPS'] = 'on'`), by superglobal and key ("" for
  /// the whole array).
  private var superglobalWrites: [String: [String: PHPResult]] = [:]
  package var includedFiles: Set<String> = []
  package var includeStack: [String] = []
  /// Includes followed and bytes read so far, against `PHPLimits`.
  package var includesFollowed = 0
  package var sourceBytesRead = 0
  private var nesting = 0
  /// An `exit` met inside an expression, turned into a `Stop` at the end of its statement.
  private var exitInExpression: PHPFlow.Reach?

  package struct Definition {
    package var value: PHPResult
    package var certain: Bool

    package init(value: PHPResult, certain: Bool) {
      self.value = value
      self.certain = certain
    }
  }

  /// Why a run of statements stopped early: a top-level `return` (ends the file), `exit`, or a
  /// `break`/`continue` (ends the enclosing `switch` or loop).
  package enum Stop {
    case returned(PHPFlow.Reach)
    case exited(PHPFlow.Reach)
    case broke(PHPFlow.Reach)

    package var reach: PHPFlow.Reach {
      switch self {
      case .returned(let reach), .exited(let reach), .broke(let reach): return reach
      }
    }

    /// Which of two pending stops the enclosing construct must see: `exit` over `return` over `break`.
    package var rank: Int {
      switch self {
      case .broke: return 0
      case .returned: return 1
      case .exited: return 2
      }
    }
  }

  package init(mainFile: String, context: PHPRunContext) {
    self.mainFile = mainFile
    self.context = context
    self.file = WPConfigFile.realPath(mainFile)
    if let abspath = context.abspath {
      // Defined by WP-CLI before the file runs: the file's own `define('ABSPATH', ...)` does nothing.
      constants["ABSPATH"] = Definition(value: .value(.string(abspath)), certain: true)
    }
  }

  package func finishedItems() -> [ConfigItem] {
    // Variables take PHP's symbol-table order, in the slots the variables hold (moved only when
    // the order differs: a large file's items are not copied for nothing).
    let slots = items.indices.filter { items[$0].type == .variable && !removed.contains($0) }
    let ordered = slots.sorted { left, right in
      let a = mentions[items[left].name] ?? (Int.max, left)
      let b = mentions[items[right].name] ?? (Int.max, right)
      return a.file != b.file ? a.file < b.file : a.order < b.order
    }
    if ordered != slots {
      let variables = ordered.map { items[$0] }
      for (slot, item) in zip(slots, variables) { items[slot] = item }
    }
    if removed.isEmpty { return items }
    return items.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
  }

  package func mention(_ name: String) {
    // The main file's variables are all in the table before an include adds its own.
    if let known = mentions[name], known.file <= currentFileOrder { return }
    mentionCount += 1
    mentions[name] = (currentFileOrder, mentionCount)
  }

  /// Runs `body` as the file `path` (for the order its variables enter the symbol table).
  package func asFile<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
    let saved = currentFileOrder
    if let known = fileOrder[path] {
      currentFileOrder = known
    } else {
      currentFileOrder = fileOrder.count
      fileOrder[path] = currentFileOrder
    }
    defer { currentFileOrder = saved }
    return try body()
  }

  package func runMain(_ source: [UInt8]) throws {
    // A typical definition takes 40 to 100 bytes: reserve once rather than grow many times.
    items.reserveCapacity(min(source.count / 64, 1 << 20))
    constants.reserveCapacity(min(source.count / 64, 1 << 20))
    sourceBytesRead = source.count
    includedFiles.insert(file)
    includeStack.append(file)
    // WP-CLI evaluates the main file's code with a leading `<?php` removed, so a file with no open
    // tag at all is still code to it (its own tests write such files), where PHP would only print it.
    // A file with a tag, and every included file, is read as PHP reads it.
    _ = try asFile(file) {
      try run(source, flow: PHPFlow(), startsInCode: !PHPLexer.containsOpenTag(source))
    }
  }

  /// Runs one file's statements; a parse error names the file it is in.
  package func run(_ source: [UInt8], flow: PHPFlow, startsInCode: Bool = false) throws -> Stop? {
    do {
      let stream = try PHPTokenStream(source: source, startsInCode: startsInCode)
      let savedNamespace = namespace
      namespace = ""
      defer { namespace = savedNamespace }
      return try statements(stream, flow: flow) { $0.atEnd }
    } catch let error as PHPSyntaxError {
      throw ClosteError.configParseError(file, error)
    }
  }

  // MARK: PHPScope

  package func constant(_ name: String) -> PHPResult? {
    guard let definition = constants[name] else { return nil }
    if definition.certain { return definition.value }
    return .unresolved("uses \(name), which is defined only under a condition closte cannot decide")
  }

  package func isDefined(_ name: String) -> PHPResult {
    guard let definition = constants[name] else { return .value(.bool(false)) }
    if definition.certain { return .value(.bool(true)) }
    return .unresolved("tests defined('\(name)'), which depends on a condition closte cannot decide")
  }

  package func variable(_ name: String) -> PHPResult? {
    guard let definition = variables[name] else { return nil }
    if definition.certain { return definition.value }
    return .unresolved("uses $\(name), which is set under a condition closte cannot decide")
  }

  package func define(_ name: String, _ given: PHPResult, line: Int, flow: PHPFlow) -> PHPResult {
    if flow.reach == .never { return .value(.bool(false)) }
    let value = PHPLimits.bounded(given)
    if name.isEmpty || name.utf8.contains(UInt8(ascii: ":")) {
      return .unresolved("defines the invalid constant name '\(name)'")
    }
    if PHPBuiltins.isBuiltinConstant(name) { return .value(.bool(false)) }
    let certain = flow.reach == .certain
    // One hash for the common case, a new name: insert, and put back what was there if needed.
    if let existing = constants.updateValue(Definition(value: value, certain: certain), forKey: name) {
      if existing.certain {
        constants[name] = existing
        return .value(.bool(false))
      }
      constants[name] = Definition(
        value: .unresolved("uses \(name), which has more than one definition under conditions"), certain: certain)
      appendItem(name, .constant, value, line: line, conditional: true)
      return .unresolved("may define \(name) again")
    }
    appendItem(name, .constant, value, line: line, conditional: flow.conditional || !certain)
    return certain ? .value(.bool(true)) : .unresolved("defines \(name) under a condition closte cannot decide")
  }

  package func assign(_ name: String, _ given: PHPResult, line: Int, flow: PHPFlow) {
    if flow.reach == .never { return }
    let value = PHPLimits.bounded(given)
    let certain = flow.reach == .certain
    var stored = value
    if certain {
      variables[name] = Definition(value: value, certain: true)
    } else if variables[name] != nil {
      stored = .unresolved("is set again under a condition closte cannot decide")
      variables[name] = Definition(value: stored, certain: true)
    } else {
      variables[name] = Definition(value: value, certain: false)
    }
    let item = makeItem(name, .variable, stored, line: line, conditional: flow.conditional || !certain)
    // One item per variable, where PHP's get_defined_vars() puts it (first assignment), with the
    // last value.
    if let index = variableItems[name], !removed.contains(index) {
      var updated = item
      updated.conditional = item.conditional || items[index].conditional
      items[index] = updated
    } else {
      variableItems[name] = items.count
      items.append(item)
    }
  }

  package func exit(flow: PHPFlow) {
    guard flow.reach != .never else { return }
    if exitInExpression != .certain { exitInExpression = flow.reach }
  }

  package func unset(_ name: String, flow: PHPFlow) {
    guard flow.reach == .certain, let index = variableItems[name] else { return }
    removed.insert(index)
    variableItems[name] = nil
    variables[name] = nil
  }

  package func superglobal(_ name: String, key: String) -> PHPResult? {
    guard let writes = superglobalWrites[name] else { return nil }
    if let whole = writes[""] { return whole }
    return writes[key]
  }

  package func assignSuperglobal(_ name: String, key: String?, _ value: PHPResult, flow: PHPFlow) {
    guard flow.reach != .never else { return }
    let stored: PHPResult
    if let key {
      stored = flow.reach == .certain ? value : .unresolved("reads $\(name)['\(key)'], which is set under a condition")
      superglobalWrites[name, default: [:]][key] = stored
    } else {
      superglobalWrites[name, default: [:]][""] = .unresolved("reads $\(name), which the file changes as a whole")
    }
  }

  private func makeItem(_ name: String, _ type: ConfigItemType, _ value: PHPResult, line: Int, conditional: Bool)
    -> ConfigItem
  {
    switch value {
    case .value(let resolved):
      return ConfigItem(name: name, type: type, value: resolved, file: file, line: line, conditional: conditional)
    case .unresolved(let reason):
      return ConfigItem(
        name: name, type: type, value: nil, resolved: false, reason: reason, file: file, line: line,
        conditional: conditional)
    }
  }

  package func appendItem(_ name: String, _ type: ConfigItemType, _ value: PHPResult, line: Int, conditional: Bool) {
    items.append(makeItem(name, type, value, line: line, conditional: conditional))
  }

  // MARK: Statements

  /// Statements until `isEnd` says the enclosing construct ends (not consumed). After a `return`,
  /// `exit` or `break` that certainly runs, the rest is still read (PHP compiles it) but never runs.
  package func statements(_ stream: PHPTokenStream, flow: PHPFlow, isEnd: (PHPTokenStream) -> Bool) throws -> Stop? {
    var run = StatementRun(flow: flow)
    while !isEnd(stream) {
      if stream.atEnd { throw stream.unexpected(expecting: "the end of a block") }
      run.fold(try runStatement(stream, flow: run.flow))
    }
    return run.stop
  }

  /// The flow through a run of statements, and the stop it passes up.
  package struct StatementRun {
    package var flow: PHPFlow
    /// A stop that certainly ran.
    package var stopped: Stop?
    /// A stop that may have run: what follows it is `maybe`.
    package var pending: Stop?

    package init(flow: PHPFlow, stopped: Stop? = nil, pending: Stop? = nil) {
      self.flow = flow
      self.stopped = stopped
      self.pending = pending
    }

    package var stop: Stop? { stopped ?? pending }

    package mutating func fold(_ result: Stop?) {
      guard let result, result.reach != .never else { return }
      if result.reach == .certain {
        if stopped == nil { stopped = result }
        flow.reach = .never
        return
      }
      if flow.reach == .certain { flow.reach = .maybe }
      if pending == nil || result.rank > (pending?.rank ?? 0) { pending = result }
    }
  }

  /// One statement, with an `exit` inside an expression turned into a stop; a construct that did
  /// not move the cursor is stepped over, so reading never loops.
  package func runStatement(_ stream: PHPTokenStream, flow: PHPFlow) throws -> Stop? {
    let before = stream.current.start
    var result = try statement(stream, flow: flow)
    if let reach = exitInExpression {
      exitInExpression = nil
      result = .exited(reach)
    }
    if stream.current.start == before, !stream.atEnd { try stream.advance() }
    return result
  }

  package func statement(_ stream: PHPTokenStream, flow: PHPFlow) throws -> Stop? {
    // Blocks and statements nest through this one function: bound the depth here.
    nesting += 1
    defer { nesting -= 1 }
    guard nesting <= WPConfigInterpreter.maximumNesting else {
      throw PHPSyntaxError(
        line: stream.current.line, "statements nested deeper than \(WPConfigInterpreter.maximumNesting) levels")
    }
    let token = stream.current
    switch token.kind {
    case .inlineHTML, .openTag, .closeTag, .symbol(.semicolon):
      try stream.advance()
      return nil
    case .symbol(.openBrace):
      try stream.advance()
      let stop = try statements(stream, flow: flow) { $0.isSymbol(.closeBrace) }
      try stream.expect(.closeBrace)
      return stop
    case .symbol(.attributeStart):
      try stream.skipGroup()
      return nil
    case .name:
      return try keywordStatement(stream, flow: flow)
    default:
      try expressionStatement(stream, flow: flow)
      return nil
    }
  }

  private func keywordStatement(_ stream: PHPTokenStream, flow: PHPFlow) throws -> Stop? {
    guard let word = stream.keyword(stream.current) else {
      try expressionStatement(stream, flow: flow)
      return nil
    }
    let next = try stream.peek()
    switch word {
    case "if":
      return try ifStatement(stream, flow: flow)
    case "const":
      try constStatement(stream, flow: flow)
    case "require", "require_once", "include", "include_once":
      return try includeStatement(stream, flow: flow, once: word.hasSuffix("_once"))
    case "function" where next.kind == .name || next.kind == .symbol(.ampersand):
      try skipDeclaration(stream)
    case "abstract", "final", "class", "interface", "trait", "readonly":
      try skipDeclaration(stream)
    case "enum" where next.kind == .name:
      try skipDeclaration(stream)
    case "namespace" where next.kind != .symbol(.backslash):
      return try namespaceStatement(stream, flow: flow)
    case "use", "global", "goto", "echo":
      try stream.skipStatement()
    case "break", "continue":
      // `continue` inside a `switch` acts as `break`; a loop body is `maybe` anyway.
      try stream.skipStatement()
      return .broke(flow.reach)
    case "static" where next.kind == .variable:
      try stream.skipStatement()
    case "declare":
      try stream.advance()
      try stream.skipGroup()
      if stream.isSymbol(.semicolon) { try stream.advance() }
    case "return":
      try stream.skipStatement()
      return .returned(flow.reach)
    case "exit", "die":
      try stream.skipStatement()
      return .exited(flow.reach)
    case "unset" where next.kind == .symbol(.openParen):
      try unsetStatement(stream, flow: flow)
    case "switch":
      return try switchStatement(stream, flow: flow)
    case "while", "for", "foreach":
      return try loopStatement(stream, word: word, flow: flow)
    case "do":
      try stream.advance()
      _ = try statement(stream, flow: flow.branch(taken: nil))
      if stream.isName("while") {
        try stream.advance()
        try stream.skipGroup()
      }
      try endStatement(stream)
    case "try":
      return try tryStatement(stream, flow: flow)
    case "case" where try switchLabel(stream), "default" where try switchLabel(stream):
      return nil
    case "else", "elseif", "endif", "endwhile", "endfor", "endforeach", "endswitch", "enddeclare":
      // Out of place: PHP would not run the file; step over it.
      try stream.advance()
    default:
      try expressionStatement(stream, flow: flow)
    }
    return nil
  }

  /// An expression and its `;`. An expression closte cannot read is skipped to the statement's
  /// end (lexing errors, such as an unterminated string, still stop the read).
  private func expressionStatement(_ stream: PHPTokenStream, flow: PHPFlow) throws {
    let mark = stream.mark()
    do {
      var evaluator = PHPEvaluator(stream: stream, scope: self, flow: flow)
      _ = try evaluator.expression()
      try endStatement(stream)
    } catch let error as PHPSyntaxError where !error.isFatal {
      stream.reset(to: mark)
      try stream.skipStatement()
    }
  }

  package func endStatement(_ stream: PHPTokenStream) throws {
    guard stream.isSymbol(.semicolon) || stream.current.kind == .closeTag else {
      throw stream.unexpected(expecting: "';'")
    }
    try stream.advance()
  }

  package func evaluate(_ stream: PHPTokenStream, flow: PHPFlow) throws -> PHPResult {
    var evaluator = PHPEvaluator(stream: stream, scope: self, flow: flow)
    return try evaluator.expression()
  }

  // MARK: const, unset, namespace

  private func constStatement(_ stream: PHPTokenStream, flow: PHPFlow) throws {
    try stream.advance()
    while stream.current.kind == .name {
      let nameToken = stream.current
      let name = stream.text(nameToken)
      try stream.advance()
      try stream.expect(.assign)
      let value = try evaluate(stream, flow: flow)
      _ = define(namespace.isEmpty ? name : namespace + "\\" + name, value, line: nameToken.line, flow: flow)
      guard stream.isSymbol(.comma) else { break }
      try stream.advance()
    }
    try endStatement(stream)
  }

  private func unsetStatement(_ stream: PHPTokenStream, flow: PHPFlow) throws {
    try stream.advance()
    try stream.expect(.openParen)
    while stream.current.kind == .variable {
      let token = stream.current
      try stream.advance()
      if stream.isSymbol(.comma) || stream.isSymbol(.closeParen) {
        unset(String(stream.text(token).dropFirst()), flow: flow)
      } else {
        try stream.skip(until: [.comma])
        let name = String(stream.text(token).dropFirst())
        if variables[name] != nil {
          assign(name, .unresolved("has an element unset"), line: token.line, flow: flow)
        }
      }
      if stream.isSymbol(.comma) { try stream.advance() }
    }
    try stream.skip(until: [])
    try stream.expect(.closeParen)
    try endStatement(stream)
  }

  private func namespaceStatement(_ stream: PHPTokenStream, flow: PHPFlow) throws -> Stop? {
    try stream.advance()
    var name = ""
    if stream.current.kind == .name {
      name = stream.text(stream.current)
      try stream.advance()
    }
    if stream.isSymbol(.openBrace) {
      let saved = namespace
      namespace = name
      defer { namespace = saved }
      try stream.advance()
      let stop = try statements(stream, flow: flow) { $0.isSymbol(.closeBrace) }
      try stream.expect(.closeBrace)
      return stop
    }
    namespace = name
    try endStatement(stream)
    return nil
  }

  /// `function name(...) {...}`, `class X extends Y {...}` and the like: not run, so skipped.
  private func skipDeclaration(_ stream: PHPTokenStream) throws {
    while !stream.atEnd && !stream.isSymbol(.openBrace) && !stream.isSymbol(.semicolon) {
      if stream.isSymbol(.openParen) { try stream.skipGroup() } else { try stream.advance() }
    }
    if stream.isSymbol(.semicolon) {
      try stream.advance()
    } else {
      try stream.skipGroup()
    }
  }
}
