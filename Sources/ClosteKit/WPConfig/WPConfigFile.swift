import Foundation

/// The one place that touches the file system for the reader: what is at a path, and its bytes.
enum WPConfigFile {
  enum Kind {
    case missing
    case directory
    case file
    case other
  }

  static func kind(_ path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFREG: return .file
    default: return .other
    }
  }

  /// The bytes of a regular file, or `config_not_found` / `config_unreadable`.
  static func bytes(_ path: String) throws -> [UInt8] {
    switch kind(path) {
    case .missing: throw ClosteError.configNotFound("There is no file at \(path).")
    case .directory: throw ClosteError.configUnreadable(path, "it is a directory")
    case .other: throw ClosteError.configUnreadable(path, "it is not a regular file")
    case .file: break
    }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw ClosteError.configUnreadable(path, String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw ClosteError.configUnreadable(path, String(cString: strerror(errno)))
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }

  /// The path with symbolic links resolved, as PHP's `__FILE__` and `get_included_files()` give it.
  static func realPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
