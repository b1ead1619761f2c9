import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Where input bytes come from: standard input, or a buffer in tests.
public protocol InputSource: AnyObject, Sendable {
  /// Up to `maximum` bytes; an empty array at the end of input.
  func read(maximum: Int) -> [UInt8]
}

public final class FileDescriptorSource: InputSource, @unchecked Sendable {
  private let fd: Int32
  public init(fd: Int32) { self.fd = fd }

  public func read(maximum: Int) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: maximum)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, maximum) }
      if count < 0 && errno == EINTR { continue }
      return count > 0 ? Array(buffer[0..<count]) : []
    }
  }
}

public final class BufferSource: InputSource, @unchecked Sendable {
  private let lock = Mutex(())
  private var remaining: ArraySlice<UInt8>

  public init(_ bytes: [UInt8]) { remaining = bytes[...] }
  public convenience init(_ text: String) { self.init(Array(text.utf8)) }

  public func read(maximum: Int) -> [UInt8] {
    lock.withLock { _ in
      let chunk = remaining.prefix(maximum)
      remaining = remaining.dropFirst(chunk.count)
      return Array(chunk)
    }
  }
}
