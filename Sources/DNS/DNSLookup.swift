/// The result of one question to the resolver: the answer message, or why there is none.
public struct DNSLookup: Sendable {
  public var name: DNSName
  public var type: DNSRecordType
  /// The answer (NOERROR, or NXDOMAIN with the zone's SOA); nil on any other failure.
  public var message: DNSMessage?
  /// Set when the lookup failed, NXDOMAIN included; nil for an answer, even an empty one (NODATA).
  public var failure: DNSFailure?
  /// The server that answered (or the last one tried).
  public var server: DNSServerAddress?
  /// True when the answer came over TCP (it was truncated over UDP, or UDP failed).
  public var usedTCP: Bool

  public init(
    name: DNSName, type: DNSRecordType, message: DNSMessage? = nil, failure: DNSFailure? = nil,
    server: DNSServerAddress? = nil, usedTCP: Bool = false
  ) {
    self.name = name
    self.type = type
    self.message = message
    self.failure = failure
    self.server = server
    self.usedTCP = usedTCP
  }

  /// The answer section (CNAMEs included), empty when there is none.
  public var answers: [DNSRecord] { message?.answers ?? [] }

  /// The records of the asked type owned by the asked name.
  public var records: [DNSRecord] { answers.filter { $0.type == type && $0.name == name } }
}

/// The addresses a host name leads to, after its CNAME chain: what `ssl check` connects to and
/// what `dns check` compares with the network.
public struct AddressResolution: Sendable {
  public var name: DNSName
  /// The CNAME records followed, in order (`www.shop.test` → `shop.test` → ...).
  public var chain: [DNSRecord]
  /// The A and AAAA records at the end of the chain.
  public var records: [DNSRecord]
  /// Failures met on the way (an A lookup may fail while AAAA answers); empty when all answered.
  public var failures: [DNSFailure]
  /// The lookups made, for `--debug` and for showing TCP fallbacks.
  public var lookups: [DNSLookup]

  package init(name: DNSName, chain: [DNSRecord], records: [DNSRecord], failures: [DNSFailure], lookups: [DNSLookup]) {
    self.name = name
    self.chain = chain
    self.records = records
    self.failures = failures
    self.lookups = lookups
  }

  /// The name at the end of the CNAME chain (the name itself when there is no chain).
  public var canonicalName: DNSName {
    if case .cname(let last)? = chain.last?.data { return last.target }
    return name
  }

  /// The addresses, IPv4 first, without repeats.
  public var addresses: [IPAddress] {
    var seen: [IPAddress] = []
    for record in records {
      let address: IPAddress
      switch record.data {
      case .a(let a): address = .v4(a.address)
      case .aaaa(let aaaa): address = .v6(aaaa.address)
      default: continue
      }
      if !seen.contains(address) { seen.append(address) }
    }
    return seen
  }

  /// The failure to report when there is no address at all: the first one met, nil when the name
  /// simply has no address records (NODATA).
  public var failure: DNSFailure? { addresses.isEmpty ? failures.first : nil }
}
