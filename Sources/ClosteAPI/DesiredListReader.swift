import Diagnostics
import Values

/// Reads the desired list of `domain sync` entry by entry as the bytes arrive, so a list of any
/// length is never held as text or as a parsed document. Three formats, told apart by the first
/// byte that is not white space:
///
/// - `[`: a JSON array of domain strings (or of `{"domain": ..., "wildcard": ...}` objects);
/// - `{` or `"`: JSON lines, one `{"domain": ..., "wildcard": ...}` object (or string) per line;
/// - anything else: one domain per line; blank lines and lines starting with `#` are skipped.
///
/// Input is strict UTF-8: an entry with bytes that are not UTF-8 (a Latin-1 file), or with a byte
/// order mark anywhere but the very start of the input, is refused rather than decoded into a
/// look-alike name. Every entry is normalised by the given function; an entry it refuses comes back
/// as `.invalid` with its position and reason, and reading goes on (so every bad line is known).
/// Only a JSON array that stops being JSON is fatal (`invalid_desired_list`, exit 2): after that,
/// where the next entry starts is unknowable.
public final class DesiredListReader {
  public enum Format: String, Sendable {
    case lines
    case jsonArray = "json-array"
    case jsonLines = "json-lines"
  }

  public enum Item: Equatable, Sendable {
    /// A valid entry: the normalised name, `*.` first for a wildcard alias.
    case entry(String)
    case invalid(InvalidEntry)
  }

  public typealias Normalizer = (String) throws -> String

  /// The detected format; nil until the first entry was looked for.
  public private(set) var format: Format?

  private let source: InputSource
  private let normalize: Normalizer
  private let chunkSize: Int
  private var buffer: [UInt8] = []
  private var start = 0
  private var ended = false
  /// Line number (lines, JSON lines) or element number (JSON array) of the entry last read.
  private var position = 0
  private var arrayClosed = false
  /// In a JSON array: an element was read, so a comma or `]` comes next.
  private var needsSeparator = false
  private var afterComma = false

  public init(source: InputSource, chunkSize: Int = 65536, normalize: @escaping Normalizer) {
    self.source = source
    self.chunkSize = chunkSize
    self.normalize = normalize
  }

  /// The next entry, or nil at the end of the list.
  public func next() throws -> Item? {
    if format == nil { try detectFormat() }
    switch format {
    case .jsonArray?: return try nextArrayElement()
    case .jsonLines?: return nextLine(json: true)
    case .lines?, nil: return nextLine(json: false)
    }
  }

  // MARK: - Formats

  private func detectFormat() throws {
    while buffer.count < 3 && !ended { fill() }
    if buffer.starts(with: Self.byteOrderMark) {
      start += 3  // a UTF-8 byte order mark, allowed as the very first bytes only
    }
    while true {
      while start < buffer.count, Self.isSpace(buffer[start]) && buffer[start] != 0x0A { start += 1 }
      if start < buffer.count, buffer[start] == 0x0A {
        start += 1
        position += 1
        continue
      }
      if start < buffer.count || ended { break }
      fill()
    }
    switch start < buffer.count ? buffer[start] : 0 {
    case UInt8(ascii: "["):
      format = .jsonArray
      start += 1
    case UInt8(ascii: "{"), UInt8(ascii: "\""): format = .jsonLines
    default: format = .lines
    }
  }

  private func nextLine(json: Bool) -> Item? {
    while let line = readLine() {
      position += 1
      if let problem = Self.encodingProblem(line) {
        return invalid(String(decoding: line, as: UTF8.self).trimmingSpaces, problem)
      }
      let text = String(decoding: line, as: UTF8.self).trimmingSpaces
      if text.isEmpty || (!json && text.hasPrefix("#")) { continue }
      if !json { return entry(text, raw: text) }
      do {
        return entry(from: try JSONParser.parse(Array(text.utf8)), raw: text)
      } catch {
        return invalid(text, "not valid JSON (\(Self.describe(error)))")
      }
    }
    return nil
  }

  private func nextArrayElement() throws -> Item? {
    while true {
      skipSpace()
      if arrayClosed {
        guard start >= buffer.count else {
          throw Self.fatal("there is more after the closing ] of the JSON array")
        }
        if ended { return nil }
        fill()
        continue
      }
      guard start < buffer.count else {
        if ended { throw Self.fatal("the JSON array is not closed with ]") }
        fill()
        continue
      }
      let byte = buffer[start]
      if needsSeparator {
        switch byte {
        case UInt8(ascii: "]"): arrayClosed = true
        case UInt8(ascii: ","): (needsSeparator, afterComma) = (false, true)
        default: throw Self.fatal("element \(position) of the JSON array is not followed by a comma or ]")
        }
        start += 1
        continue
      }
      if byte == UInt8(ascii: "]") {
        if afterComma { throw Self.fatal("the JSON array has a comma before its closing ]") }
        start += 1
        arrayClosed = true
        continue
      }
      if byte == UInt8(ascii: ",") { throw Self.fatal("the JSON array has an empty element") }
      let parsed: (value: JSONValue, end: Int)
      do {
        parsed = try JSONParser.parsePrefix(buffer, from: start)
      } catch {
        if case .incomplete = error, !ended {
          fill()
          continue
        }
        throw Self.fatal("element \(position + 1) of the JSON array is not JSON (\(Self.describe(error)))")
      }
      // A number at the very end of what has arrived may go on in the next chunk.
      if parsed.end >= buffer.count && !ended {
        fill()
        continue
      }
      let problem = Self.encodingProblem(buffer[start..<parsed.end])
      let raw = String(decoding: buffer[start..<parsed.end], as: UTF8.self)
      start = parsed.end
      compact()
      position += 1
      (needsSeparator, afterComma) = (true, false)
      if let problem { return invalid(raw, problem) }
      return entry(from: parsed.value, raw: raw)
    }
  }

