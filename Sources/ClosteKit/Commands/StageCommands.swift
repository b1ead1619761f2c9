import DNS
import Diagnostics
import NetworkChecks
import Stages
import TLS

/// The commands: domain status, domain wait.
public enum StageCommands {
  public static let all: [CommandSpec] = [status, wait]

  static let expectOption = OptionSpec(
    "expect", value: "ip|host",
    "The network, as for `dns check`: an IP address or a host (repeatable). Default: CLOSTE_PUBLIC_IP_ADDRESS "
      + "and the DOMAIN_CURRENT_SITE host from wp-config.php.",
    repeatable: true)

  static let stageArgument = ArgumentSpec("domain", "The mapped domain, e.g. shop.example.com.")

  static let status = CommandSpec(
    name: "domain status", summary: "Run one pass of the domain stage machine: DNS, then SSL.",
    arguments: [
      ArgumentSpec("domain", "The mapped domain, e.g. shop.example.com (with --all: extra domains).", optional: true)
    ],
    options: [
      expectOption,
      OptionSpec("all", "Check the whole network at once: every alias Closte lists, and the domain given."),
      NetworkCheckOptions.concurrency, NetworkCheckOptions.stream,
    ],
    description: """
      Runs the DNS check (`checking-dns`) and, when the domain points at the network, the SSL check \
      (`checking-ssl-cert`), once each, and answers the stage the domain has reached: checking-dns (DNS is \
      not ready), checking-ssl-cert (DNS is, the certificate is not yet) or done, with both checks' findings \
      (the whole reports under dns_check and ssl_check with --format=json). Exit 0 for done, 1 otherwise.
      With --all, every alias Closte lists (wildcards are counted, not checked) is checked the same way, \
      --concurrency (16) at a time, each within --timeout and --connect-timeout; progress goes to standard \
      error (a bar on a terminal, a line per domain otherwise; --stream: a JSON line per domain on standard \
      output), then a table of domain, dns, ssl, days_left, on_closte and stage. Exit 0 when every domain is done.
      """,
    examples: [
      Example("Where does the domain stand?", "closte domain status shop.example.com"),
      Example("Everything as JSON", "closte domain status shop.example.com --format=json"),
      Example("The whole network, every morning", "closte domain status --all"),
      Example("The whole network as JSON lines, 32 at a time", "closte domain status --all --stream --concurrency=32"),
    ]
  ) { context in
    if try context.invocation.flag("all") ?? false { return try await networkStatus(context) }
    guard let argument = context.args.first else {
      throw ClosteError.invalidArguments(
        "domain status needs a domain, or --all.", hint: "For example `closte domain status shop.example.com`.")
    }
    let domain = try DomainNameCheck.parse(argument).description
    let machine = StageMachine(
      probe: try liveProbe(context), clock: context.runtime.clock, schedule: try StageSchedule.from(context.invocation))
    let report = await machine.pass(domain)
    var result = CommandResult.report(
      report.json, tableFields: StageReport.statusFields, invocation: context.invocation,
      exitStatus: report.stage == .done ? .success : .failure)
    result.exitStatusIsAnswer = true  // "not done yet" is the answer of one pass, not a failure
    return result
  }

  /// `domain status --all`: one pass for every domain of the network, concurrently.
  static func networkStatus(_ context: CommandContext) async throws -> CommandResult {
    let (concurrency, stream) = try NetworkCheckOptions.read(context.invocation)
    let given = try context.args.map { try DomainNameCheck.parse($0).description }
    let probe = try liveProbe(context)
    let aliases = try await context.closteClient().aliasNames()
    let network = NetworkDomains(given: given, aliases: aliases)
    let machine = StageMachine(
      probe: probe.resolvingNetwork(), clock: context.runtime.clock,
      schedule: try StageSchedule.from(context.invocation))
    let progress = NetworkCheckProgress(context: context, total: network.domains.count, stream: stream)
    let reports = await ConcurrentChecks.run(network.domains, concurrency: concurrency) { domain in
      await machine.pass(domain)
    } onResult: { _, report in
      let row = NetworkCheckRow(report, onCloste: ClosteAliasCoverage.covers(aliases, report.domain))
      progress.record(row, lines: [row.json])
    }
    let rows = reports.map { NetworkCheckRow($0, onCloste: ClosteAliasCoverage.covers(aliases, $0.domain)) }
    progress.finish(rows)
    let notDone = rows.filter { $0.stage != .done }.count
    var result: CommandResult
    if progress.mode == .stream {
      result = CommandResult(data: .null, rendering: .none)
    } else {
      result = .items(rows.map(\.json), fields: NetworkCheckRow.fields)
    }
    result.warnings += [network.wildcardWarning].compactMap { $0 }
    if notDone > 0 { result.exitStatus = .failure }
    result.exitStatusIsAnswer = true
    context.diagnostics.info("\(rows.count - notDone) of \(rows.count) domains done.")
    return result
  }

  static let wait = CommandSpec(
    name: "domain wait", summary: "Run the domain stage machine until the domain is done or it gives up.",
    arguments: [stageArgument],
    options: [
      expectOption,
      OptionSpec(
        "interval", value: "seconds",
        "Seconds between tries. Default: the request's settings.dns_check_interval, else 300; clamped to 10..300."),
      OptionSpec("max-tries", value: "n", "Tries per stage before giving up.", default: "5"),
    ],
    description: """
      Ultimate Multisite's stages: checking-dns tries the DNS check every interval until the domain points at \
      the network (then checking-ssl-cert starts at once), and gives up as `failed` after --max-tries tries; \
      checking-ssl-cert tries the SSL check the same way, ending as `done` or, after --max-tries tries, \
      `done-without-ssl`. Closte issues the certificate 5-10 minutes after the domain is added. Progress goes \
      to standard error (a line per try, and a live countdown when it is a terminal); the result goes to \
      standard output. Exit 0 for done, 1 otherwise.
      """,
    examples: [
      Example(
        "Wait for a newly added domain", "closte domain add shop.example.com && closte domain wait shop.example.com"),
      Example("Check every 10 seconds, 30 times", "closte domain wait shop.example.com --interval=10 --max-tries=30"),
    ]
  ) { context in
    let domain = try DomainNameCheck.parse(context.args[0]).description
    let schedule = try StageSchedule.from(context.invocation)
    let progress = StageProgress(diagnostics: context.diagnostics, schedule: schedule)
    let machine = StageMachine(
      probe: try liveProbe(context), clock: context.runtime.clock, schedule: schedule, ticks: progress.wantsTicks)
    let report = await machine.run(domain) { progress.handle($0) }
    progress.finish()
    return .report(
      report.json, tableFields: StageReport.waitFields, invocation: context.invocation, failure: report.failure)
  }

  /// The DNS and SSL checks with this invocation's `--resolver`, `--expect`, `--timeout`, `--port`
  /// and `--ca-file`.
  static func liveProbe(_ context: CommandContext) throws -> LiveDomainProbe {
    let template = try SSLCommands.sslRequest(for: "example.com", invocation: context.invocation)
    return LiveDomainProbe(
      resolver: try Resolver.forCommand(context), expectations: try DNSNetwork.expectations(for: context),
      timeout: try Resolver.commandTimeout(context),
      // One TLS client for every domain; when it cannot be made, each check says why.
      ssl: SSLCheck(
        resolver: try NameResolution.resolver(for: context), now: { context.runtime.clock.now() },
        client: try? TLSClient(caFile: template.caFile)),
      sslRequest: { domain in
        var request = template
        request.domain = domain
        return request
      })
  }
}
