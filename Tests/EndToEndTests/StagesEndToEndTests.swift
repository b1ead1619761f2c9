import ClosteKit
import Foundation
import TLS
import Testing
import Values

/// A fictional network on loopback: dnsmasq says `shop.closte.test` is 127.0.0.1 (the "network"),
/// and so is `network.closte.test`; `elsewhere.closte.test` is 198.51.100.7; `openssl s_server` serves a certificate for
/// shop.closte.test from a private CA. Each test starts its own and stops it.
final class LoopbackNetwork {
  let pki: TestPKI
  let dns: DNSMasq
  let server: OpenSSLServer
  let cert: String

  init(certificateNames: [String] = ["shop.closte.test", "www.shop.closte.test"]) throws {
    pki = try TestPKI()
    let issued = try pki.issue("shop", names: certificateNames)
    cert = issued.cert
    dns = try DNSMasq.start([
      "host-record=shop.closte.test,127.0.0.1", "host-record=elsewhere.closte.test,198.51.100.7",
      "host-record=network.closte.test,127.0.0.1",
    ])
    do {
      server = try OpenSSLServer(cert: issued.cert, key: issued.key)
    } catch {
      dns.stop()
      throw error
    }
  }

  func stop() {
    server.stop()
    dns.stop()
  }

  /// The options that point closte at this network.
  var options: [String] {
    ["--resolver=\(dns.resolver)", "--port=\(server.port)", "--ca-file=\(pki.caFile)", "--timeout=10"]
  }

  func run(_ arguments: [String], input: String = "") throws -> BinaryRunner.Output {
    try BinaryRunner.run(arguments + options, input: input, environment: ["PATH": "/usr/bin:/bin"])
  }
}

@Suite struct SSLCommandEndToEndTests {
  @Test func aValidCertificateExitsZeroWithItsDates() throws {
    let network = try LoopbackNetwork()
    defer { network.stop() }
    let output = try network.run(["ssl", "check", "shop.closte.test", "--format=json"])
    #expect(output.status == 0, "\(output.stderr)")
    let report = try #require(try JSONParser.parse(output.stdout).objectValue)
    #expect(report["valid"] == .bool(true))
    #expect(report["reason"] == .null)
    let notAfter = try #require(try TestPKI.notAfter(of: network.cert))
    #expect(report["not_after"] == .string(UTCTime.iso8601(notAfter)))
    #expect(report["address"] == .string("127.0.0.1:\(network.server.port)"))
    #expect(report["names"] == ["shop.closte.test", "www.shop.closte.test"])
  }

  @Test func aNameTheCertificateDoesNotCoverExitsOne() throws {
    let network = try LoopbackNetwork(certificateNames: ["other.closte.test"])
    defer { network.stop() }
    let output = try network.run(["ssl", "check", "shop.closte.test"])
    #expect(output.status == 1)
    #expect(output.stdout.contains("hostname_mismatch"))
  }

  @Test func aPortThatNeverSpeaksTLSFailsWithinTheTimeout() throws {
    let listener = try SilentListener()
    defer { listener.stop() }
    let started = Date()
    let output = try BinaryRunner.run([
      "ssl", "check", "shop.closte.test", "--connect-to=127.0.0.1", "--port=\(listener.port)", "--timeout=1",
      "--format=json",
    ])
    #expect(output.status == 1)
    #expect(try JSONParser.parse(output.stdout).objectValue?["reason"] == "timeout")
    #expect(Date().timeIntervalSince(started) < 30)
  }

  @Test func aBadCAFileIsAUsageError() throws {
    let output = try BinaryRunner.run(["ssl", "check", "shop.closte.test", "--ca-file=/nonexistent.pem"])
    #expect(output.status == 2)
    #expect(output.stderr.contains("--ca-file=/nonexistent.pem"))
  }
}

@Suite struct StagesEndToEndTests {
  @Test func statusOfAReadyDomainIsDone() throws {
    let network = try LoopbackNetwork()
    defer { network.stop() }
    let output = try network.run(["domain", "status", "shop.closte.test", "--expect=127.0.0.1", "--format=json"])
    #expect(output.status == 0, "\(output.stderr)")
    let report = try #require(try JSONParser.parse(output.stdout).objectValue)
    #expect(report["stage"] == "done")
    #expect(report["dns_ok"] == .bool(true))
    #expect(report["ssl_ok"] == .bool(true))
    #expect(report["ssl_check"]?.objectValue?["valid"] == .bool(true))
  }

  @Test func statusOfADomainPointingElsewhereStaysAtCheckingDNS() throws {
    let network = try LoopbackNetwork()
    defer { network.stop() }
    let output = try network.run(["domain", "status", "elsewhere.closte.test", "--expect=127.0.0.1", "--format=json"])
    #expect(output.status == 1)
    let report = try #require(try JSONParser.parse(output.stdout).objectValue)
    #expect(report["stage"] == "checking-dns")
    #expect(report["ssl"] == .null)
    #expect(report["hint"] != .null)
  }

  @Test func waitEndsDoneAtOnceWithAProgressLine() throws {
    let network = try LoopbackNetwork()
    defer { network.stop() }
    let output = try network.run(["domain", "wait", "shop.closte.test", "--expect=127.0.0.1", "--format=json"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(try JSONParser.parse(output.stdout).objectValue?["stage"] == "done")
    #expect(output.stderr.contains("[checking-dns 1/5] ok: "))
    #expect(output.stderr.contains("[checking-ssl-cert 1/5] ok: "))
  }

  @Test func waitGivesUpAsFailed() throws {
    let network = try LoopbackNetwork()
    defer { network.stop() }
    let output = try network.run(["domain", "wait", "elsewhere.closte.test", "--expect=127.0.0.1", "--max-tries=1"])
    #expect(output.status == 1)
    #expect(output.stdout.contains("failed"))
    #expect(output.stderr.contains("Error: elsewhere.closte.test: DNS did not point at the network after 1 try."))
  }

  @Test func waitGivesUpAsDoneWithoutSSLThroughRPC() throws {
    let network = try LoopbackNetwork(certificateNames: ["other.closte.test"])
    defer { network.stop() }
    let request = JSONWriter.encode([
      "id": 1, "command": "domain wait", "args": ["shop.closte.test"],
      "assoc_args": .object(
        JSONObject([
          ("expect", "127.0.0.1"), ("max-tries", "1"), ("resolver", .string(network.dns.resolver)),
          ("port", .string(String(network.server.port))), ("ca-file", .string(network.pki.caFile)),
        ])),
      "settings": ["dns_check_interval": 10],
    ])
    let output = try BinaryRunner.run(["rpc"], input: request + "\n")
    #expect(output.status == 1)
    let response = try #require(try JSONParser.parse(output.stdout).objectValue)
    #expect(response["ok"] == .bool(false))
    #expect(response["error"]?.objectValue?["code"] == "domain_done_without_ssl")
    #expect(response["data"]?.objectValue?["stage"] == "done-without-ssl")
    #expect(response["data"]?.objectValue?["interval"] == .int(10))
  }
}

@Suite struct SSLResolverEndToEndTests {
  @Test func aNameTheResolverDoesNotKnowIsUnreachable() throws {
    let network = try LoopbackNetwork()
    defer { network.stop() }
    let output = try network.run(["ssl", "check", "missing.closte.test", "--format=json"])
    #expect(output.status == 1)
    let report = try #require(try JSONParser.parse(output.stdout).objectValue)
    #expect(report["reason"] == "unreachable")
    #expect(report["address"] == .null)
    #expect(output.stderr.contains("missing.closte.test does not resolve"))
  }
}
