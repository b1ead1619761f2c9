import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// The system's resolver settings, read from `/etc/resolv.conf` as glibc reads them: up to three
/// `nameserver` lines, and `options timeout:<n> attempts:<n>`. Other lines (`search`, `domain`,
/// `sortlist`) do not matter to closte, which only asks for fully qualified names.
public struct ResolvConf: Equatable, Sendable {
  public static let defaultPath = "/etc/resolv.conf"
  /// glibc's defaults (resolv.h): RES_TIMEOUT 5 s, RES_DFLRETRY 2, MAXNS 3; no nameserver means the local one.
  public static let defaultTimeout = 5.0
  public static let defaultAttempts = 2
  static let maximumServers = 3

  public var servers: [DNSServerAddress]
  public var timeout: Double
  public var attempts: Int

  public init(servers: [DNSServerAddress], timeout: Double = defaultTimeout, attempts: Int = defaultAttempts) {
    self.servers = servers
    self.timeout = timeout
    self.attempts = attempts
  }

  public static func parse(_ text: String) -> ResolvConf {
    var conf = ResolvConf(servers: [])
    for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      let words = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard let keyword = words.first, !keyword.hasPrefix("#"), !keyword.hasPrefix(";") else { continue }
      switch keyword {
      case "nameserver":
        // A link-local address with a zone (`fe80::1%eth0`) cannot be reached without it: skipped.
        if words.count > 1, conf.servers.count < maximumServers, let address = IPAddress(words[1]) {
          conf.servers.append(DNSServerAddress(address: address))
        }
      case "options":
        for option in words.dropFirst() {
          if option.hasPrefix("timeout:"), let value = Int(option.dropFirst(8)) {
            conf.timeout = Double(min(max(value, 1), 30))
          } else if option.hasPrefix("attempts:"), let value = Int(option.dropFirst(9)) {
            conf.attempts = min(max(value, 1), 5)
          }
        }
      default:
        continue
      }
    }
    if conf.servers.isEmpty {
      conf.servers = [DNSServerAddress(address: .v4(IPv4Address(bytes: [127, 0, 0, 1])))]
    }
    return conf
  }

  /// Reads the file at `path`; a missing or unreadable file gives the defaults, as glibc does.
  public static func load(path: String = defaultPath) -> ResolvConf {
    guard let data = FileManager.default.contents(atPath: path) else { return parse("") }
    return parse(String(decoding: data, as: UTF8.self))
  }
}
