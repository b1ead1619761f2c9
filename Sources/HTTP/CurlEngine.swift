import CCurlLoader
import Diagnostics
import Synchronization
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// Every HTTP call of the process runs here: one libcurl multi handle, driven by one thread. So
/// connections are kept alive and reused across calls (and across the requests of a `closte rpc`
/// stream), calls run concurrently without a thread each, and HTTP/2 streams share one connection
/// when the server offers it (CURLPIPE_MULTIPLEX). A share handle keeps TLS sessions and DNS answers
/// for the connections it opens.
package final class CurlEngine: @unchecked Sendable {
  /// The process's engine, made on the first HTTP call (which loads libcurl).
  package static let shared: Result<CurlEngine, ClosteError> = {
    do throws(ClosteError) {
      return .success(try CurlEngine(library: CurlLibrary.load()))
    } catch {
      return .failure(error)
    }
  }()

  package let library: CurlLibrary
  /// Only the engine's thread uses these two, after `init`.
  private let multi: UnsafeMutableRawPointer
  private let share: UnsafeMutableRawPointer?
  /// Transfers handed over by callers, not yet added to the multi handle.
  private let incoming = Mutex<[CurlTransfer]>([])
  /// The engine thread's own: the transfers in flight, by easy handle.
  private var running: [UnsafeMutableRawPointer: CurlTransfer] = [:]

  private init(library: CurlLibrary) throws(ClosteError) {
    self.library = library
    guard let multi = closte_curl_multi_init() else {
      throw ClosteError(.apiUnreachable, "closte cannot make HTTP calls: libcurl could not make a multi handle.")
    }
    self.multi = multi
    _ = closte_curl_multi_setopt_long(multi, Int32(CLOSTE_CURLMOPT_PIPELINING), CLOSTE_CURLPIPE_MULTIPLEX)
    // Connections kept open between calls (libcurl's default follows the transfers in flight, so an
    // idle engine would close them all between two requests of an rpc stream).
    _ = closte_curl_multi_setopt_long(multi, Int32(CLOSTE_CURLMOPT_MAXCONNECTS), 64)
    share = closte_curl_share_init()
    if let share {
      _ = closte_curl_share_setopt_data(share, Int32(CLOSTE_CURLSHOPT_SHARE), Int32(CLOSTE_CURL_LOCK_DATA_SSL_SESSION))
      _ = closte_curl_share_setopt_data(share, Int32(CLOSTE_CURLSHOPT_SHARE), Int32(CLOSTE_CURL_LOCK_DATA_DNS))
    }
    try startThread()
  }

  /// Hands a transfer to the engine's thread; its continuation is resumed when it ends.
  package func submit(_ transfer: CurlTransfer) {
    incoming.withLock { $0.append(transfer) }
    _ = closte_curl_multi_wakeup(multi)
  }

  private func startThread() throws(ClosteError) {
    guard SystemThread.detach({ self.run() }) else {
      throw ClosteError(.apiUnreachable, "closte cannot make HTTP calls: the system gave no thread for them.")
    }
  }

  /// The engine's loop, for the life of the process: add what came in, let libcurl work, hand back
  /// what finished, then sleep until a socket is ready, a timer is due or a caller wakes it.
  private func run() -> Never {
    while true {
      for transfer in incoming.withLock({ list in
        defer { list = [] }
        return list
      }) {
        // The share handle has no lock callbacks: only this thread may attach easy handles to it.
        if let share { _ = closte_curl_easy_setopt_pointer(transfer.easy, Int32(CLOSTE_CURLOPT_SHARE), share) }
        if closte_curl_multi_add_handle(multi, transfer.easy) == 0 {
          running[transfer.easy] = transfer
        } else {
          transfer.continuation.resume(returning: .failure(.unreachable("libcurl refused the request")))
        }
      }
      var stillRunning: Int32 = 0
      _ = closte_curl_multi_perform(multi, &stillRunning)
      var easy: UnsafeMutableRawPointer?
      var code: Int32 = 0
      while closte_curl_multi_next_done(multi, &easy, &code) == 1 {
        guard let easy, let transfer = running.removeValue(forKey: easy) else { continue }
        _ = closte_curl_multi_remove_handle(multi, easy)
        transfer.continuation.resume(returning: CurlOutcome.of(transfer, code: code))
      }
      _ = closte_curl_multi_poll(multi, 1000)
    }
  }
}
