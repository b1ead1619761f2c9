import Diagnostics
import PHPReader

#if canImport(Glibc)
  import Glibc
#endif

/// The one place that touches the file system for the reader: what is at a path, and its bytes.
package enum WPConfigFile {
  package enum Kind {
    case missing
    case directory
    case file
    case other
  }

  package static func kind(_ path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFREG: return .file
    default: return .other
    }
  }

  /// The bytes of a regular file, or `config_not_found` / `config_unreadable` (also for a file of
  /// more than `limit` bytes: the reader's budget).
  package static func bytes(_ path: String, limit: Int = PHPLimits.maximumSourceBytes) throws -> [UInt8] {
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
    var info = stat()
    let expected = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
    // Read straight into one buffer of the file's size (plus room to notice growth).
    var bytes = [UInt8](repeating: 0, count: max(expected + 1, 4096))
    var filled = 0
    while true {
      if filled > limit || expected > limit {
        throw ClosteError.configUnreadable(
          path, "it would take the PHP read past the reader's limit of \(PHPLimits.maximumSourceBytes >> 20) MB")
      }
      if filled == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
      let count = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw ClosteError.configUnreadable(path, String(cString: strerror(errno)))
      }
      if count == 0 {
        bytes.removeLast(bytes.count - filled)
        return bytes
      }
      filled += count
    }
  }

  /// Whether the file starts with a UTF-8 byte order mark (WP-CLI warns about one).
  package static func startsWithByteOrderMark(_ path: String) -> Bool {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var head = [UInt8](repeating: 0, count: 3)
    let count = head.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 3) }
    return count == 3 && head == [0xEF, 0xBB, 0xBF]
  }

  /// The path with symbolic links resolved, as PHP's `__FILE__` and `get_included_files()` give it.
  package static func realPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
