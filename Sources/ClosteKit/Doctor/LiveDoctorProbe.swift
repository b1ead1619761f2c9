import ClosteAPI
import DNS
import Diagnostics
import Doctor
import HTTP
import Stages
import TLS
import WPConfig

/// `doctor`'s questions answered for real: the config of the command, the Closte client, the DNS
/// check and the SSL check, with the command's options.
public struct LiveDoctorProbe: DoctorProbe {
  let context: CommandContext
  /// The DNS and SSL checks with the command's options, or why they cannot run.
  let domainProbe: Result<LiveDomainProbe, ClosteError>

  /// With `resolveNetworkOnce`, the network's host is resolved now, once for every domain checked.
  public init(context: CommandContext, resolveNetworkOnce: Bool = false) {
    self.context = context
    do {
      let probe = try StageCommands.liveProbe(context)
      domainProbe = .success(resolveNetworkOnce ? probe.resolvingNetwork() : probe)
    } catch {
      domainProbe = .failure(ClosteError.wrap(error))
    }
  }

  public func config() throws -> WPConfig { try context.config() }

  public func apiKeySource() throws -> String { try context.closteAPIKey().source.rawValue }

  public func resolve(_ host: String) async -> Result<[String], ClosteError> {
    do {
      let resolver = try NameResolution.resolver(for: context)
      return .success(try await resolver.addresses(of: host, timeout: try Resolver.commandTimeout(context)))
    } catch {
      return .failure(ClosteError.wrap(error))
    }
  }

  /// The alias list; when `getdomains` is not answered as documented, Ultimate Multisite's own
  /// connection test (an add with an empty domain, which changes nothing) says whether the key works.
  public func closteAliases() async -> Result<[String]?, ClosteError> {
    do {
      let client = try context.closteClient()
      do {
        return .success(try await client.listDomains().map(\.domain))
      } catch let error as ClosteError where error.code == .apiBadResponse {
        let reply = try await client.probeKey()
        if !reply.success, reply.error?.hasPrefix("Invalid or empty domain") == true { return .success(nil) }
        return .failure(.apiUnauthorized(reply.error ?? "(no message)"))
      }
    } catch {
      return .failure(ClosteError.wrap(error))
    }
  }

  public func httpRoute() -> Result<String, ClosteError>? {
    do {
      let url = try context.closteEndpoint().base
      return .success(
        ProxyDescription.route(to: url, proxy: try context.wordPressProxy(), environment: context.environment))
    } catch {
      return .failure(ClosteError.wrap(error))
    }
  }

  public func dns(_ domain: String) async -> DNSFinding {
    do {
      let probe = try domainProbe.get()
      let outcome = await probe.checkDNS(domain)
      let proxied = outcome.details["verdict"] == .string(DNSCheckReport.Verdict.proxied.rawValue)
      return DNSFinding(
        outcome.passed ? (proxied ? .proxied : .points) : .notPointing, outcome.summary, hint: outcome.hint,
        check: outcome.details["verdict"]?.stringValue)
    } catch {
      let problem = ClosteError.wrap(error)
      return DNSFinding(.notPointing, problem.message, hint: problem.hint)
    }
  }

  public func ssl(_ domain: String) async -> SSLFinding {
    do {
      let report: SSLReport
      if case .success(let probe) = domainProbe {
        report = try await probe.ssl.run(probe.sslRequest(domain))
      } else {
        report = try await SSLCommands.report(for: domain, context: context)
      }
      return SSLFinding(
        valid: report.valid, daysLeft: report.daysLeft, report.message, hint: report.reason?.hint(for: report.domain),
        reason: report.reason?.rawValue)
    } catch {
      let problem = ClosteError.wrap(error)
      return SSLFinding(valid: false, problem.message, hint: problem.hint)
    }
  }
}
