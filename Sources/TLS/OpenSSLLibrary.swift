import COpenSSLLoader
import Diagnostics

/// The system's OpenSSL (libssl.so.3), loaded on first use (`Sources/COpenSSLLoader`): only the
/// commands that open a TLS connection pay for it. Only the TLS module knows OpenSSL.
public enum OpenSSLLibrary {
  /// Loads OpenSSL, or `tls_setup_failed` with the reason and how to install it.
  package static func load() throws(ClosteError) {
    guard closte_openssl_load() == 1 else {
      throw ClosteError(
        .tlsSetupFailed, "closte cannot open TLS connections: \(String(cString: closte_openssl_load_error())).",
        hint: "Install OpenSSL 3 (Debian and Ubuntu: apt-get install libssl3).")
    }
  }

  /// The OpenSSL this process runs with (asked at run time: the system's libssl may differ from the
  /// headers it was built with), for `closte version`; loads it.
  public static var version: String {
    guard closte_openssl_load() == 1 else { return "not available (\(String(cString: closte_openssl_load_error())))" }
    return closte_OpenSSL_version(Int32(CLOSTE_OPENSSL_VERSION)).map { String(cString: $0) } ?? "unknown"
  }
}
