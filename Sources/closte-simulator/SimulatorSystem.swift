#if canImport(Glibc)
  import Glibc
#endif

/// The few system and text helpers the simulator needs, without Foundation (it shares no code with
/// closte on purpose, so these are its own).
enum SimulatorSystem {
  /// One line to standard error.
  static func complain(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  }

  /// Runs `body` on a detached thread with a small stack; false when there is no thread to be had.
  @discardableResult
  static func startThread(stackSize: Int, _ body: @escaping () -> Void) -> Bool {
    final class Box {
      let body: () -> Void
      init(_ body: @escaping () -> Void) { self.body = body }
    }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    var thread = pthread_t()
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    let status = pthread_create(
      &thread, &attributes,
      { context in
        guard let context else { return nil }
        Unmanaged<Box>.fromOpaque(context).takeRetainedValue().body()
        return nil
      }, context)
    if status != 0 { Unmanaged<Box>.fromOpaque(context).release() }
    return status == 0
  }
}

/// A file lines are appended to (`--log`).
final class AppendFile {
  private let fd: Int32

  init?(path: String) {
    fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    if fd < 0 { return nil }
  }

  deinit { close(fd) }

  func append(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
  }
}

extension StringProtocol {
  /// Without leading and trailing spaces and tabs.
  var trimmedBlanks: String {
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return String(text)
  }
}

extension String {
  /// `%41` as `A`, byte by byte; nil when a `%` is not followed by two hex digits or the bytes are
  /// not UTF-8 (as Foundation's removingPercentEncoding).
  var percentDecoded: String? {
    var bytes: [UInt8] = []
    var iterator = utf8.makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next(), let low = iterator.next(),
        let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
      else { return nil }
      bytes.append(value)
    }
    return String(validating: bytes, as: UTF8.self)
  }
}
