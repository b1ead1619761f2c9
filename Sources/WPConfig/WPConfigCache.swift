import PHPReader
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Parsed configs of this process, keyed on path and modification time, so a stream of rpc
/// requests reads a file once (and again only after it changed).
public final class WPConfigCache: @unchecked Sendable {
  private struct Key: Hashable {
    let path: String
    let modified: Double
    let size: Int
    let context: PHPRunContext
  }

  private let lock = Mutex(())
  private var entries: [Key: WPConfig] = [:]
  /// How many times a file was actually parsed (tests check the cache with it).
  public private(set) var parseCount = 0

  public init() {}

  /// The config at `path`, parsed only when it is not cached yet; `onParse` runs once per parse (closte
  /// registers the file's secrets with the redactor there, not on every request of a stream).
  public func config(
    at path: String, environment: [String: String], onParse: (WPConfig) -> Void = { _ in }
  ) throws -> WPConfig {
    try config(at: path, context: PHPRunContext(environment: environment), onParse: onParse)
  }

  /// The config at `path` read in `context` (a different `--url` is a different reading).
  public func config(
    at path: String, context: PHPRunContext, onParse: (WPConfig) -> Void = { _ in }
  ) throws -> WPConfig {
    var info = stat()
    let key: Key
    if stat(path, &info) == 0 {
      key = Key(
        path: path, modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9,
        size: Int(info.st_size), context: context)
    } else {
      key = Key(path: path, modified: -1, size: -1, context: context)
    }
    if let cached = lock.withLock({ _ in entries[key] }) { return cached }
    let config = try WPConfigReader.read(path: path, context: context)
    onParse(config)
    lock.withLock { _ in
      entries[key] = config
      parseCount += 1
    }
    return config
  }
}
