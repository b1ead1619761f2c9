import FoundationEssentials
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
