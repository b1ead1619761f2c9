import CCurlLoader
import Diagnostics

/// What a finished libcurl transfer means for the client: the answer, or why there is none, as a
/// sentence (never "network error -1") and a `TransportFailure` the retry logic understands.
package enum CurlOutcome {
  package static func of(_ transfer: CurlTransfer, code: Int32) -> CurlTransfer.Outcome {
    if code == 0 {
      let status = transfer.longInfo(Int32(CLOSTE_CURLINFO_RESPONSE_CODE))
      return .success(HTTPResponse(status: status, headers: transfer.headers, body: transfer.body))
    }
    if transfer.overflowed || code == 63 {
      return .failure(.tooLarge(limit: transfer.limits.maximumBodyBytes))
    }
    let tunnelStatus = transfer.longInfo(Int32(CLOSTE_CURLINFO_HTTP_CONNECTCODE))
    if tunnelStatus >= 300 {
      return .failure(.unreachable("the proxy refused to open a tunnel to the host (HTTP \(tunnelStatus) to CONNECT)"))
    }
    if code == 28 {
      let elapsed = transfer.started.duration(to: .now)
      let connectTimeout = min(transfer.limits.connectTimeout, transfer.timeout)
      if connectTimeout < transfer.timeout && elapsed < .milliseconds(HTTPLimits.milliseconds(transfer.timeout)) {
        return .failure(
          .unreachable(
            "no connection could be opened within \(ClosteError.secondsText(connectTimeout)) s (--connect-timeout)"))
      }
      return .failure(.timedOut)
    }
    return .failure(failure(code: code, detail: transfer.errorText))
  }

  /// The failure for a CURLcode other than success, a cap or a timeout (curl.h, `CURLcode`).
  package static func failure(code: Int32, detail: String) -> TransportFailure {
    switch code {
    case 1: return .unreachable("the URL's scheme is not http or https")
    case 3: return .unreachable("the URL is malformed")
    case 5: return .unreachable("the proxy's host name was not found")
    case 6: return .unreachable("the host name was not found (DNS)")
    case 7: return .unreachable("no connection could be opened (refused, or no route to the host)")
    case 8: return .dropped("the server's answer is not HTTP")
    case 16, 92: return .dropped("the HTTP/2 connection failed")
    case 18: return .dropped("the answer ended before the length it announced")
    case 35: return .unreachable("the TLS handshake failed")
    case 52: return .dropped("the server closed the connection without answering")
    case 55: return .dropped("the connection broke while the request was sent")
    case 56: return .dropped("the connection broke while the answer was read")
    case 58, 59, 66: return .unreachable("the TLS connection could not be set up")
    case 60: return .unreachable("the server's TLS certificate is not trusted, or is not for this host name")
    case 61: return .dropped("the answer's compression (Content-Encoding) is broken")
    case 77: return .unreachable("the system's trusted certificates (CA bundle) cannot be read")
    case 97: return .unreachable("the proxy failed" + (detail.isEmpty ? "" : ": " + detail))
    default:
      let text = detail.isEmpty ? String(cString: closte_curl_easy_strerror(code)) : detail
      return .unreachable("libcurl error \(code): \(text)")
    }
  }
}
