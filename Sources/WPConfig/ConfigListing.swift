import Diagnostics

/// The definitions of a `wp-config.php` as `wp config list|get|has` see them.
public enum ConfigListing {
  public enum Kind: String, Sendable, CaseIterable {
    case constant, variable, all
  }

  /// `wp config list`'s order: the variables (each once, at its first assignment, with its last
  /// value), then the constants (PHP's first definition wins), then the included files. WP-CLI
  /// defines `ABSPATH` itself before it reads the file, so the list leaves it out; `get` and `has`
  /// still find it (`includingABSPATH`). `wp-settings.php` is WordPress's own bootstrap, which
  /// WP-CLI never runs, so it is not an include here either.
  public static func entries(_ config: WPConfig, includingABSPATH: Bool = false) -> [ConfigItem] {
    var variables: [ConfigItem] = []
    var variableIndex: [String: Int] = [:]
    var constants: [ConfigItem] = []
    var constantNames: Set<String> = []
    var includes: [ConfigItem] = []
    var includePaths: Set<String> = []
    for item in config.items {
      switch item.type {
      case .variable:
        if let index = variableIndex[item.name] {
          variables[index] = item
        } else {
          variableIndex[item.name] = variables.count
          variables.append(item)
        }
      case .constant:
        guard includingABSPATH || item.name != "ABSPATH", constantNames.insert(item.name).inserted else { continue }
        constants.append(item)
      case .includes:
        let path =
          item.value.flatMap { if case .string(let text) = $0 { return text } else { return nil } } ?? item.name
        guard item.name != "wp-settings.php", includePaths.insert(path).inserted else { continue }
        includes.append(item)
      }
    }
    return variables + constants + includes
  }

  /// `wp config list <filter>...`: names containing any filter (case-sensitive), or equal to one with
  /// `strict`. Each entry appears once, in list order.
  public static func filter(_ entries: [ConfigItem], by filters: [String], strict: Bool) -> [ConfigItem] {
    guard !filters.isEmpty else { return entries }
    return entries.filter { entry in
      filters.contains { strict ? entry.name == $0 : entry.name.contains($0) }
    }
  }

  /// The one entry `wp config get <name> --type=<kind>` answers with, or WP-CLI's error.
  public static func lookup(_ name: String, kind: Kind, in config: WPConfig) throws -> ConfigItem {
    // The same entries `entries` lists, found without building the whole listing (a 30 MB file has
    // hundreds of thousands): a variable's last assignment, a constant's first definition, an include.
    var matches: [ConfigItem] = []
    if kind != .constant, let variable = config.variable(name) { matches.append(variable) }
    if kind != .variable, let constant = config.constant(name) { matches.append(constant) }
    if kind == .all, name != "wp-settings.php",
      let include = config.items.first(where: { $0.type == .includes && $0.name == name })
    {
      matches.append(include)
    }
    let file = fileName(config.path)
    if matches.count > 1 {
      throw ClosteError(
        .ambiguousName,
        "Found both a constant and a variable '\(name)' in the '\(file)' file. Use --type=<type> to disambiguate.")
    }
    if let match = matches.first { return match }
    var message =
      "The \(kind == .all ? "constant or variable" : kind.rawValue) '\(name)' is not defined in the '\(file)' file."
    if let candidate = Suggestion.closest(to: name, among: entries(config, includingABSPATH: true).map(\.name)) {
      message += "\nDid you mean '\(candidate)'?"
    }
    throw ClosteError(.notDefined, message)
  }

  /// Whether `wp config has <name> --type=<kind>` answers yes.
  public static func has(_ name: String, kind: Kind, in config: WPConfig) throws -> Bool {
    do {
      _ = try lookup(name, kind: kind, in: config)
      return true
    } catch let error as ClosteError where error.code == .notDefined {
      return false
    }
  }

  /// The file's own name, as WP-CLI names it in messages (`'wp-config.php'`).
  public static func fileName(_ path: String) -> String {
    String(path.split(separator: "/").last ?? Substring(path))
  }
}

extension ErrorCode {
  /// `config get`/`has`/`list`: no constant or variable of that name (WP-CLI's message).
  public static let notDefined = ErrorCode("not_defined")
  /// `config get`: the value is an expression closte does not evaluate without running PHP.
  public static let notResolved = ErrorCode("not_resolved")
  /// `config get`/`has`: a constant and a variable share the name; `--type` must choose.
  public static let ambiguousName = ErrorCode("ambiguous_name")
  /// `config get` of a secret without `--reveal`.
  public static let secretValue = ErrorCode("secret_value")
}
