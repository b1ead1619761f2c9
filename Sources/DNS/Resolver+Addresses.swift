import Sockets

extension Resolver {
  /// The A and AAAA records `host` leads to, following its CNAME chain (within an answer, and with
  /// a new question when a server stops at a CNAME), with a loop and length guard. A name with fewer
  /// dots than `ndots` is tried with the search domains first, as glibc's `res_search` does: a name
  /// that does not exist or has no address goes on to the next, a timeout stops the search.
  public func resolveAddresses(_ host: DNSName, deadline: Deadline? = nil) -> AddressResolution {
    let deadline = deadline ?? defaultDeadline()
    let candidates = configuration.searchNames(for: host)
    var lookups: [DNSLookup] = []
    for (index, candidate) in candidates.enumerated() {
      var resolution = resolveAddressesOf(candidate, deadline: deadline)
      lookups += resolution.lookups
      resolution.lookups = lookups
      let isLast = index == candidates.count - 1
      if isLast || !resolution.addresses.isEmpty || resolution.failures.contains(where: \.endsSearch) {
        return resolution
      }
    }
    return AddressResolution(name: host, chain: [], records: [], failures: [], lookups: lookups)
  }

  /// The A and then AAAA records of one name. A question that no server answered in time is not
  /// followed by another: the server that was silent for A would be silent for AAAA too, and the
  /// check would take twice the time to say so.
  package func resolveAddressesOf(_ host: DNSName, deadline: Deadline) -> AddressResolution {
    var resolution = AddressResolution(name: host, chain: [], records: [], failures: [], lookups: [])
    for type in [DNSRecordType.a, .aaaa] {
      guard !resolution.failures.contains(.timeout) else { break }
      // AAAA starts where the A lookup's chain ended, so the chain is walked once.
      let start = resolution.canonicalName
      let walk = follow(start, type: type, deadline: deadline)
      resolution.lookups += walk.lookups
      if resolution.chain.isEmpty { resolution.chain = walk.chain }
      resolution.records += walk.records
      if let failure = walk.failure, !resolution.failures.contains(failure) { resolution.failures.append(failure) }
    }
    return resolution
  }

  /// Asks for `type` records of `name`, following CNAMEs: the links walked, the records at the
  /// end, and the failure that stopped the walk (nil for an answer, even an empty one).
  package func follow(_ name: DNSName, type: DNSRecordType, deadline: Deadline) -> (
    chain: [DNSRecord], records: [DNSRecord], failure: DNSFailure?, lookups: [DNSLookup]
  ) {
    var chain: [DNSRecord] = []
    var lookups: [DNSLookup] = []
    var visited: Set<DNSName> = [name]
    var current = name
    while true {
      let lookup = query(current, type, deadline: deadline)
      lookups.append(lookup)
      // Walk the chain inside the answer: a recursive server sends the CNAMEs and the records together.
      var advanced = false
      while let link = lookup.answers.first(where: { $0.name == current && $0.type == .cname }),
        case .cname(let cname) = link.data
      {
        guard !visited.contains(cname.target) else { return (chain, [], .cnameLoop(cname.target), lookups) }
        guard chain.count < Resolver.maximumChainLength else {
          return (chain, [], .cnameChainTooLong(Resolver.maximumChainLength), lookups)
        }
        chain.append(link)
        visited.insert(cname.target)
        current = cname.target
        advanced = true
      }
      let records = lookup.answers.filter { $0.name == current && $0.type == type }
      if case .nameNotFound? = lookup.failure {
        // With a CNAME chain in the answer, NXDOMAIN speaks of the chain's end, not the name asked.
        return (chain, records, .nameNotFound(current), lookups)
      }
      if let failure = lookup.failure { return (chain, records, failure, lookups) }
      // A chain that ends at a name with no records in this answer: ask about that name itself.
      if !records.isEmpty || !advanced { return (chain, records, nil, lookups) }
    }
  }
}
