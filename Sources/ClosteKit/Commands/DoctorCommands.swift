import DNS
import Diagnostics
import Doctor
import NetworkChecks
import Output
import Values

/// The commands: doctor.
public enum DoctorCommands {
  public static let all: [CommandSpec] = [doctor]

  static let doctor = CommandSpec(
    name: "doctor", summary: "Run the troubleshooting checklist: config, API key, and each domain's DNS and SSL.",
    arguments: [ArgumentSpec("domain", "A mapped domain to check (repeatable).", optional: true, repeating: true)],
    options: [
      OptionSpec("all", "Also check every alias Closte lists (wildcards are counted, not checked), concurrently."),
      StageCommands.expectOption, NetworkCheckOptions.concurrency, NetworkCheckOptions.stream,
    ],
    description: """
      The troubleshooting guide as checks, each pass, warn or fail with a hint: wp-config.php found and read; \
      MULTISITE true; SUNRISE true (domain mapping needs it); DOMAIN_CURRENT_SITE set and resolvable; \
      CLOSTE_CLIENT_API_KEY present and not empty; Closte reachable and the key accepted; then for each domain \
      given (and with --all, every alias Closte lists): on Closte, DNS points at the network, then, unless the \
      DNS points elsewhere, SSL valid (a warning when it expires within 14 days). A broken or missing \
      wp-config.php is a failed check, not an abort. Exit 1 when any check failed.
      The domains are checked --concurrency (16) at a time, each within --timeout and --connect-timeout, with \
      progress on standard error (a bar on a terminal, a line per domain otherwise); with --all the checklist \
      ends with a table of domain, dns, ssl, days_left, on_closte and stage. --stream prints each check as a \
      JSON line as soon as it is known, then the counts as the last line.
      """,
    examples: [
      Example("Check the installation", "closte doctor"),
      Example("And two domains", "closte doctor shop.example.com blog.example.org"),
      Example("Every alias on Closte, as JSON", "closte doctor --all --format=json"),
      Example("Every alias on Closte, as JSON lines while it runs", "closte doctor --all --stream"),
    ]
  ) { context in
    // Options that make no sense stop here (exit 2), before any check runs.
    _ = try NameResolution.resolver(for: context)
    _ = try SSLCommands.sslRequest(for: "example.com", invocation: context.invocation)
    let (concurrency, stream) = try NetworkCheckOptions.read(context.invocation)
    let domains = try context.args.map { try DomainNameCheck.parse($0).description }
    let all = try context.invocation.flag("all") ?? false
    let doctor = Doctor(probe: LiveDoctorProbe(context: context, resolveNetworkOnce: all || domains.count > 1))
    // The total is known once Closte's list is read.
    var progress: NetworkCheckProgress?
    let run = await doctor.run(domains: domains, all: all, concurrency: concurrency) { total in
      if all || stream { progress = NetworkCheckProgress(context: context, total: total, stream: stream) }
    } onDomain: { row, domainItems in
      progress?.record(row, lines: domainItems.map(\.row))
    }
    return DoctorCommands.result(run, all: all, stream: stream, progress: progress, context: context)
  }

  static func result(
    _ run: Doctor.Run, all: Bool, stream: Bool, progress: NetworkCheckProgress?, context: CommandContext
  ) -> CommandResult {
    let items = run.items
    let failed = items.filter { $0.status == .fail }.count
    let warned = items.filter { $0.status == .warn }.count
    let rows = items.map(\.row)
    var result: CommandResult
    if stream && !context.isRPC {
      // The per-domain items went out as they came; the installation's items and the counts now.
      let out = context.runtime.stdout
      for item in items where item.domain == nil {
        out.write(context.runtime.redactor.redact(JSONWriter.encode(.object(item.row)) + "\n"))
      }
      (progress ?? NetworkCheckProgress(context: context, total: 0, stream: true)).finish(run.rows)
      result = CommandResult(data: .null, rendering: .none)
    } else {
      progress?.finish(run.rows)
      result = CommandResult.items(rows, fields: DoctorItem.fields)
      let table = (context.invocation.string("format") ?? "table") == "table"
      if all && !context.isRPC && table && context.invocation.string("fields") == nil && !run.rows.isEmpty {
        let boxed = context.runtime.stdout.isTerminal || context.runtime.environment["SHELL_PIPE"] == "0"
        if let checklist = try? FormatItems.render(
          rows: rows, fields: DoctorItem.fields, format: "table", boxed: boxed),
          let summary = try? FormatItems.render(
            rows: run.rows.map(\.json), fields: NetworkCheckRow.fields, format: "table", boxed: boxed)
        {
          result.rendering = .text(checklist + "\n" + summary)
        }
      }
    }
    if failed > 0 {
      result.failure = ClosteError(
        .doctorFailed, "\(failed) of \(items.count) checks failed" + (warned > 0 ? ", \(warned) warned." : "."))
      result.exitStatus = .failure
    } else if warned > 0 {
      result.warnings.append("\(warned) of \(items.count) checks warned.")
    }
    return result
  }
}

extension ErrorCode {
  public static let doctorFailed = ErrorCode("doctor_failed")
}
