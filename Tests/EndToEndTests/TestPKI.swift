import Foundation
import Values

/// A private certificate authority in a temporary folder, made with the `openssl` command, and the
/// certificates the SSL tests need. Each test makes its own and removes it.
final class TestPKI {
  let folder: URL
  var caFile: String { path("ca.pem") }

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("closte-pki-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("issued"), withIntermediateDirectories: true)
    try Data().write(to: folder.appendingPathComponent("index.txt"))
    try Data("1000\n".utf8).write(to: folder.appendingPathComponent("serial"))
    try Data(
      """
      [ ca ]
      default_ca = test
      [ test ]
      dir = \(folder.path)
      database = $dir/index.txt
      new_certs_dir = $dir/issued
      serial = $dir/serial
      default_md = sha256
      policy = anything
      unique_subject = no
      [ anything ]
      commonName = supplied

      """.utf8
    ).write(to: folder.appendingPathComponent("ca.cnf"))
    try Self.openssl([
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
      path("ca.key"), "-out", path("ca.pem"), "-days", "365", "-subj", "/O=Closte Test/CN=Closte Test CA",
    ])
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// A certificate for `names` (the first is the common name) signed by this CA, valid from
  /// `start` to `end` (`YYYYMMDDHHMMSSZ`) or for `days` from now, with `more` extension lines
  /// (`extendedKeyUsage=clientAuth`). Returns (certificate, key) paths.
  @discardableResult
  func issue(
    _ label: String, names: [String], days: Int = 90, start: String? = nil, end: String? = nil,
    extensions more: [String] = []
  ) throws -> (cert: String, key: String) {
    let (key, request, extensions) = try leafRequest(label, names: names, extensions: more)
    let cert = path("\(label).pem")
    var arguments = [
      "ca", "-batch", "-notext", "-config", path("ca.cnf"), "-cert", caFile, "-keyfile", path("ca.key"),
      "-in", request, "-out", cert, "-extfile", extensions,
    ]
    if let start, let end {
      arguments += ["-startdate", start, "-enddate", end]
    } else {
      arguments += ["-days", String(days)]
    }
    try Self.openssl(arguments)
    return (cert, key)
  }

  /// A key, a certificate request for `names` (the first is the common name) and the extension file
  /// with their subject alternative names and `more` extension lines.
  private func leafRequest(_ label: String, names: [String], extensions more: [String] = []) throws -> (
    key: String, request: String, extensions: String
  ) {
    let key = path("\(label).key")
    let request = path("\(label).csr")
    let extensions = path("\(label).ext")
    let lines = ["subjectAltName=\(names.map { "DNS:\($0)" }.joined(separator: ","))"] + more
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: extensions))
    try Self.openssl([
      "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
      "-out", request, "-subj", "/CN=\(names[0])",
    ])
    return (key, request, extensions)
  }

  /// An intermediate authority signed by this CA, valid from `start` to `end` (`YYYYMMDDHHMMSSZ`),
  /// and a certificate for `names` it issued, valid for 90 days from now. Returns the paths of
  /// the leaf, its key and the intermediate (for `s_server -cert_chain`).
  func issueUnderIntermediate(
    _ label: String, names: [String], intermediateStart: String, intermediateEnd: String
  ) throws -> (cert: String, key: String, intermediate: String) {
    let intermediateKey = path("\(label)-intermediate.key")
    let intermediateRequest = path("\(label)-intermediate.csr")
    let intermediate = path("\(label)-intermediate.pem")
    let intermediateExtensions = path("\(label)-intermediate.ext")
    try Data("basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n".utf8)
      .write(to: URL(fileURLWithPath: intermediateExtensions))
    try Self.openssl([
      "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
      intermediateKey, "-out", intermediateRequest, "-subj", "/O=Closte Test/CN=Closte Test Intermediate",
    ])
    try Self.openssl([
      "ca", "-batch", "-notext", "-config", path("ca.cnf"), "-cert", caFile, "-keyfile", path("ca.key"),
      "-in", intermediateRequest, "-out", intermediate, "-extfile", intermediateExtensions,
      "-startdate", intermediateStart, "-enddate", intermediateEnd,
    ])
    let (key, request, extensions) = try leafRequest(label, names: names)
    let cert = path("\(label).pem")
    try Self.openssl([
      "x509", "-req", "-in", request, "-CA", intermediate, "-CAkey", intermediateKey, "-set_serial", "4096",
      "-days", "90", "-out", cert, "-extfile", extensions,
    ])
    return (cert, key, intermediate)
  }

  /// A self-signed certificate for `names`.
  func selfSigned(_ label: String, names: [String]) throws -> (cert: String, key: String) {
    let key = path("\(label).key")
    let cert = path("\(label).pem")
    try Self.openssl([
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
      "-out", cert, "-days", "30", "-subj", "/CN=\(names[0])",
      "-addext", "subjectAltName=\(names.map { "DNS:\($0)" }.joined(separator: ","))",
    ])
    return (cert, key)
  }

  /// `openssl x509 -enddate` of a certificate, as a date.
  static func notAfter(of cert: String) throws -> Timestamp? {
    let output = try openssl(["x509", "-in", cert, "-noout", "-enddate"])
    // notAfter=Dec  5 15:51:30 2026 GMT
    let text = output.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "notAfter=", with: "")
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "MMM d HH:mm:ss yyyy zzz"
    // Read by Foundation's own date parser: an oracle apart from closte's reading of the certificate.
    let date = formatter.date(from: text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "))
    return date.map { Timestamp(timeIntervalSince1970: $0.timeIntervalSince1970) }
  }

  struct CommandFailed: Error, CustomStringConvertible {
    var description: String
  }

  static var opensslPath: String {
    for path in ["/usr/bin/openssl", "/usr/local/bin/openssl", "/bin/openssl"]
    where FileManager.default.isExecutableFile(atPath: path) {
      return path
    }
    return "/usr/bin/openssl"
  }

  @discardableResult
  static func openssl(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: opensslPath)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw CommandFailed(
        description: "openssl \(arguments.joined(separator: " ")): \(String(decoding: errData, as: UTF8.self))")
    }
    return String(decoding: outData, as: UTF8.self)
  }
}
