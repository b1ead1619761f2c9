import Values

/// What closte learned from a `wp-config.php` (and the files it includes), in file order.
public struct WPConfig: Sendable, Equatable {
  /// The absolute path of the main file.
  public var path: String
  public var items: [ConfigItem]

  public init(path: String, items: [ConfigItem]) {
    self.path = path
    self.items = items
  }

  /// The first definition of a constant (PHP's rule: the first `define` wins).
  public func constant(_ name: String) -> ConfigItem? {
    items.first { $0.type == .constant && $0.name == name }
  }

  /// A variable's final value (the last assignment wins).
  public func variable(_ name: String) -> ConfigItem? {
    items.last { $0.type == .variable && $0.name == name }
  }

  /// A constant's value when it was resolved, else nil.
  public func constantValue(_ name: String) -> PHPValue? {
    guard let item = constant(name), item.resolved else { return nil }
    return item.value
  }
}

public enum ConfigItemType: String, Sendable {
  case constant
  case variable
  case includes
}

/// One constant, variable or included file, as `wp config list` lists it, plus where it was found.
public struct ConfigItem: Sendable, Equatable {
  public var name: String
  public var type: ConfigItemType
  /// The value as PHP would hold it; nil when not `resolved`.
  public var value: PHPValue?
  public var resolved: Bool
  /// Why the value was not resolved (an unknown function call, a database lookup...).
  public var reason: String?
  public var file: String
  public var line: Int
  /// Defined under an `if` other than the `! defined()` guard: it may not be in force.
  public var conditional: Bool

  public init(
    name: String, type: ConfigItemType, value: PHPValue?, resolved: Bool = true, reason: String? = nil,
    file: String, line: Int, conditional: Bool = false
  ) {
    self.name = name
    self.type = type
    self.value = value
    self.resolved = resolved
    self.reason = reason
    self.file = file
    self.line = line
    self.conditional = conditional
  }
}
