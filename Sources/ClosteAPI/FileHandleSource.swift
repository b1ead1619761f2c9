import Diagnostics
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// A file read in chunks as an `InputSource` (for `domain sync --from=<file>`); closed when released.
public final class FileHandleSource: InputSource, @unchecked Sendable {
  private let fd: Int32
  private let source: FileDescriptorSource

  /// Opens `path` for reading; `invalid_arguments` (exit 2) when it cannot be read.
  public init(path: String) throws {
    let fd = FileStatus.isDirectory(path) == false ? open(path, O_RDONLY | O_CLOEXEC) : -1
    guard fd >= 0 else {
      throw ClosteError.invalidArguments("Cannot read the file '\(path)'.", hint: "Check the path given to --from.")
    }
    self.fd = fd
    source = FileDescriptorSource(fd: fd)
  }

  deinit { close(fd) }

  public func read(maximum: Int) -> [UInt8] { source.read(maximum: maximum) }
}
