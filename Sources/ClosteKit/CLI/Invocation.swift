import Diagnostics
import Values

/// One command as WP-CLI hands it over: the command's name, positional `args` and `assoc_args`,
/// plus what an rpc request may add (`path`, `config`, `settings`). argv and rpc both produce this.
public struct Invocation: Sendable, Equatable {
  /// The command's words, e.g. `domain add`.
  public var command: String
  public var args: [String]
  /// WP-CLI's `assoc_args`: `--key=value` is a string, `--flag` is `true`, `--no-flag` is `false`.
  /// A key given more than once (as `--expect` may be) holds an array of its values.
  public var assocArgs: JSONObject
  /// WordPress root, from the request's `path` (rpc) or `--path` (argv).
  public var path: String?
  /// An explicit `wp-config.php`, from the request's `config` (rpc) or `--config` (argv).
  public var config: String?
  /// The network's settings an rpc request carries (`dns_check_interval`, `auto_create_www_subdomain`).
  public var settings: JSONObject

  public init(
    command: String, args: [String] = [], assocArgs: JSONObject = JSONObject(), path: String? = nil,
    config: String? = nil, settings: JSONObject = JSONObject()
  ) {
    self.command = command
    self.args = args
    self.assocArgs = assocArgs
    self.path = path
    self.config = config
    self.settings = settings
  }
}

extension Invocation {
  /// The last string given for `--name`, or nil. A flag given as a bare `--name` is not a string.
  public func string(_ name: String) -> String? {
    switch assocArgs[name] {
    case .string(let value): return value
    case .int(let value): return String(value)
    case .double(let value): return JSONWriter.formatDouble(value)
    case .array(let values): return values.last.flatMap { Invocation.scalarText($0) }
    default: return nil
    }
  }

  /// Every value given for a repeatable option (`--expect=a --expect=b`, or `--expect=a,b`).
  public func strings(_ name: String) -> [String] {
    let values: [JSONValue]
    switch assocArgs[name] {
    case nil: return []
    case .array(let list): values = list
    case let single?: values = [single]
    }
    return values.compactMap { Invocation.scalarText($0) }
      .flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces } }
      .filter { !$0.isEmpty }
  }

  /// `--flag` / `--no-flag` / `--flag=true|false|1|0|yes|no`; nil when absent.
  public func flag(_ name: String) throws -> Bool? {
    switch assocArgs[name] {
    case nil: return nil
    case .bool(let value): return value
    case .int(let value): return value != 0
    case .string(let text):
      switch text.lowercased() {
      case "", "1", "true", "yes", "on": return true
      case "0", "false", "no", "off": return false
      default:
        throw ClosteError.invalidArguments("--\(name) takes no value, or true/false; got '\(text)'.")
      }
    default: throw ClosteError.invalidArguments("--\(name) takes no value, or true/false.")
    }
  }

  /// An integer option within bounds; nil when absent.
  public func integer(_ name: String, in range: ClosedRange<Int>? = nil) throws -> Int? {
    guard let text = string(name) else {
      if assocArgs[name] != nil {
        throw ClosteError.invalidArguments("--\(name) needs a whole number, as --\(name)=<n>.")
      }
      return nil
    }
    guard let value = Int(text) else {
      throw ClosteError.invalidArguments("--\(name) must be a whole number; got '\(text)'.")
    }
    if let range, !range.contains(value) {
      throw ClosteError.invalidArguments(
        "--\(name) must be between \(range.lowerBound) and \(range.upperBound); got \(value).")
    }
    return value
  }

  /// A number of seconds (may have a fraction); nil when absent.
  public func seconds(_ name: String, in range: ClosedRange<Double>? = nil) throws -> Double? {
    guard let text = string(name) else {
      if assocArgs[name] != nil {
        throw ClosteError.invalidArguments("--\(name) needs a number of seconds, as --\(name)=<seconds>.")
      }
      return nil
    }
    guard let value = Double(text), value.isFinite else {
      throw ClosteError.invalidArguments("--\(name) must be a number of seconds; got '\(text)'.")
    }
    if let range, !range.contains(value) {
      throw ClosteError.invalidArguments(
        "--\(name) must be between \(JSONWriter.formatDouble(range.lowerBound)) and "
          + "\(JSONWriter.formatDouble(range.upperBound)) seconds; got \(text).")
    }
    return value
  }

  private static func scalarText(_ value: JSONValue) -> String? {
    switch value {
    case .string(let text): return text
    case .int(let number): return String(number)
    case .double(let number): return JSONWriter.formatDouble(number)
    default: return nil
    }
  }
}