  // MARK: - Entries

  private func entry(from value: JSONValue, raw: String) -> Item {
    switch value {
    case .string(let name):
      return entry(name, raw: raw)
    case .object(let object):
      guard case .string(let name)? = object["domain"] ?? object["name"] else {
        return invalid(raw, "the object has no \"domain\" string")
      }
      let wildcard: Bool?
      switch object["wildcard"] {
      case nil, .null?: wildcard = nil
      case .bool(let flag)?: wildcard = flag
      case .int(let number)? where number == 0 || number == 1: wildcard = number == 1
      case .string(let text)? where ["0", "1", "true", "false"].contains(text): wildcard = text == "1" || text == "true"
      default: return invalid(raw, "\"wildcard\" must be true or false")
      }
      let starred = name.hasPrefix("*.")
      if wildcard == false && starred {
        return invalid(raw, "\"wildcard\" is false, but the domain starts with *.")
      }
      return entry(wildcard == true && !starred ? "*." + name : name, raw: raw)
    default:
      return invalid(raw, "an entry must be a domain, or an object with a \"domain\" member")
    }
  }

  private func entry(_ name: String, raw: String) -> Item {
    if name.unicodeScalars.contains("\u{FEFF}") {
      return invalid(raw, "it holds a byte order mark (U+FEFF), which only the very start of the list may have")
    }
    do {
      return .entry(try normalize(name))
    } catch let error as ClosteError {
      return invalid(raw, error.message)
    } catch {
      return invalid(raw, "\(error)")
    }
  }

  private func invalid(_ raw: String, _ reason: String) -> Item {
    let shown = raw.count > 200 ? String(raw.prefix(200)) + "..." : raw
    let place = (format == .jsonArray ? "element " : "line ") + String(position)
    return .invalid(InvalidEntry(input: shown, position: position, location: place, reason: reason))
  }

  // MARK: - Bytes

  /// The next line without its line break, or nil at the end of input.
  private func readLine() -> ArraySlice<UInt8>? {
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        let line = buffer[start..<newline]
        start = newline + 1
        compact()
        return line
      }
      if ended {
        guard start < buffer.count else { return nil }
        let line = buffer[start...]
        start = buffer.count
        return line
      }
      fill()
    }
  }

  private func fill() {
    let chunk = source.read(maximum: chunkSize)
    if chunk.isEmpty { ended = true } else { buffer += chunk }
  }

  private func skipSpace() {
    while start < buffer.count, Self.isSpace(buffer[start]) { start += 1 }
  }

  /// Drops consumed bytes once they are most of the buffer, so memory stays at about one chunk.
  private func compact() {
    if start > chunkSize && start * 2 > buffer.count {
      buffer.removeFirst(start)
      start = 0
    }
  }

  private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Why an entry's bytes cannot be read as they are: not UTF-8, or a byte order mark inside.
  private static func encodingProblem(_ bytes: ArraySlice<UInt8>) -> String? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if scalar == "\u{FEFF}" {
          return "it holds a byte order mark (U+FEFF), which only the very start of the list may have"
        }
        offset += UTF8.width(scalar)
      case .emptyInput:
        return nil
      case .error:
        let byte = bytes[bytes.startIndex + min(offset, bytes.count - 1)]
        return "byte \(offset + 1) (0x\(String(byte, radix: 16, uppercase: true))) is not UTF-8: the list must be "
          + "UTF-8 (a Latin-1 file, say, must be converted first)"
      }
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func describe(_ error: JSONParser.Failure) -> String {
    switch error {
    case .incomplete: return "it ends inside a value"
    case .invalid(_, let reason): return reason
    }
  }

  private static func fatal(_ reason: String) -> ClosteError {
    ClosteError(
      .invalidDesiredList, "The desired list is unusable: \(reason).",
      hint: "Give one domain per line, a JSON array of strings, or JSON lines of "
        + "{\"domain\": ..., \"wildcard\": ...}.",
      exitStatus: .usage)
  }
}

/// An entry of the desired list that was refused: it is reported and never sent.
public struct InvalidEntry: Equatable, Sendable {
  /// The entry as it was given (at most 200 characters).
  public var input: String
  /// Its line number, or its element number in a JSON array (1-based).
  public var position: Int
  /// `line 3` or `element 3`.
  public var location: String
  public var reason: String

  public init(input: String, position: Int, location: String, reason: String) {
    self.input = input
    self.position = position
    self.location = location
    self.reason = reason
  }
}

extension ErrorCode {
  /// The desired list of `domain sync` could not be read at all.
  public static let invalidDesiredList = ErrorCode("invalid_desired_list")
}
