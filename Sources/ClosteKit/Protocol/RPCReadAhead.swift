import Diagnostics
import Dispatch
import Values

/// Reads rpc requests from standard input on a thread of its own (reading blocks), at most `limit`
/// ahead of the consumer: the thread waits until the consumer says it `took` one before it reads
/// past the limit, so a slow request never lets the stream pile up in memory.
final class RPCReadAhead: @unchecked Sendable {
  let stream: AsyncStream<RPCStreamReader.Item>
  private let room: DispatchSemaphore

  init(source: InputSource, limit: Int, maximumRequestBytes: Int = RPCStreamReader.defaultMaximumRequestBytes) {
    // Made empty and then given its room: a semaphore released below the value it was made with is
    // a crash in libdispatch, and the stream may end with room taken.
    let room = DispatchSemaphore(value: 0)
    for _ in 0..<max(1, limit) { room.signal() }
    self.room = room
    let (stream, continuation) = AsyncStream<RPCStreamReader.Item>.makeStream()
    self.stream = stream
    let read: @Sendable () -> Void = {
      let reader = RPCStreamReader(source: source, maximumRequestBytes: maximumRequestBytes)
      while true {
        room.wait()
        guard let item = reader.next() else { break }
        continuation.yield(item)
      }
      continuation.finish()
    }
    // No thread to be had: do the work here rather than not at all.
    if !SystemThread.detach(read) { read() }
  }

  /// The consumer has taken an item from `stream`: one more may be read.
  func took() { room.signal() }
}
