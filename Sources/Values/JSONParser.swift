/// A strict RFC 8259 JSON parser over bytes. It reports how many bytes one value used, so a stream
/// of values (one per line, or pretty-printed one after another) can be read value by value, and it
/// tells "the input ended inside a value" apart from "the input is not JSON".
public struct JSONParser {
  public enum Failure: Error, Equatable {
    /// The bytes so far are a valid prefix of a value: more input may complete it.
    case incomplete
    /// Not JSON; `offset` is where it went wrong.
    case invalid(offset: Int, reason: String)
  }

  /// Nesting deeper than this is refused rather than risking the stack.
  public static let maximumDepth = 512

  private let bytes: [UInt8]
  private var index: Int
  private var depth = 0

  private init(bytes: [UInt8], start: Int) {
    self.bytes = bytes
    self.index = start
  }

  /// Parses one whole document: a single value with only white space around it.
  public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
    var parser = JSONParser(bytes: bytes, start: 0)
    let value = try parser.parseValueSkippingSpace()
    parser.skipSpace()
    if parser.index != bytes.count {
      throw .invalid(offset: parser.index, reason: "unexpected data after the JSON value")
    }
    return value
  }

  public static func parse(_ text: String) throws(Failure) -> JSONValue {
    try parse(Array(text.utf8))
  }

  /// Parses the first value at or after `start`; returns it with the offset just past it.
  public static func parsePrefix(_ bytes: [UInt8], from start: Int = 0) throws(Failure) -> (
    value: JSONValue, end: Int
  ) {
    var parser = JSONParser(bytes: bytes, start: start)
    let value = try parser.parseValueSkippingSpace()
    return (value, parser.index)
  }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private mutating func parseValueSkippingSpace() throws(Failure) -> JSONValue {
    skipSpace()
    guard index < bytes.count else { throw .incomplete }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw .invalid(offset: index, reason: "unexpected character")
    }
  }

  private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(Failure) -> JSONValue {
    for expected in word.utf8 {
      guard index < bytes.count else { throw .incomplete }
      guard bytes[index] == expected else { throw .invalid(offset: index, reason: "unexpected character") }
      index += 1
    }
    return value
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    if depth > JSONParser.maximumDepth {
      throw .invalid(offset: index, reason: "nested deeper than \(JSONParser.maximumDepth) levels")
    }
  }

  private mutating func parseObject() throws(Failure) -> JSONValue {
    try enter()
    index += 1
    var object = JSONObject()
    skipSpace()
    guard index < bytes.count else { throw .incomplete }
    if bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(object)
    }
    while true {
      skipSpace()
      guard index < bytes.count else { throw .incomplete }
      guard bytes[index] == UInt8(ascii: "\"") else { throw .invalid(offset: index, reason: "expected a member name") }
      let key = try parseString()
      skipSpace()
      guard index < bytes.count else { throw .incomplete }
      guard bytes[index] == UInt8(ascii: ":") else { throw .invalid(offset: index, reason: "expected ':'") }
      index += 1
      object[key] = try parseValueSkippingSpace()
      skipSpace()
      guard index < bytes.count else { throw .incomplete }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        depth -= 1
        return .object(object)
      default: throw .invalid(offset: index, reason: "expected ',' or '}'")
      }
    }
  }

  private mutating func parseArray() throws(Failure) -> JSONValue {
    try enter()
    index += 1
    var elements: [JSONValue] = []
    skipSpace()
    guard index < bytes.count else { throw .incomplete }
    if bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      elements.append(try parseValueSkippingSpace())
      skipSpace()
      guard index < bytes.count else { throw .incomplete }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        depth -= 1
        return .array(elements)
      default: throw .invalid(offset: index, reason: "expected ',' or ']'")
      }
    }
  }

  private mutating func parseString() throws(Failure) -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    var run: [UInt8] = []
    func flush() {
      if !run.isEmpty {
        scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
        run.removeAll(keepingCapacity: true)
      }
    }
    while true {
      guard index < bytes.count else { throw .incomplete }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        flush()
        return String(scalars)
      case UInt8(ascii: "\\"):
        flush()
        index += 1
        guard index < bytes.count else { throw .incomplete }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          let unit = try parseHex4()
          if (0xD800...0xDBFF).contains(unit) {
            // A high surrogate must be followed by an escaped low surrogate.
            guard index + 1 < bytes.count else { throw .incomplete }
            guard bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
              throw .invalid(offset: index, reason: "lone surrogate in \\u escape")
            }
            index += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
              throw .invalid(offset: index, reason: "lone surrogate in \\u escape")
            }
            let combined = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(combined) else {
              throw .invalid(offset: index, reason: "invalid \\u escape")
            }
            scalars.append(scalar)
          } else {
            guard let scalar = Unicode.Scalar(unit) else {
              throw .invalid(offset: index, reason: "lone surrogate in \\u escape")
            }
            scalars.append(scalar)
          }
        default: throw .invalid(offset: index - 1, reason: "invalid escape")
        }
      case 0x00..<0x20:
        throw .invalid(offset: index, reason: "control character in string")
      default:
        run.append(byte)
        index += 1
      }
    }
  }

  private mutating func parseHex4() throws(Failure) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count else { throw .incomplete }
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw .invalid(offset: index, reason: "invalid \\u escape")
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }

  private mutating func parseNumber() throws(Failure) -> JSONValue {
    let start = index
    var isInteger = true
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count else { throw .incomplete }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else if isDigit(bytes[index]) {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    } else {
      throw .invalid(offset: index, reason: "invalid number")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard index < bytes.count else { throw .incomplete }
      guard isDigit(bytes[index]) else { throw .invalid(offset: index, reason: "invalid number") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      guard index < bytes.count else { throw .incomplete }
      if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard index < bytes.count else { throw .incomplete }
      guard isDigit(bytes[index]) else { throw .invalid(offset: index, reason: "invalid number") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let value = Int(text) { return .int(value) }
    guard let value = Double(text) else { throw .invalid(offset: start, reason: "invalid number") }
    return .double(value)
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

extension JSONParser {
  /// The exact text of a numeric `id` member of the object at `start`, when writing the parsed id
  /// again would change it (`1e999`, `1.0`, `12345678901234567890`); nil otherwise. An rpc answer
  /// echoes the id a client sent, so the client can match it.
  package static func rawIDText(_ bytes: [UInt8], value: JSONValue, from start: Int, to end: Int) -> String? {
    guard let id = value["id"] else { return nil }
    switch id {
    case .int, .double: break
    default: return nil
    }
    var parser = JSONParser(bytes: Array(bytes[start..<end]), start: 0)
    guard let range = try? parser.lastMemberRange(named: "id") else { return nil }
    let raw = String(decoding: parser.bytes[range], as: UTF8.self)
    return raw == JSONWriter.encode(id) ? nil : raw
  }

  /// Walks a top-level object and returns where the value of its last member called `name` is (the
  /// last one is the one a parsed object keeps).
  private mutating func lastMemberRange(named name: String) throws(Failure) -> Range<Int>? {
    skipSpace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
    index += 1
    var found: Range<Int>?
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return found }
      let key = try parseString()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return found }
      index += 1
      skipSpace()
      let valueStart = index
      _ = try parseValueSkippingSpace()
      if key == name { found = valueStart..<index }
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return found }
      index += 1
    }
  }
}
