import PHPReader
import Values

/// `switch` as PHP runs it: the subject is compared with each `case` in order with `==`; the body
/// runs from the first match (else from `default`) and falls through the labels after it until a
/// `break`. A subject or a label closte cannot evaluate makes the whole body `maybe`, as before.
extension WPConfigInterpreter {
  /// Where the body starts to run: at the label with this index, nowhere, or not known.
  package enum SwitchEntry: Equatable {
    case label(Int)
    case none
    case unknown
  }

  package func switchStatement(_ stream: PHPTokenStream, flow: PHPFlow) throws -> Stop? {
    try stream.advance()
    let subject = try parenthesizedValue(stream, flow: flow)
    let alternative = stream.isSymbol(.colon)
    if alternative { try stream.advance() } else { try stream.expect(.openBrace) }
    let isEnd: (PHPTokenStream) -> Bool = alternative ? { $0.isName("endswitch") } : { $0.isSymbol(.closeBrace) }
    var bodyFlow = flow
    bodyFlow.conditional = true
    var entry = SwitchEntry.unknown
    if case .value(let value) = subject, flow.reach != .never {
      // A first pass over the body, running nothing, finds the label to start from.
      let mark = stream.mark()
      entry = try switchBody(stream, flow: bodyFlow, isEnd: isEnd, scanning: value).entry
      stream.reset(to: mark)
    }
    let stop = try switchBody(stream, flow: bodyFlow, isEnd: isEnd, entry: entry).stop
    if alternative {
      guard stream.isName("endswitch") else { throw stream.unexpected(expecting: "endswitch") }
      try stream.advance()
      try endStatement(stream)
    } else {
      try stream.expect(.closeBrace)
    }
    if case .broke? = stop { return nil }
    return stop
  }

  /// Reads the body once: with `scanning`, runs nothing and finds the entry for that subject;
  /// otherwise runs it from `entry`.
  private func switchBody(
    _ stream: PHPTokenStream, flow: PHPFlow, isEnd: (PHPTokenStream) -> Bool, scanning subject: PHPValue? = nil,
    entry: SwitchEntry = .unknown
  ) throws -> (entry: SwitchEntry, stop: Stop?) {
    let never = flow.branch(taken: false)
    var run = StatementRun(flow: subject != nil || entry != .unknown ? never : flow.branch(taken: nil))
    var index = 0
    var found: SwitchEntry?
    var defaultIndex: Int?
    while !isEnd(stream) {
      if stream.atEnd { throw stream.unexpected(expecting: "the end of the switch") }
      if let label = try switchLabel(stream, flow: never) {
        if let subject, found == nil {
          switch label {
          case .some(.value(let value)):
            switch PHPOperators.comparison(.equal, subject, value) {
            case .value(let equal): if equal.truthy { found = .label(index) }
            case .unresolved: found = .unknown
            }
          case .some(.unresolved): found = .unknown
          case .none: if defaultIndex == nil { defaultIndex = index }
          }
        }
        if subject == nil, entry == .label(index) { run.flow = flow }
        index += 1
        continue
      }
      run.fold(try runStatement(stream, flow: run.flow))
    }
    let chosen = found ?? defaultIndex.map { .label($0) } ?? .none
    return (chosen, run.stop)
  }

  /// A `case expr:` (its value) or `default:` (nil inside) label, read without effects; nil when
  /// the cursor is at a statement. PHP also accepts `;` after a label.
  private func switchLabel(_ stream: PHPTokenStream, flow: PHPFlow) throws -> PHPResult?? {
    if stream.isName("default"), try stream.peek().kind == .symbol(.colon) || stream.peek().kind == .symbol(.semicolon)
    {
      try stream.advance()
      try stream.advance()
      return .some(nil)
    }
    guard stream.isName("case") else { return nil }
    try stream.advance()
    let mark = stream.mark()
    var value: PHPResult
    do {
      value = try evaluate(stream, flow: flow)
    } catch let error as PHPSyntaxError where !error.isFatal {
      stream.reset(to: mark)
      try stream.skip(until: [.colon])
      value = .unresolved("a case closte cannot read")
    }
    guard stream.isSymbol(.colon) || stream.isSymbol(.semicolon) else { throw stream.unexpected(expecting: "':'") }
    try stream.advance()
    return .some(value)
  }
}
