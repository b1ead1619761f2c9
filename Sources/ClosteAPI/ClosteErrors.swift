import Diagnostics
import HTTP

extension ErrorCode {
  public static let apiKeyMissing = ErrorCode("api_key_missing")
  public static let apiKeyEmpty = ErrorCode("api_key_empty")
  public static let apiUnauthorized = ErrorCode("api_unauthorized")
  public static let apiRefused = ErrorCode("api_refused")
  public static let apiBadResponse = ErrorCode("api_bad_response")
  public static let apiTimeout = ErrorCode("api_timeout")
  public static let apiServerError = ErrorCode("api_server_error")
  public static let apiRateLimited = ErrorCode("api_rate_limited")
  public static let apiURLInvalid = ErrorCode("api_url_invalid")
  public static let apiURLInsecure = ErrorCode("api_url_insecure")
  public static let apiResponseTooLarge = ErrorCode("api_response_too_large")
  public static let proxyInvalid = ErrorCode("proxy_invalid")
}

/// The Closte client's failures, with the troubleshooting guide's hints. None of them ever holds the
/// key or a URL with the key in it: requests are described by method and path only.
extension ClosteError {
  package static let keyHint =
    "Check that CLOSTE_CLIENT_API_KEY in wp-config.php is the key of this site in the Closte dashboard, "
    + "and that the Closte account may manage domain aliases."

  public static func apiKeyMissing(_ detail: String) -> ClosteError {
    ClosteError(
      .apiKeyMissing, "No Closte API key: \(detail)",
      hint: "Define it in wp-config.php: define( 'CLOSTE_CLIENT_API_KEY', '<your key>' ); "
        + "(on Closte it is already there), or set the CLOSTE_CLIENT_API_KEY environment variable.")
  }

  public static func apiKeyEmpty(source: String) -> ClosteError {
    ClosteError(
      .apiKeyEmpty, "The Closte API key from \(source) is empty.",
      hint: "Give CLOSTE_CLIENT_API_KEY the key from the Closte dashboard.")
  }

  public static func apiUnauthorized(_ closteMessage: String) -> ClosteError {
    ClosteError(.apiUnauthorized, "Closte rejected the API key: \(closteMessage)", hint: keyHint)
  }

  public static func apiRefused(_ closteMessage: String, call: String) -> ClosteError {
    ClosteError(.apiRefused, "Closte refused \(call): \(closteMessage)")
  }

  public static func apiBadResponse(
    _ what: String, call: String, body: [UInt8], redactor: SecretRedactor
  ) -> ClosteError {
    ClosteError(
      .apiBadResponse,
      "Closte's answer to \(call) is not what its API documents: \(what). "
        + "First bytes: \(preview(body, redactor: redactor))",
      hint: "Check --api-url (or CLOSTE_API_URL): it must be the client API base, "
        + "https://app.closte.com/api/client.")
  }

  public static func apiTimeout(call: String, seconds: Double) -> ClosteError {
    ClosteError(
      .apiTimeout, "Closte did not answer \(call) within \(secondsText(seconds)) seconds.",
      hint: "Try again later, or allow more time with --timeout=<seconds>.")
  }

  public static func apiUnreachable(call: String, reason: String) -> ClosteError {
    ClosteError(
      .apiUnreachable, "Could not reach Closte for \(call): \(reason).",
      hint: "Check the server's network access to app.closte.com (DNS, firewall, proxy), or --api-url.")
  }

  public static func apiServerError(call: String, status: Int) -> ClosteError {
    ClosteError(
      .apiServerError, "Closte answered \(call) with HTTP \(status) after every retry.",
      hint: "Closte may be having trouble; try again later (more attempts: --retries=<n>).")
  }

  public static func apiRateLimited(call: String) -> ClosteError {
    ClosteError(
      .apiRateLimited, "Closte kept answering \(call) with HTTP 429 (too many requests) after every retry.",
      hint: "Wait a minute and try again, or send fewer domains at once.")
  }

  public static func apiResponseTooLarge(call: String, limit: Int) -> ClosteError {
    ClosteError(
      .apiResponseTooLarge,
      "Closte's answer to \(call) is larger than \(ByteCount.text(limit)) (counted after decompression); "
        + "closte stopped reading it.",
      hint: "A list of 100,000 aliases is about 7 MB: check --api-url (or CLOSTE_API_URL), "
        + "and any proxy between this server and Closte.")
  }

  /// Closte asked to wait longer (`Retry-After`, on a 429 or a 503) than the deadline leaves: the
  /// call fails now, with the time asked for, instead of sleeping past `--timeout`.
  public static func retryAfterPastDeadline(
    _ code: ErrorCode, call: String?, retryAfter: Double, timeout: Double
  ) -> ClosteError {
    let status = code == .apiRateLimited ? "HTTP 429 (too many requests)" : "HTTP 503 (unavailable)"
    return ClosteError(
      code,
      "Closte answered \(call.map { $0 + " with " } ?? "")\(status) and asked to wait "
        + "\(secondsText(retryAfter)) seconds (Retry-After), longer than the --timeout of \(secondsText(timeout)) seconds allows.",
      hint: "Try again after that time, or allow more time with --timeout=<seconds>.",
      details: ["retry_after": .double(retryAfter)])
  }

  /// The first bytes of a body, printable, for an error message. Scrubbed whole first, then cut and
  /// flattened: a key past the cut, or across a line break, is still whole when the scrubber sees it.
  package static func preview(_ body: [UInt8], redactor: SecretRedactor) -> String {
    if body.isEmpty { return "(empty body)" }
    let masked = redactor.scrub(body, holdingBack: false).bytes
    var text = ""
    for scalar in String(decoding: masked.prefix(80), as: UTF8.self).unicodeScalars {
      text += scalar.value < 0x20 || scalar.value == 0x7F ? " " : String(scalar)
    }
    return "'" + text + (masked.count > 80 ? "...'" : "'")
  }
}
