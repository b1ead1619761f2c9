import Foundation
import Values

@testable import Diagnostics
@testable import Stages

/// A clock whose sleeps pass at once, moving `now` forward: whole stage machines in virtual time.
final class StageTestClock: ClosteClock, @unchecked Sendable {
  private let lock = NSLock()
  private var current: Timestamp
  private(set) var sleeps: [Double] = []

  init(start: Timestamp = Timestamp(timeIntervalSince1970: 1_800_000_000)) { current = start }

  func now() -> Timestamp {
    lock.lock()
    defer { lock.unlock() }
    return current
  }

  func sleep(seconds: Double) async {
    lock.withLock {
      current = current.addingTimeInterval(seconds)
      sleeps.append(seconds)
    }
  }

  var totalSlept: Double {
    lock.lock()
    defer { lock.unlock() }
    return sleeps.reduce(0, +)
  }
}

/// A probe that answers from scripts: the n-th DNS (SSL) try passes when `dns[n]` (`ssl[n]`) is
/// true; past the end of a script, the last answer repeats. Records when each try happened.
final class ScriptedProbe: DomainProbe, @unchecked Sendable {
  private let lock = NSLock()
  private let dns: [Bool]
  private let ssl: [Bool]
  private let clock: StageTestClock
  private(set) var dnsTimes: [Timestamp] = []
  private(set) var sslTimes: [Timestamp] = []

  init(dns: [Bool], ssl: [Bool], clock: StageTestClock) {
    self.dns = dns
    self.ssl = ssl
    self.clock = clock
  }

  func checkDNS(_ domain: String) async -> ProbeOutcome {
    let passed = lock.withLock {
      dnsTimes.append(clock.now())
      return Self.answer(dns, dnsTimes.count)
    }
    return ProbeOutcome(
      passed: passed, summary: passed ? "\(domain) points at the network." : "\(domain) points elsewhere.",
      hint: passed ? nil : "Point the domain at the Closte server's IP address.")
  }

  func checkSSL(_ domain: String) async -> ProbeOutcome {
    let passed = lock.withLock {
      sslTimes.append(clock.now())
      return Self.answer(ssl, sslTimes.count)
    }
    return ProbeOutcome(
      passed: passed, summary: passed ? "The certificate is valid." : "No certificate yet.",
      hint: passed ? nil : "Closte issues the certificate 5-10 minutes after the domain is added.")
  }

  private static func answer(_ script: [Bool], _ count: Int) -> Bool {
    script.isEmpty ? false : script[min(count, script.count) - 1]
  }
}
