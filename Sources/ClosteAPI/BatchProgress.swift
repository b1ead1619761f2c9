import Diagnostics
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// Progress of a batch on standard error (never standard output): on a terminal a live bar with
/// counts, rate and time left, rewritten in place; otherwise one line every `lineInterval` seconds.
/// Short batches print nothing: the bar appears after half a second, lines after the first interval.
public final class BatchProgress {
  public let total: Int
  public private(set) var succeeded = 0
  public private(set) var failed = 0

  private let diagnostics: Diagnostics
  private let clock: ClosteClock
  private let live: Bool
  private let lineInterval: Double
  private let began: Timestamp
  private var lastDraw: Timestamp
  private var shown = false

  public init(total: Int, diagnostics: Diagnostics, clock: ClosteClock, live: Bool, lineInterval: Double = 5) {
    self.total = total
    self.diagnostics = diagnostics
    self.clock = clock
    self.live = live
    self.lineInterval = lineInterval
    began = clock.now()
    lastDraw = began
  }

  public var done: Int { succeeded + failed }

  public func record(success: Bool) {
    if success { succeeded += 1 } else { failed += 1 }
    let now = clock.now()
    let sinceDraw = now.timeIntervalSince(lastDraw)
    if live {
      guard now.timeIntervalSince(began) >= 0.5, sinceDraw >= 0.1 || done == total else { return }
      draw(now)
    } else if sinceDraw >= lineInterval {
      draw(now)
    }
  }

  /// Ends the bar with a line break (or a last line), once anything was shown.
  public func finish() {
    guard shown else { return }
    let now = clock.now()
    if live {
      diagnostics.raw("\r\u{1B}[K" + Self.bar(status(now), width: 30) + "\n")
    } else {
      diagnostics.info(Self.line(status(now)))
    }
  }

  public struct Status: Equatable, Sendable {
    public var done: Int
    public var total: Int
    public var succeeded: Int
    public var failed: Int
    public var seconds: Double

    public init(done: Int, total: Int, succeeded: Int, failed: Int, seconds: Double) {
      self.done = done
      self.total = total
      self.succeeded = succeeded
      self.failed = failed
      self.seconds = seconds
    }
  }

  private func status(_ now: Timestamp) -> Status {
    Status(
      done: done, total: total, succeeded: succeeded, failed: failed, seconds: now.timeIntervalSince(began))
  }

  private func draw(_ now: Timestamp) {
    lastDraw = now
    shown = true
    if live {
      diagnostics.raw("\r\u{1B}[K" + Self.bar(status(now), width: 30))
    } else {
      diagnostics.info(Self.line(status(now)))
    }
  }

  /// `[##########----------]  420/1000  ok 418  failed 2  35.1/s  17s left`
  public static func bar(_ status: Status, width: Int) -> String {
    let filled = status.total > 0 ? min(width, status.done * width / status.total) : width
    return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]  "
      + "\(status.done)/\(status.total)  ok \(status.succeeded)  failed \(status.failed)  " + pace(status)
  }

  /// `Progress: 420/1000 done (418 ok, 2 failed), 35.1/s, 17s left`
  public static func line(_ status: Status) -> String {
    "Progress: \(status.done)/\(status.total) done (\(status.succeeded) ok, \(status.failed) failed), "
      + pace(status).replacingAll("  ", with: ", ")
  }

  private static func pace(_ status: Status) -> String {
    guard status.seconds > 0, status.done > 0 else { return "0/s" }
    let rate = Double(status.done) / status.seconds
    let text = CFormat.oneDecimal(rate) + "/s"
    guard status.done < status.total else { return text + "  in " + duration(status.seconds) }
    return text + "  " + duration(Double(status.total - status.done) / rate) + " left"
  }

  package static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    if whole < 60 { return "\(whole)s" }
    if whole < 3600 { return "\(whole / 60)m\(CFormat.twoDigits(whole % 60))s" }
    return "\(whole / 3600)h\(CFormat.twoDigits(whole / 60 % 60))m"
  }
}
