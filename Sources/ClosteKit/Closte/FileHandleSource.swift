import Foundation

/// A file read in chunks as an `InputSource` (for `domain sync --from=<file>`); closed when released.
public final class FileHandleSource: InputSource, @unchecked Sendable {
  private let handle: FileHandle

  /// Opens `path` for reading; `invalid_arguments` (exit 2) when it cannot be read.
  public init(path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
      let handle = FileHandle(forReadingAtPath: path)
    else {
      throw ClosteError.invalidArguments("Cannot read the file '\(path)'.", hint: "Check the path given to --from.")
    }
    self.handle = handle
  }

  deinit { try? handle.close() }

  public func read(maximum: Int) -> [UInt8] {
    [UInt8](handle.readData(ofLength: maximum))
  }
}
