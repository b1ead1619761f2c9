import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The process's working directory, for every module that resolves a relative path.
public enum ProcessDirectory {
  /// `getcwd(3)`: nil when the working directory was deleted or moved away (never `/` instead).
  public static func workingDirectory() -> String? {
    guard let buffer = getcwd(nil, 0) else { return nil }
    defer { free(buffer) }
    let path = String(cString: buffer)
    return path.hasPrefix("/") ? path : nil
  }
}

/// The process's environment, read from `environ`.
public enum ProcessEnvironment {
  /// Every `NAME=value` entry; for a name given twice, the first, as `getenv(3)` finds it.
  public static func current() -> [String: String] {
    var count = 0
    while environ[count] != nil { count += 1 }
    var variables: [String: String] = [:]
    variables.reserveCapacity(count)
    var entry = environ
    while let text = entry.pointee {
      let bytes = Array(String(cString: text).utf8)
      if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
        let name = String(decoding: bytes[..<equals], as: UTF8.self)
        if variables[name] == nil { variables[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self) }
      }
      entry += 1
    }
    return variables
  }
}
