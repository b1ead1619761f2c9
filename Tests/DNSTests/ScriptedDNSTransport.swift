import Foundation
import TestSupport

@testable import DNS
@testable import Sockets

/// A DNS "network" for resolver tests: each question is answered by `respond`, and every exchange
/// is recorded, so a test can check which server was asked over which protocol.
final class ScriptedDNSTransport: DNSTransport, @unchecked Sendable {
  enum Carrier: String { case udp, tcp }

  struct Exchange: Equatable {
    var server: String
    var proto: Carrier
    var name: String
    var type: String
    var id: UInt16
  }

  /// What a server does with one question: answer bytes, or throw a `SocketFailure`.
  typealias Responder = (_ query: DNSMessage, _ server: DNSServerAddress, _ proto: Carrier) throws -> [UInt8]

  private let lock = NSLock()
  private var log: [Exchange] = []
  private let respond: Responder

  init(_ respond: @escaping Responder) { self.respond = respond }

  var exchanges: [Exchange] {
    lock.lock()
    defer { lock.unlock() }
    return log
  }

  func exchangeUDP(
    _ query: [UInt8], with server: DNSServerAddress, deadline: Deadline, accept: ([UInt8]) -> Bool
  ) throws -> [UInt8] {
    let answer = try handle(query, server, .udp)
    guard accept(answer) else { throw SocketFailure.timedOut }
    return answer
  }

  func exchangeTCP(_ query: [UInt8], with server: DNSServerAddress, deadline: Deadline) throws -> [UInt8] {
    try handle(query, server, .tcp)
  }

  private func handle(_ bytes: [UInt8], _ server: DNSServerAddress, _ proto: Carrier) throws -> [UInt8] {
    let query = try DNSMessage.decode(bytes)
    let question = query.questions[0]
    lock.lock()
    log.append(
      Exchange(
        server: server.description, proto: proto, name: question.name.description,
        type: question.type.description, id: query.id))
    lock.unlock()
    return try respond(query, server, proto)
  }

  /// A zone as a table: name → records; answers as a recursive server would (CNAMEs followed
  /// inside the zone, NXDOMAIN for a name with no records of any type, the SOA in authority).
  static func zone(_ records: [DNSRecord], soa: DNSName = "closte.test") -> Responder {
    { query, _, _ in
      let question = query.questions[0]
      var answers: [DNSRecord] = []
      var name = question.name
      var seen: Set<DNSName> = []
      while !seen.contains(name) {
        seen.insert(name)
        let here = records.filter { $0.name == name }
        let matches = here.filter { $0.type == question.type }
        if !matches.isEmpty || question.type == .cname {
          answers += matches
          break
        }
        guard let cname = here.first(where: { $0.type == .cname }), case .cname(let link) = cname.data else { break }
        answers.append(cname)
        name = link.target
      }
      let exists = records.contains { $0.name == name }
      var reply = answer(to: query, answers: answers, code: exists ? .noError : .nameError)
      if !answers.contains(where: { $0.type == question.type }) || !exists {
        reply.authorities = [
          DNSRecord(
            name: soa, ttl: 60,
            data: .soa(
              SOARecord(
                primaryServer: "ns1.closte.test", responsibleMailbox: "hostmaster.closte.test", serial: 1,
                refresh: 2, retry: 3, expire: 4, minimum: 60)))
        ]
      }
      return try reply.encode()
    }
  }

  static func answer(to query: DNSMessage, answers: [DNSRecord], code: DNSResponseCode = .noError) -> DNSMessage {
    DNSMessage(
      id: query.id, isResponse: true, recursionAvailable: true, responseCode: code, questions: query.questions,
      answers: answers)
  }
}

/// Shorthands for records in tests.
func a(_ name: String, _ address: String, ttl: UInt32 = 300) -> DNSRecord {
  guard case .v4(let v4)? = IPAddress(address) else { preconditionFailure(address) }
  return DNSRecord(name: DNSName(stringLiteral: name), ttl: ttl, data: .a(ARecord(v4)))
}

func aaaa(_ name: String, _ address: String, ttl: UInt32 = 300) -> DNSRecord {
  guard case .v6(let v6)? = IPAddress(address) else { preconditionFailure(address) }
  return DNSRecord(name: DNSName(stringLiteral: name), ttl: ttl, data: .aaaa(AAAARecord(v6)))
}

func cname(_ name: String, _ target: String, ttl: UInt32 = 300) -> DNSRecord {
  DNSRecord(name: DNSName(stringLiteral: name), ttl: ttl, data: .cname(CNAMERecord(DNSName(stringLiteral: target))))
}

func ns(_ name: String, _ host: String, ttl: UInt32 = 3600) -> DNSRecord {
  DNSRecord(name: DNSName(stringLiteral: name), ttl: ttl, data: .ns(NSRecord(DNSName(stringLiteral: host))))
}

/// A resolver over `transport` with fixed ids 1, 2, 3, ... and short timeouts.
func scriptedResolver(
  _ transport: ScriptedDNSTransport, servers: [String] = ["192.0.2.53"], attempts: Int = 2
) -> Resolver {
  let counter = Counter()
  return Resolver(
    configuration: Resolver.Configuration(
      servers: servers.compactMap(DNSServerAddress.init), attemptTimeout: 1, attempts: attempts, totalTimeout: 5),
    transport: transport, nextID: { counter.next() })
}
