/// Splits standard input into JSON requests as they arrive: one per line, or pretty-printed one
/// after another. Bytes that are not JSON are skipped up to the end of their line, reported as one
/// invalid request, and reading goes on.
public final class RPCStreamReader {
  public enum Item: Equatable {
    case value(JSONValue)
    case invalid(reason: String)
  }

  private let source: InputSource
  private var buffer: [UInt8] = []
  private var start = 0
  private var ended = false
  private let chunkSize: Int

  public init(source: InputSource, chunkSize: Int = 65536) {
    self.source = source
    self.chunkSize = chunkSize
  }

  /// The next request, or nil at the end of input.
  public func next() -> Item? {
    while true {
      skipSpace()
      if start >= buffer.count {
        if ended { return nil }
        fill()
        continue
      }
      let parsed: (value: JSONValue, end: Int)
      do {
        parsed = try JSONParser.parsePrefix(buffer, from: start)
      } catch {
        switch error {
        case .incomplete:
          if ended {
            start = buffer.count
            return .invalid(reason: "The input ended inside a JSON value.")
          }
          fill()
          continue
        case .invalid(let offset, let reason):
          // Skip to the end of the line the error is on; wait for it if it has not arrived yet.
          if let newline = buffer[offset...].firstIndex(of: 0x0A) {
            start = newline + 1
          } else if ended {
            start = buffer.count
          } else {
            fill()
            continue
          }
          compact()
          return .invalid(reason: "Not valid JSON: \(reason).")
        }
      }
      start = parsed.end
      compact()
      return .value(parsed.value)
    }
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
      start = 0
    }
  }
}
