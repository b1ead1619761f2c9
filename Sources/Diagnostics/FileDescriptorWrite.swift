#if canImport(Glibc)
  import Glibc
#endif

/// The one `write(2)` loop: writes every byte, retrying after EINTR and after short writes.
/// Returns false when the descriptor refuses (a closed pipe, a full disk).
@discardableResult
package func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
  var offset = 0
  while offset < bytes.count {
    let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    if written < 0 {
      if errno == EINTR { continue }
      return false
    }
    offset += written
  }
  return true
}
