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

/// A PHP array: ordered entries with integer or string keys.
public struct PHPArray: Equatable, Sendable {
  public struct Entry: Equatable, Sendable {
    public var key: PHPArrayKey
    public var value: PHPValue
    public init(key: PHPArrayKey, value: PHPValue) {
      self.key = key
      self.value = value
    }
  }

  public var entries: [Entry]

  public init(entries: [Entry] = []) { self.entries = entries }

  /// True when the keys are 0, 1, 2, ... in order (PHP's `array_is_list`).
  public var isList: Bool {
    for (position, entry) in entries.enumerated() where entry.key != .int(position) { return false }
    return true
  }
}

public enum PHPArrayKey: Hashable, Sendable, CustomStringConvertible {
  case int(Int)
  case string(String)

  public var description: String {
    switch self {
    case .int(let number): return String(number)
    case .string(let text): return text
    }
  }
}
