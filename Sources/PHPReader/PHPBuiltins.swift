import Values

#if canImport(Glibc)
  import Glibc
#endif

/// The constants PHP itself defines that a `wp-config.php` uses, and the pure functions closte
/// evaluates. Anything else is unresolved with "calls the function name()".
package enum PHPBuiltins {
  private static let constants: [String: PHPValue] = [
    "PHP_EOL": .string("\n"), "PHP_INT_MAX": .int(Int.max), "PHP_INT_MIN": .int(Int.min), "PHP_INT_SIZE": .int(8),
    "PHP_FLOAT_EPSILON": .float(Double.ulpOfOne), "PHP_FLOAT_MAX": .float(Double.greatestFiniteMagnitude),
    "PHP_FLOAT_MIN": .float(Double.leastNormalMagnitude), "PHP_FLOAT_DIG": .int(15),
    "DIRECTORY_SEPARATOR": .string("/"), "PATH_SEPARATOR": .string(":"), "PHP_OS": .string("Linux"),
    "PHP_OS_FAMILY": .string("Linux"), "PHP_MAXPATHLEN": .int(4096), "NAN": .float(Double.nan),
    "INF": .float(Double.infinity), "M_PI": .float(Double.pi), "M_E": .float(M_E),
    "E_ERROR": .int(1), "E_WARNING": .int(2), "E_PARSE": .int(4), "E_NOTICE": .int(8), "E_CORE_ERROR": .int(16),
    "E_CORE_WARNING": .int(32), "E_COMPILE_ERROR": .int(64), "E_COMPILE_WARNING": .int(128),
    "E_USER_ERROR": .int(256), "E_USER_WARNING": .int(512), "E_USER_NOTICE": .int(1024), "E_STRICT": .int(2048),
    "E_RECOVERABLE_ERROR": .int(4096), "E_DEPRECATED": .int(8192), "E_USER_DEPRECATED": .int(16384),
    "E_ALL": .int(32767), "FILTER_VALIDATE_INT": .int(257), "FILTER_VALIDATE_BOOLEAN": .int(258),
    "FILTER_VALIDATE_BOOL": .int(258), "FILTER_VALIDATE_FLOAT": .int(259), "FILTER_DEFAULT": .int(516),
    "FILTER_NULL_ON_FAILURE": .int(134_217_728), "SORT_REGULAR": .int(0), "COUNT_RECURSIVE": .int(1),
  ]

  /// Constants that exist but whose value is the running PHP's, not the file's.
  private static let runtimeConstants: Set<String> = [
    "PHP_VERSION", "PHP_MAJOR_VERSION", "PHP_MINOR_VERSION", "PHP_RELEASE_VERSION", "PHP_VERSION_ID",
    "PHP_BINARY", "PHP_SAPI", "PHP_EXTRA_VERSION", "DEFAULT_INCLUDE_PATH", "PEAR_INSTALL_DIR", "PHP_BINDIR",
    "STDIN", "STDOUT", "STDERR",
  ]

  /// Every constant PHP defines itself, resolved or not: one lookup answers for all of them.
  private static let all: [String: PHPResult] = {
    var table = constants.mapValues(PHPResult.value)
    for name in runtimeConstants {
      table[name] = .unresolved("uses \(name), which depends on the PHP that runs it")
    }
    return table
  }()

  /// Which (length, first byte) pairs a built-in constant has: a config's own names (`DB_NAME`,
  /// `WP_DEBUG`...) are ruled out without hashing.
  private static let shapes: [Bool] = {
    var shapes = [Bool](repeating: false, count: 64 * 32)
    for name in all.keys {
      let bytes = Array(name.utf8)
      if bytes.count < 64 { shapes[bytes.count * 32 + Int(bytes[0] & 31)] = true }
    }
    return shapes
  }()

  private static func mayBeBuiltin(_ name: String) -> Bool {
    let count = name.utf8.count
    guard count > 0, count < 64, let first = name.utf8.first else { return false }
    return shapes[count * 32 + Int(first & 31)]
  }

  package static func isBuiltinConstant(_ name: String) -> Bool {
    (mayBeBuiltin(name) && all[name] != nil) || isCaseInsensitiveLiteral(name)
  }

  private static func isCaseInsensitiveLiteral(_ name: String) -> Bool {
    let count = name.utf8.count
    return (count == 4 || count == 5) && ["true", "false", "null"].contains(name.lowercased())
  }

  package static func constant(_ name: String) -> PHPResult? {
    if mayBeBuiltin(name), let result = all[name] { return result }
    guard isCaseInsensitiveLiteral(name) else { return nil }
    switch name.lowercased() {
    case "true": return .value(.bool(true))
    case "false": return .value(.bool(false))
    case "null": return .value(.null)
    default: return nil
    }
  }

  /// A pure function of its arguments (and the file system, for `file_exists` and the like), or
  /// nil when closte does not evaluate that function.
  package static func call(_ name: String, _ arguments: [PHPValue], environment: [String: String]) -> PHPResult? {
    func string(_ index: Int) -> String? {
      guard index < arguments.count else { return nil }
      return arguments[index].phpString
    }
    switch (name, arguments.count) {
    case ("dirname", 1), ("dirname", 2):
      let levels = arguments.count == 2 ? arguments[1].integer.value?.intValue ?? 1 : 1
      if levels < 1 { return .unresolved("calls dirname() with levels below 1") }
      return .value(.string(PHPPaths.dirname(arguments[0].phpString, levels: levels)))
    case ("basename", 1), ("basename", 2):
      return .value(.string(PHPPaths.basename(arguments[0].phpString, suffix: string(1) ?? "")))
    case ("getenv", 1), ("getenv", 2):
      guard let key = string(0) else { return nil }
      return .value(environment[key].map(PHPValue.string) ?? .bool(false))
    case ("strtolower", 1):
      return .value(.string(asciiMapped(arguments[0].phpString, lower: true)))
    case ("strtoupper", 1):
      return .value(.string(asciiMapped(arguments[0].phpString, lower: false)))
    case ("trim", 1), ("ltrim", 1), ("rtrim", 1), ("chop", 1):
      return .value(
        .string(trimmed(arguments[0].phpString, leading: name != "rtrim" && name != "chop", trailing: name != "ltrim")))
    case ("strlen", 1):
      return .value(.int(arguments[0].phpString.utf8.count))
    case ("intval", 1):
      return arguments[0].integer
    case ("floatval", 1), ("doubleval", 1):
      return .value(.float(arguments[0].floating))
    case ("boolval", 1):
      return .value(.bool(arguments[0].truthy))
    case ("strval", 1):
      if case .array = arguments[0] { return .unresolved("converts an array to a string") }
      return .value(.string(arguments[0].phpString))
    case ("is_numeric", 1):
      switch arguments[0] {
      case .int, .float: return .value(.bool(true))
      case .string(let text): return .value(.bool(PHPNumericString.parse(text)?.isWhole == true))
      default: return .value(.bool(false))
      }
    case ("file_exists", 1), ("is_file", 1), ("is_dir", 1), ("is_readable", 1):
      return .value(.bool(fileTest(name, arguments[0].phpString)))
    case ("filter_var", 2), ("filter_var", 3):
      return filterVar(arguments)
    default:
      return nil
    }
  }

  private static func asciiMapped(_ text: String, lower: Bool) -> String {
    let bytes = text.utf8.map { byte -> UInt8 in
      if lower { return PHPLexer.lowercased(byte) }
      return byte >= 0x61 && byte <= 0x7A ? byte - 32 : byte
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func trimmed(_ text: String, leading: Bool, trailing: Bool) -> String {
    let blanks: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x00]
    var bytes = Array(text.utf8)[...]
    if leading { while let first = bytes.first, blanks.contains(first) { bytes.removeFirst() } }
    if trailing { while let last = bytes.last, blanks.contains(last) { bytes.removeLast() } }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func fileTest(_ name: String, _ path: String) -> Bool {
    guard !path.isEmpty, let isDirectory = FileStatus.isDirectory(path) else { return false }
    switch name {
    case "is_file": return !isDirectory
    case "is_dir": return isDirectory
    case "is_readable": return access(path, R_OK) == 0
    default: return true
    }
  }

  /// `filter_var($value, FILTER_VALIDATE_BOOLEAN | FILTER_VALIDATE_INT [, FILTER_NULL_ON_FAILURE])`.
  private static func filterVar(_ arguments: [PHPValue]) -> PHPResult? {
    guard case .int(let filter) = arguments[1] else { return nil }
    var flags = 0
    if arguments.count == 3 {
      switch arguments[2] {
      case .int(let number): flags = number
      case .array(let options):
        if case .int(let number)? = options.value(for: .string("flags")) { flags = number }
        if options.entries.contains(where: { $0.key == .string("options") }) { return nil }
      default: return nil
      }
    }
    let failure: PHPValue = flags & 134_217_728 != 0 ? .null : .bool(false)
    if case .array = arguments[0] { return .value(failure) }
    let text = trimmed(arguments[0].phpString, leading: true, trailing: true)
    switch filter {
    case 258:
      switch text.lowercased() {
      case "1", "true", "on", "yes": return .value(.bool(true))
      case "0", "false", "off", "no", "":
        return .value(flags & 134_217_728 != 0 && text.isEmpty ? .bool(false) : .bool(false))
      default: return .value(failure)
      }
    case 257:
      if case .bool(true) = arguments[0] { return .value(.int(1)) }
      guard let parsed = PHPNumericString.parse(text), parsed.isWhole, case .int(let number) = parsed.value,
        !text.hasPrefix("0") || text == "0", !text.hasPrefix("+0"), !text.hasPrefix("-0")
      else { return .value(failure) }
      return .value(.int(number))
    default:
      return nil
    }
  }
}
