/// A value as PHP holds it: what a `wp-config.php` constant or variable evaluates to.
public enum PHPValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case array(PHPArray)

  /// PHP's type name as `gettype()`-like words closte reports in `value_type`.
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "bool"
    case .int: return "int"
    case .float: return "float"
    case .string: return "string"
    case .array: return "array"
    }
  }

  /// The value as JSON, as PHP's `json_encode` would give it (a list-shaped array becomes a JSON
  /// array, any other an object).
  public var json: JSONValue {
    switch self {
    case .null: return .null
    case .bool(let flag): return .bool(flag)
    case .int(let number): return .int(number)
    case .float(let number): return .double(number)
    case .string(let text): return .string(text)
    case .array(let array):
      if array.isList { return .array(array.entries.map { $0.value.json }) }
      var object = JSONObject()
      for entry in array.entries { object[entry.key.description] = entry.value.json }
      return .object(object)
    }
  }
}

extension PHPValue {
  /// About how many bytes the value holds (see `PHPArray.weight`).
  public var weight: Int {
    switch self {
    case .string(let text): return text.utf8.count
    case .array(let array): return array.weight
    default: return 8
    }
  }

  /// How many arrays deep the value nests (0 for a scalar).
  public var depth: Int {
    if case .array(let array) = self { return array.depth }
    return 0
  }
}

/// A PHP array: ordered entries with integer or string keys.
public struct PHPArray: Equatable, Sendable {
  public struct Entry: Equatable, Sendable {
    public var key: PHPArrayKey
    public var value: PHPValue

    package var weight: Int {
      PHPArray.sum(16 + (key.stringKey?.utf8.count ?? 0), value.weight)
    }

    public init(key: PHPArrayKey, value: PHPValue) {
      self.key = key
      self.value = value
    }
  }

  public private(set) var entries: [Entry]
  /// About how many bytes the whole value holds (strings' bytes, 16 per entry), nested arrays
  /// included: kept up to date as entries change, so bounding a value never walks it.
  public private(set) var weight: Int
  /// How many arrays deep the value nests (1 for an array of scalars), also kept up to date.
  public private(set) var depth: Int

  public init(entries: [Entry] = []) {
    self.entries = entries
    weight = entries.reduce(0) { PHPArray.sum($0, $1.weight) }
    depth = entries.reduce(1) { max($0, $1.value.depth + 1) }
  }

  public static func == (lhs: PHPArray, rhs: PHPArray) -> Bool { lhs.entries == rhs.entries }

  /// Weights add up without overflowing (a value that big is refused anyway).
  package static func sum(_ lhs: Int, _ rhs: Int) -> Int {
    let (total, overflow) = lhs.addingReportingOverflow(rhs)
    return overflow ? Int.max : total
  }

  package mutating func append(_ entry: Entry) {
    weight = PHPArray.sum(weight, entry.weight)
    depth = max(depth, entry.value.depth + 1)
    entries.append(entry)
  }

  package mutating func setValue(at position: Int, _ value: PHPValue) {
    weight = max(0, weight - entries[position].weight)
    entries[position].value = value
    weight = PHPArray.sum(weight, entries[position].weight)
    depth = max(depth, value.depth + 1)
  }

  /// True when the keys are 0, 1, 2, ... in order (PHP's `array_is_list`).
  public var isList: Bool {
    for (position, entry) in entries.enumerated() where entry.key != .int(position) { return false }
    return true
  }
}

public enum PHPArrayKey: Hashable, Sendable, CustomStringConvertible {
  case int(Int)
  case string(String)

  package var stringKey: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  public var description: String {
    switch self {
    case .int(let number): return String(number)
    case .string(let text): return text
    }
  }
}
