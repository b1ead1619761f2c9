import CCurlLoader
import Values

/// One HTTP exchange on libcurl: the easy handle with its options, and the answer as it arrives.
/// Made on the caller's thread, then owned by the engine's thread until it finishes.
package final class CurlTransfer {
  package typealias Outcome = Result<HTTPResponse, TransportFailure>

  package let easy: UnsafeMutableRawPointer
  package let continuation: CheckedContinuation<Outcome, Never>
  package let timeout: Double
  package let limits: HTTPLimits
  package let started = ContinuousClock.now
  private var headerList: UnsafeMutableRawPointer?
  private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CLOSTE_CURL_ERROR_SIZE))
  package private(set) var body: [UInt8] = []
  package private(set) var headers: [String: String] = [:]
  /// The body passed `limits.maximumBodyBytes`, and the transfer was stopped.
  package private(set) var overflowed = false

  /// nil when libcurl cannot make an easy handle (out of memory).
  package init?(
    _ request: HTTPRequest, timeout: Double, limits: HTTPLimits, route: HTTPRoute,
    continuation: CheckedContinuation<Outcome, Never>
  ) {
    guard let easy = closte_curl_easy_init() else { return nil }
    self.easy = easy
    self.continuation = continuation
    self.timeout = timeout
    self.limits = limits
    errorBuffer.initialize(repeating: 0, count: Int(CLOSTE_CURL_ERROR_SIZE))
    configure(request, route: route)
  }

  deinit {
    closte_curl_easy_cleanup(easy)
    if let headerList { closte_curl_slist_free_all(headerList) }
    errorBuffer.deallocate()
  }

  private func setLong(_ option: Int32, _ value: Int) { _ = closte_curl_easy_setopt_long(easy, option, value) }
  private func setText(_ option: Int32, _ value: String) {
    // libcurl copies every string option it is given.
    _ = value.withCString { closte_curl_easy_setopt_pointer(easy, option, $0) }
  }

  private func configure(_ request: HTTPRequest, route: HTTPRoute) {
    let user = Unmanaged.passUnretained(self).toOpaque()
    setText(Int32(CLOSTE_CURLOPT_URL), request.url)
    setLong(Int32(CLOSTE_CURLOPT_PROTOCOLS), CLOSTE_CURLPROTO_HTTP_HTTPS)
    // Redirects are never followed: the key travels with every request, and a redirect could send it
    // elsewhere (or in clear). A 3xx comes back as it is, and is reported as not the API.
    setLong(Int32(CLOSTE_CURLOPT_FOLLOWLOCATION), 0)
    setLong(Int32(CLOSTE_CURLOPT_SSL_VERIFYPEER), 1)
    setLong(Int32(CLOSTE_CURLOPT_SSL_VERIFYHOST), 2)
    setLong(Int32(CLOSTE_CURLOPT_NOSIGNAL), 1)
    setLong(Int32(CLOSTE_CURLOPT_PIPEWAIT), 1)
    setLong(Int32(CLOSTE_CURLOPT_TIMEOUT_MS), HTTPLimits.milliseconds(timeout))
    setLong(Int32(CLOSTE_CURLOPT_CONNECTTIMEOUT_MS), HTTPLimits.milliseconds(min(limits.connectTimeout, timeout)))
    // Every encoding libcurl can decode; the body cap counts the decoded bytes.
    setText(Int32(CLOSTE_CURLOPT_ACCEPT_ENCODING), "")
    _ = closte_curl_easy_setopt_offset(easy, Int32(CLOSTE_CURLOPT_MAXFILESIZE_LARGE), Int64(limits.maximumBodyBytes))
    _ = closte_curl_easy_setopt_pointer(easy, Int32(CLOSTE_CURLOPT_ERRORBUFFER), errorBuffer)
    _ = closte_curl_easy_setopt_callback(easy, Int32(CLOSTE_CURLOPT_WRITEFUNCTION), curlWriteBody)
    _ = closte_curl_easy_setopt_pointer(easy, Int32(CLOSTE_CURLOPT_WRITEDATA), user)
    _ = closte_curl_easy_setopt_callback(easy, Int32(CLOSTE_CURLOPT_HEADERFUNCTION), curlWriteHeader)
    _ = closte_curl_easy_setopt_pointer(easy, Int32(CLOSTE_CURLOPT_HEADERDATA), user)
    route.apply(to: easy)

    var userAgent = HTTPRequest.userAgent
    // "Expect:" turns off libcurl's 100-continue wait before a POST body.
    var lines = ["Expect:"]
    for (name, value) in request.headers {
      if name.lowercased() == "user-agent" { userAgent = value } else { lines.append(name + ": " + value) }
    }
    setText(Int32(CLOSTE_CURLOPT_USERAGENT), userAgent)
    for line in lines { headerList = line.withCString { closte_curl_slist_append(headerList, $0) } ?? headerList }
    _ = closte_curl_easy_setopt_pointer(easy, Int32(CLOSTE_CURLOPT_HTTPHEADER), headerList)
    switch request.method {
    case .get: setLong(Int32(CLOSTE_CURLOPT_HTTPGET), 1)
    case .post:
      _ = closte_curl_easy_setopt_offset(easy, Int32(CLOSTE_CURLOPT_POSTFIELDSIZE_LARGE), Int64(request.body.count))
      _ = request.body.withUnsafeBytes {
        closte_curl_easy_setopt_pointer(
          easy, Int32(CLOSTE_CURLOPT_COPYPOSTFIELDS), $0.baseAddress ?? UnsafeRawPointer(errorBuffer))
      }
    }
  }

  /// Body bytes, after any decompression: kept up to the cap, then the transfer is stopped
  /// (returning a short count makes libcurl end it with CURLE_WRITE_ERROR).
  package func receive(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard body.count + bytes.count <= limits.maximumBodyBytes else {
      overflowed = true
      return 0
    }
    body.append(contentsOf: bytes)
    return bytes.count
  }

  /// One header line. A status line starts the headers over (an interim 100, a proxy's CONNECT answer).
  package func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Int {
    let line = String(decoding: bytes, as: UTF8.self)
    if line.hasPrefix("HTTP/") {
      headers = [:]
    } else if let colon = line.firstIndex(of: ":"), headers.count < 200 {
      let name = line[..<colon].lowercased()
      let value = String(line[line.index(after: colon)...]).trimmingSpaces
      headers[name] = value
    }
    return bytes.count
  }

  /// The libcurl error text of a failed transfer ("Failed to connect to ... : Connection refused").
  package var errorText: String { String(cString: errorBuffer) }

  package func longInfo(_ info: Int32) -> Int {
    var value = 0
    return closte_curl_easy_getinfo_long(easy, info, &value) == 0 ? value : 0
  }
}

private let curlWriteBody: closte_curl_data_callback = { data, size, count, user in
  guard let user else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
  return transfer.receive(UnsafeRawBufferPointer(start: data, count: size * count))
}

private let curlWriteHeader: closte_curl_data_callback = { data, size, count, user in
  guard let user else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
  return transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
}
