#if canImport(Glibc)
  import Glibc
#endif

/// What `stat` says about a path.
package enum FileStatus {
  /// true for a folder, false for anything else, nil when there is nothing there.
  package static func isDirectory(_ path: String) -> Bool? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Creates the folder at `path` and any missing folders above it (as `mkdir -p`); true when it is
  /// a folder afterwards.
  @discardableResult
  package static func createDirectories(_ path: String, mode: mode_t = 0o755) -> Bool {
    if isDirectory(path) == true { return true }
    let parent = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    if !parent.isEmpty { createDirectories(parent, mode: mode) }
    return mkdir(path, mode) == 0 || isDirectory(path) == true
  }

  /// The whole content of the regular file at `path`, at most `limit` bytes; nil when it cannot be
  /// read (missing, not a regular file, unreadable).
  package static func contents(of path: String, limit: Int = 1 << 20) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while bytes.count < limit {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, min($0.count, limit - bytes.count)) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { return nil }
      if count == 0 { break }
      bytes += buffer[0..<count]
    }
    return bytes
  }
}
