import Values

#if canImport(Glibc)
  import Glibc
#endif

/// The system's resolver settings, read from `/etc/resolv.conf` as glibc reads them: up to three
/// `nameserver` lines, `options timeout:<n> attempts:<n> ndots:<n>`, and the search list (`search`,
/// or `domain`: the last of them wins), with glibc's environment overrides `LOCALDOMAIN` and
/// `RES_OPTIONS`. `sortlist` does not matter to closte.
public struct ResolvConf: Equatable, Sendable {
  public static let defaultPath = "/etc/resolv.conf"
  /// glibc's defaults (resolv.h): RES_TIMEOUT 5 s, RES_DFLRETRY 2, MAXNS 3; no nameserver means the local one.
  public static let defaultTimeout = 5.0
  public static let defaultAttempts = 2
  public static let defaultNdots = 1
  /// glibc's caps: RES_MAXRETRANS 30 s, RES_MAXRETRY 5, RES_MAXNDOTS 15; MAXDNSRCH 6 search domains.
  package static let maximumTimeout = 30
  package static let maximumAttempts = 5
  package static let maximumNdots = 15
  package static let maximumServers = 3
  package static let maximumSearchDomains = 6

  public var servers: [DNSServerAddress]
  public var timeout: Double
  public var attempts: Int
  /// Names with fewer dots than this are tried with the search domains first.
  public var ndots: Int
  public var search: [DNSName]

  public init(
    servers: [DNSServerAddress], timeout: Double = defaultTimeout, attempts: Int = defaultAttempts,
    ndots: Int = defaultNdots, search: [DNSName] = []
  ) {
    self.servers = servers
    self.timeout = timeout
    self.attempts = attempts
    self.ndots = ndots
    self.search = search
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
      case "search", "domain":
        // glibc: `domain` is a search list of one; whichever line comes last wins.
        conf.setSearch(Array(words.dropFirst().prefix(keyword == "domain" ? 1 : Int.max)))
      case "options":
        conf.apply(options: words.dropFirst())
      default:
        continue
      }
    }
    if conf.servers.isEmpty {
      conf.servers = [DNSServerAddress(address: .v4(IPv4Address(bytes: [127, 0, 0, 1])))]
    }
    return conf
  }

  /// `timeout:<n>`, `attempts:<n>` and `ndots:<n>`, within glibc's bounds; other options are ignored.
  package mutating func apply<Words: Sequence<String>>(options: Words) {
    for option in options {
      if option.hasPrefix("timeout:"), let value = Int(option.dropFirst(8)) {
        timeout = Double(min(max(value, 1), Self.maximumTimeout))
      } else if option.hasPrefix("attempts:"), let value = Int(option.dropFirst(9)) {
        attempts = min(max(value, 1), Self.maximumAttempts)
      } else if option.hasPrefix("ndots:"), let value = Int(option.dropFirst(6)) {
        ndots = min(max(value, 0), Self.maximumNdots)
      }
    }
  }

  package mutating func setSearch(_ words: [String]) {
    let names = words.compactMap { try? DNSName($0) }.filter { !$0.labels.isEmpty }
    search = Array(names.prefix(Self.maximumSearchDomains))
  }

  /// Reads the file at `path`; a missing or unreadable file gives the defaults, as glibc does. Then,
  /// as glibc does, `LOCALDOMAIN` (a search list) and `RES_OPTIONS` (options) from `environment` win.
  public static func load(path: String = defaultPath, environment: [String: String] = [:]) -> ResolvConf {
    var conf: ResolvConf
    if let data = FileStatus.contents(of: path) {
      conf = parse(String(decoding: data, as: UTF8.self))
    } else {
      conf = parse("")
    }
    func words(_ text: String) -> [String] { text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }
    if let domains = environment["LOCALDOMAIN"] { conf.setSearch(words(domains)) }
    if let options = environment["RES_OPTIONS"] { conf.apply(options: words(options)) }
    return conf
  }
}
