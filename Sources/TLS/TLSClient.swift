import COpenSSLLoader
import Diagnostics
import Sockets

#if canImport(Glibc)
  import Glibc
#endif

/// Why the TLS handshake did not complete.
public enum HandshakeFailure: Error, Equatable, Sendable {
  case socket(SocketFailure)
  /// OpenSSL's own reason (protocol mismatch, alert from the peer, connection closed mid-handshake).
  case tls(String)
}

/// What a completed handshake showed: the peer's certificate, every verification error against
/// the trust store, and the protocol spoken.
public struct PeerCertificate: Sendable {
  public var certificate: CertificateInfo
  /// `X509_V_ERR_*` codes; empty when the chain is trusted and in its validity period.
  public var verifyErrors: [Int32]
  /// A certificate above the leaf (an intermediate, or the authority's) that is out of its validity
  /// period: the one to name when the chain is `expired` while the leaf itself is not.
  public var outdatedIssuer: CertificateInfo?
  public var protocolVersion: String

  package init(
    certificate: CertificateInfo, verifyErrors: [Int32], outdatedIssuer: CertificateInfo? = nil, protocolVersion: String
  ) {
    self.certificate = certificate
    self.verifyErrors = verifyErrors
    self.outdatedIssuer = outdatedIssuer
    self.protocolVersion = protocolVersion
  }
}

extension ErrorCode {
  public static let caFileUnreadable = ErrorCode("ca_file_unreadable")
  public static let tlsSetupFailed = ErrorCode("tls_setup_failed")
}

/// One SSL_CTX: TLS 1.2 and 1.3, the system's trust store plus `--ca-file`. The handshake does not
/// stop at a bad certificate: it completes, and the chain is then verified separately so that
/// every problem is known (an expired certificate that is also for another name, say).
/// Every OpenSSL call of the check lives in this file and in `CertificateInfo.swift`.
/// One client serves many checks at once (`--all`): OpenSSL allows an `SSL_CTX` to make connections on
/// several threads once it is set up, and it is never changed after `init`. Loading the system's trust
/// store is most of a check's CPU time, so it is done once.
public final class TLSClient: @unchecked Sendable {
  private let context: OpaquePointer

  public init(caFile: String?) throws {
    try OpenSSLLibrary.load()
    guard let context = closte_SSL_CTX_new_client() else {
      throw ClosteError(.tlsSetupFailed, "OpenSSL could not create a TLS context: \(TLSClient.openSSLError()).")
    }
    self.context = context
    guard closte_SSL_CTX_set_protocol_range(context, Int32(CLOSTE_TLS1_2_VERSION), Int32(CLOSTE_TLS1_3_VERSION)) == 1
    else {
      throw ClosteError(.tlsSetupFailed, "OpenSSL refused TLS 1.2 to 1.3: \(TLSClient.openSSLError()).")
    }
    closte_SSL_CTX_set_verify_none(context)
    _ = closte_SSL_CTX_set_default_verify_paths(context)
    if let caFile {
      guard closte_SSL_CTX_load_verify_file(context, caFile) == 1 else {
        throw ClosteError(
          .caFileUnreadable, "--ca-file=\(caFile) is not a readable PEM file of certificates.",
          hint: "Give a file with one or more `-----BEGIN CERTIFICATE-----` blocks.", exitStatus: .usage)
      }
    }
  }

  deinit { closte_SSL_CTX_free(context) }

  /// Runs the handshake on a connected socket before `deadline`, sending `serverName` as SNI.
  public func handshake(
    on socket: Socket, serverName: String?, deadline: Deadline
  ) throws(HandshakeFailure) -> PeerCertificate {
    guard let ssl = closte_SSL_new(context) else { throw .tls("SSL_new: \(TLSClient.openSSLError())") }
    defer { closte_SSL_free(ssl) }
    guard closte_SSL_set_fd(ssl, socket.descriptor) == 1 else { throw .tls("SSL_set_fd: \(TLSClient.openSSLError())") }
    if let serverName { _ = closte_SSL_set_tlsext_host_name(ssl, serverName) }
    while true {
      closte_ERR_clear_error()
      let result = closte_SSL_connect(ssl)
      if result == 1 { break }
      let reason = closte_SSL_get_error(ssl, result)
      switch reason {
      case Int32(CLOSTE_SSL_ERROR_WANT_READ), Int32(CLOSTE_SSL_ERROR_WANT_WRITE):
        do {
          try socket.wait(forWriting: reason == Int32(CLOSTE_SSL_ERROR_WANT_WRITE), deadline: deadline)
        } catch {
          throw .socket(error)
        }
      case Int32(CLOSTE_SSL_ERROR_ZERO_RETURN): throw .tls("the server closed the connection")
      case Int32(CLOSTE_SSL_ERROR_SYSCALL):
        let detail = TLSClient.openSSLError()
        throw .tls(detail == "unknown error" ? "the connection closed during the handshake" : detail)
      default: throw .tls(TLSClient.openSSLError())
      }
    }
    defer { _ = closte_SSL_shutdown(ssl) }
    guard let leaf = closte_SSL_get1_peer_certificate(ssl) else { throw .tls("the server sent no certificate") }
    defer { closte_X509_free(leaf) }
    let version = closte_SSL_get_version(ssl).map { String(cString: $0) } ?? "unknown"
    let (errors, outdated) = verify(leaf, chain: closte_SSL_get_peer_cert_chain(ssl))
    return PeerCertificate(
      certificate: CertificateInfo(leaf), verifyErrors: errors, outdatedIssuer: outdated, protocolVersion: version)
  }

  /// Every verification error of `leaf` with the chain the server sent, against the trust store,
  /// and the first certificate above the leaf that is out of its validity period.
  private func verify(_ leaf: OpaquePointer, chain: OpaquePointer?) -> (errors: [Int32], outdated: CertificateInfo?) {
    var errors = [Int32](repeating: 0, count: 32)
    var outdated: OpaquePointer?
    var depth: Int32 = 0
    let count = closte_verify_chain(context, leaf, chain, &errors, Int32(errors.count), &outdated, &depth)
    defer { if let outdated { closte_X509_free(outdated) } }
    if count < 0 { return ([Int32(CLOSTE_X509_V_ERR_UNSPECIFIED)], nil) }
    return (Array(errors.prefix(Int(count))), outdated.map(CertificateInfo.init))
  }

  /// The most recent OpenSSL error as text (and the queue cleared).
  package static func openSSLError() -> String {
    let code = closte_ERR_get_error()
    closte_ERR_clear_error()
    guard code != 0 else { return "unknown error" }
    var buffer = [CChar](repeating: 0, count: 256)
    closte_ERR_error_string_n(code, &buffer, buffer.count)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
