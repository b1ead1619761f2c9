import COpenSSLLoader
import Sockets
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// The parts of an X.509 certificate that the SSL check reports, read out of OpenSSL once.
public struct CertificateInfo: Sendable, Equatable {
  /// `CN=a.example.com, O=Example` in the certificate's order.
  public var subject: String
  public var issuer: String
  /// The subject's common names (used for the host name only when there is no SAN extension).
  public var commonNames: [String]
  /// DNS names of the subject alternative name extension; nil when the extension is absent.
  public var dnsNames: [String]?
  /// IP addresses of the subject alternative name extension.
  public var ipAddresses: [String]
  public var notBefore: Timestamp?
  public var notAfter: Timestamp?

  public init(
    subject: String, issuer: String, commonNames: [String], dnsNames: [String]?, ipAddresses: [String] = [],
    notBefore: Timestamp?, notAfter: Timestamp?
  ) {
    self.subject = subject
    self.issuer = issuer
    self.commonNames = commonNames
    self.dnsNames = dnsNames
    self.ipAddresses = ipAddresses
    self.notBefore = notBefore
    self.notAfter = notAfter
  }

  package init(_ certificate: OpaquePointer) {
    let subjectName = closte_X509_get_subject_name(certificate)
    subject = CertificateInfo.text(of: subjectName)
    issuer = CertificateInfo.text(of: closte_X509_get_issuer_name(certificate))
    commonNames = CertificateInfo.commonNames(of: subjectName)
    (dnsNames, ipAddresses) = CertificateInfo.alternativeNames(of: certificate)
    notBefore = CertificateInfo.date(closte_X509_get0_notBefore(certificate))
    notAfter = CertificateInfo.date(closte_X509_get0_notAfter(certificate))
  }

  /// Every name the certificate covers, as reported: the SANs, else the common names.
  public var names: [String] { (dnsNames ?? commonNames) + ipAddresses }

  private static func text(of name: OpaquePointer?) -> String {
    guard let name else { return "" }
    var parts: [String] = []
    for index in 0..<closte_X509_NAME_entry_count(name) {
      guard let entry = closte_X509_NAME_get_entry(name, index) else { continue }
      let nid = closte_OBJ_obj2nid(closte_X509_NAME_ENTRY_get_object(entry))
      let label = closte_OBJ_nid2sn(nid).map { String(cString: $0) } ?? "?"
      parts.append("\(label)=\(utf8(closte_X509_NAME_ENTRY_get_data(entry)) ?? "")")
    }
    return parts.joined(separator: ", ")
  }

  private static func commonNames(of name: OpaquePointer?) -> [String] {
    guard let name else { return [] }
    var names: [String] = []
    var index: Int32 = -1
    while true {
      index = closte_X509_NAME_get_index_by_NID(name, Int32(CLOSTE_NID_commonName), index)
      guard index >= 0, let entry = closte_X509_NAME_get_entry(name, index) else { break }
      if let value = utf8(closte_X509_NAME_ENTRY_get_data(entry)) { names.append(value) }
    }
    return names
  }

  private static func alternativeNames(of certificate: OpaquePointer) -> ([String]?, [String]) {
    guard let list = closte_subject_alt_names(certificate) else { return (nil, []) }
    defer { closte_general_names_free(list) }
    var dns: [String] = []
    var ips: [String] = []
    for index in 0..<closte_general_names_count(list) {
      guard let entry = closte_general_names_at(list, index), let value = closte_general_name_value(entry) else {
        continue
      }
      let length = Int(closte_ASN1_STRING_length(value))
      guard let data = closte_ASN1_STRING_get0_data(value) else { continue }
      let bytes = Array(UnsafeBufferPointer(start: data, count: length))
      switch closte_general_name_type(entry) {
      case Int32(CLOSTE_GEN_DNS): dns.append(String(decoding: bytes, as: UTF8.self))
      case Int32(CLOSTE_GEN_IPADD):
        let family: SocketAddress.Family? = bytes.count == 4 ? .ipv4 : bytes.count == 16 ? .ipv6 : nil
        if let family { ips.append(SocketAddress(family: family, bytes: bytes, port: 0).ip) }
      default: break
      }
    }
    return (dns, ips)
  }

  private static func utf8(_ string: OpaquePointer?) -> String? {
    guard let string else { return nil }
    var output: UnsafeMutablePointer<UInt8>?
    let length = closte_ASN1_STRING_to_UTF8(&output, string)
    guard length >= 0, let output else { return nil }
    defer { closte_OPENSSL_free(output) }
    return String(decoding: UnsafeBufferPointer(start: output, count: Int(length)), as: UTF8.self)
  }

  private static func date(_ time: OpaquePointer?) -> Timestamp? {
    guard let time else { return nil }
    var parts = tm()
    guard closte_ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
    return Timestamp(timeIntervalSince1970: Double(timegm(&parts)))
  }
}
