import ClosteAPI
import NetworkChecks
import Values

/// How `--all` shows its progress as each domain completes: a live bar on a terminal (standard
/// error), a line per domain otherwise, or with `--stream` one JSON line per domain on standard
/// output (and the counts last). Nothing in rpc, whose answer is the data.
public final class NetworkCheckProgress {
  public enum Mode: Sendable, Equatable { case bar, lines, stream, silent }

  public let mode: Mode
  private let context: CommandContext
  private let bar: BatchProgress?
  private let total: Int
  private var done = 0

  public init(context: CommandContext, total: Int, stream: Bool) {
    self.context = context
    self.total = total
    if context.isRPC {
      mode = .silent
    } else if stream {
      mode = .stream
    } else if context.runtime.stderr.isTerminal {
      mode = .bar
    } else {
      mode = .lines
    }
    bar =
      mode == .bar
      ? BatchProgress(total: total, diagnostics: context.diagnostics, clock: context.runtime.clock, live: true) : nil
  }

  /// `lines` is the JSON lines of this domain for `--stream` (one summary row, or doctor's items).
  public func record(_ row: NetworkCheckRow, lines: [JSONObject]) {
    done += 1
    switch mode {
    case .bar: bar?.record(success: row.stage == .done)
    case .lines: context.diagnostics.info("[\(done)/\(total)] \(row.sentence)")
    case .stream: for line in lines { write(line) }
    case .silent: break
    }
  }

  /// Ends the bar; with `--stream`, writes the counts as the last line.
  public func finish(_ rows: [NetworkCheckRow]) {
    bar?.finish()
    guard mode == .stream else { return }
    var last = JSONObject()
    last["summary"] = .object(NetworkCheckRow.counts(rows))
    write(last)
  }

  private func write(_ object: JSONObject) {
    context.runtime.stdout.write(context.runtime.redactor.redact(JSONWriter.encode(.object(object)) + "\n"))
  }
}
