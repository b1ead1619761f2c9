import COpenSSL

/// The OpenSSL library this process runs with (asked at run time: the system's libssl may differ
/// from the headers), for `closte version`. Only the TLS module knows OpenSSL.
public enum OpenSSLLibrary {
  public static var version: String {
    OpenSSL_version(OPENSSL_VERSION).map { String(cString: $0) } ?? "unknown"
  }
}
