import CCurlLoader
import Diagnostics

/// The system's libcurl, loaded on the first HTTP call (`Sources/CCurlLoader`). Holding a value of
/// this type proves the table of functions is filled in.
package struct CurlLibrary: Sendable {
  private init() {}

  /// libcurl, or `api_unreachable` with the reason and how to install it.
  package static func load() throws(ClosteError) -> CurlLibrary {
    guard closte_curl_load() == 1 else {
      throw ClosteError(
        .apiUnreachable, "closte cannot make HTTP calls: \(String(cString: closte_curl_error())).",
        hint: "Install the system's libcurl (Debian and Ubuntu: apt-get install libcurl4).")
    }
    return CurlLibrary()
  }

  /// "libcurl/7.88.1 OpenSSL/3.0.11 zlib/1.2.13 ...".
  package var version: String { String(cString: closte_curl_version()) }
}
