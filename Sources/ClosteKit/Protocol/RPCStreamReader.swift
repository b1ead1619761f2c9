import Diagnostics
import Values

/// Splits standard input into JSON requests as they arrive: one per line, or pretty-printed one
/// after another. Bytes that are not JSON are skipped up to the end of their line, reported as one
/// invalid request, and reading goes on.
///
/// Linear in the input: a `JSONFramer` looks at each byte once to find where a value may end, and the
/// parser runs on a value when it has closed (or, to resynchronise after bad bytes, when a line ends
/// and the value has at least doubled since the last try). A request larger than `maximumRequestBytes`
/// is answered `invalid_request` and skipped without being held in memory.
public final class RPCStreamReader {
  public enum Item: Equatable {
    /// A JSON value, with the exact text of its `id` member where writing the parsed id again would
    /// not give back the same text (`1e999`, `12345678901234567890`).
    case value(JSONValue, rawID: String? = nil)
    case invalid(reason: String)
  }

  /// The default size limit of one request.
  public static let defaultMaximumRequestBytes = 16 << 20

  private let source: InputSource
  private let chunkSize: Int
  private let maximumRequestBytes: Int
  private var buffer: [UInt8] = []
  private var start = 0
  private var ended = false
  private var framer = JSONFramer()
  /// Where the framer goes on from: bytes before it (from `start`) have been looked at.
  private var scanned = 0
  /// How many bytes of the current value the last parse that came back "incomplete" saw.
  private var lastTry = 0
  /// The bytes handed to the parser so far, counted once per try: at most about three times the
  /// input, whatever its chunking (the proof that reading is linear).
  private(set) var bytesParsed = 0
  /// The bytes held at the moment (bounded by the size limit and one chunk).
  var bytesHeld: Int { buffer.count }

  public init(
    source: InputSource, chunkSize: Int = 65536, maximumRequestBytes: Int = RPCStreamReader.defaultMaximumRequestBytes
  ) {
    self.source = source
    self.chunkSize = chunkSize
    self.maximumRequestBytes = max(1, maximumRequestBytes)
  }

  /// The next request, or nil at the end of input.
  public func next() -> Item? {
    while true {
      if scanned == start {
        skipSpace()
        scanned = start
        if start >= buffer.count {
          if ended { return nil }
          fill()
          continue
        }
      }
      let event = framer.scan(buffer, from: &scanned)
      let size = scanned - start
      switch event {
      case .needMore:
        if size > maximumRequestBytes { return skipOversized() }
        if ended {
          if let item = tryParse(final: true) { return item }
          continue
        }
        fill()
      case .closed:
        if let item = tryParse(final: false) { return item }
      case .lineEnded:
        if size >= 2 * lastTry, let item = tryParse(final: false) { return item }
      }
    }
  }

  /// Parses the value at `start`. Nil when it is not complete yet (the framer goes on).
  private func tryParse(final: Bool) -> Item? {
    bytesParsed += scanned - start
    do {
      let parsed = try JSONParser.parsePrefix(buffer, from: start)
      let rawID = JSONParser.rawIDText(buffer, value: parsed.value, from: start, to: parsed.end)
      restart(at: parsed.end)
      return .value(parsed.value, rawID: rawID)
    } catch {
      switch error {
      case .incomplete:
        if final {
          restart(at: buffer.count)
          return .invalid(reason: "The input ended inside a JSON value.")
        }
        lastTry = scanned - start
        return nil
      case .invalid(let offset, let reason):
        return skipLine(from: offset, reason: "Not valid JSON: \(reason).")
      }
    }
  }

  /// Skips to the end of the line `offset` is on (waiting for it, but never holding more than the
  /// size limit), and reports the bytes as one invalid request.
  private func skipLine(from offset: Int, reason: String) -> Item {
    var from = offset
    while true {
      if let newline = buffer[from...].firstIndex(of: 0x0A) {
        restart(at: newline + 1)
        return .invalid(reason: reason)
      }
      if ended {
        restart(at: buffer.count)
        return .invalid(reason: reason)
      }
      // Drop what is already known to be skipped, so a line without end does not grow the buffer.
      buffer.removeAll(keepingCapacity: true)
      restart(at: 0)
      fill()
      from = 0
    }
  }

  /// Drops a request over the size limit as it arrives, up to where its value ends.
  private func skipOversized() -> Item {
    let reason =
      "The request is larger than \(RPCStreamReader.describe(maximumRequestBytes)); it was skipped."
    while true {
      // Everything up to `scanned` belongs to the value: let it go, keeping the framer's state.
      buffer.removeFirst(scanned)
      start = 0
      scanned = 0
      if ended { break }
      fill()
      let event = framer.scan(buffer, from: &scanned)
      if event == .closed { break }
    }
    restart(at: scanned)
    return .invalid(reason: reason)
  }

  /// `16 MB`, `512 bytes`: a size as the message gives it.
  static func describe(_ bytes: Int) -> String {
    bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
  }

  private func restart(at position: Int) {
    start = position
    scanned = position
    lastTry = 0
    framer = JSONFramer()
    compact()
  }

  private func fill() {
    let chunk = source.read(maximum: chunkSize)
    if chunk.isEmpty { ended = true } else { buffer += chunk }
  }

  private func skipSpace() {
    while start < buffer.count, [0x20, 0x09, 0x0A, 0x0D].contains(buffer[start]) { start += 1 }
  }

  private func compact() {
    if start > 65536 && start * 2 > buffer.count {
      buffer.removeFirst(start)
      scanned -= start
      start = 0
    }
  }
}
