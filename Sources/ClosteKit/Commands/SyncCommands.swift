import ClosteAPI
import Diagnostics
import DomainNames
import Values
import WPConfig

/// The commands: domain sync.
public enum SyncCommands {
  public static let all: [CommandSpec] = [domainSync]

  /// `--concurrency`, shared by every command that sends a batch.
  public static let concurrencyOption = OptionSpec(
    "concurrency", value: "n",
    "Requests in flight at most (1 to \(BatchRunner.maximumConcurrency)). \(BatchRunner.defaultConcurrency) hides "
      + "a 50-100 ms round trip while staying a handful of connections; on HTTP 429 the whole batch waits "
      + "Retry-After, halves it and paces itself, then recovers.",
    default: String(BatchRunner.defaultConcurrency))

  static let domainSync = CommandSpec(
    name: "domain sync", summary: "Make Closte's aliases match a desired list: plan, then apply.",
    arguments: [
      ArgumentSpec(
        "domain", "Desired domains, instead of --from or standard input (in rpc: the request's args).",
        optional: true, repeating: true)
    ],
    options: [
      OptionSpec(
        "from", value: "file",
        "Read the desired list from this file ('-': standard input). Without it and without <domain>: "
          + "standard input (in rpc, where standard input is the request stream, give args or from)."),
      OptionSpec(
        "prune",
        "Also remove the aliases Closte has that are not in the list. The network's own DOMAIN_CURRENT_SITE is "
          + "never removed, and an empty list is refused."),
      OptionSpec(
        "max-removals", value: "n|p%|all",
        "With --prune: refuse a plan that removes more aliases than this (sync_too_many_removals): a number, a "
          + "percentage of Closte's aliases, or all. Default: \(RemovalGuard.defaultCount), or "
          + "\(Int(RemovalGuard.defaultPercent))% of Closte's aliases when that is more."),
      OptionSpec(
        "allow-remove-all",
        "With --prune: allow a plan that leaves Closte with nothing but the network's own domain (refused by "
          + "default: sync_would_remove_all)."),
      OptionSpec("dry-run", "Print the plan and change nothing; say which guard would refuse applying it."),
      concurrencyOption, CommandContext.lockTimeoutOption,
      OptionSpec(
        "stream",
        "Print each result as one JSON line as soon as it is known, then the summary as the last line "
          + "(implies --format=json)."),
    ],
    description: """
      The desired list is one domain per line (blank lines and # comments skipped), a JSON array of \
      strings, or JSON lines of {"domain": "example.com", "wildcard": false} (wildcard true adds the *. \
      prefix); the format is told from the first character. The whole list is read before anything is sent, \
      and every entry is validated and normalised as `domain add` does (lower case, punycode, one trailing \
      dot dropped). One unreadable entry (not UTF-8, a byte order mark past the start, a JSON value cut \
      short, not a domain name) refuses the whole run: invalid_desired_list, exit 2, naming its line. \
      Duplicates count once.

      The plan compares the list with Closte's (one read of /getdomains): add (missing on Closte), keep \
      (already there), remove (on Closte, not in the list; only with --prune), ignore (the same without \
      --prune: left alone), protect (the network's own DOMAIN_CURRENT_SITE from wp-config.php, never \
      removed). --prune refuses a plan that would leave Closte with nothing but that domain \
      (sync_would_remove_all; --allow-remove-all allows it) or that removes more than --max-removals \
      (sync_too_many_removals); --dry-run prints the plan and which guard would refuse it. Otherwise the \
      adds and removes are sent in parallel, and each result is one row: added, removed, kept, ignored, \
      protected, or failed with the error; then a summary. Exit 1 when any failed: the others are still applied, and running the same command again \
      finishes the job (it is idempotent). Applying waits at most --lock-timeout seconds for another run \
      changing this site's aliases (then lock_busy); a dry run takes no lock.

      Progress goes to standard error: a live bar on a terminal, a line every 5 seconds otherwise. With \
      --format=json the answer is {"dry_run", "prune", "summary", "results"}, as the rpc data is; with \
      --stream each result is printed as one JSON line as it completes, and the summary object last. Each \
      change is logged to wu-logs/integration-closte.log and wu-logs/domain-<domain>.log.
      """,
    examples: [
      Example("See what a sync would do", "closte domain sync --from=domains.txt --dry-run"),
      Example(
        "Make Closte match the network's mapped domains, removing the others",
        "wp site list --field=domain | closte domain sync --prune"),
      Example(
        "Stream results as JSON lines", "closte domain sync --from=domains.jsonl --format=json --stream"),
    ]
  ) { context in
    try await DomainSyncCommand(context: context).run()
  }
}

extension ErrorCode {
  /// Some changes of a sync failed; the rest were applied (run it again to finish).
  public static let syncIncomplete = ErrorCode("sync_incomplete")
  /// `--prune` with nothing valid in the desired list: that would remove every alias.
  public static let syncEmptyList = ErrorCode("sync_empty_list")
  /// `--prune` without knowing the network's own domain, which must never be removed.
  public static let syncNetworkDomainUnknown = ErrorCode("sync_network_domain_unknown")
}

/// One run of `domain sync`: input, plan, apply, report.
struct DomainSyncCommand {
  let context: CommandContext
  let prune: Bool
  let dryRun: Bool
  let stream: Bool
  let json: Bool
  let removalGuard: RemovalGuard

  init(context: CommandContext) throws {
    self.context = context
    let invocation = context.invocation
    prune = try invocation.flag("prune") ?? false
    dryRun = try invocation.flag("dry-run") ?? false
    stream = try invocation.flag("stream") ?? false
    let format = invocation.string("format")
    if stream, let format, format != "json" {
      throw ClosteError.invalidArguments("--stream prints JSON lines: use it with --format=json, or alone.")
    }
    json = format == "json" || stream
    removalGuard = RemovalGuard(
      limit: try RemovalGuard.limit(parsing: invocation.string("max-removals")),
      allowRemoveAll: try invocation.flag("allow-remove-all") ?? false)
  }

  func run() async throws -> CommandResult {
    let runner = try context.batchRunner()
    let source = try desiredList()
    let protected = try networkDomain()
    // The whole list is read, and refused when any entry is unreadable, before any request.
    let reader = DesiredListReader(source: source) { try DomainName(validating: $0).name }
    let desired = try DesiredList.read(reader)
    if prune && desired.names.isEmpty {
      throw ClosteError(
        .syncEmptyList, "The desired list has no domain: with --prune, that would remove every alias.",
        hint: "Check the list; to remove aliases on purpose, use `closte domain remove <domain>...`.",
        exitStatus: .usage)
    }
    let client = try context.closteClient()
    let log = ActivityLog(context: context)
    // Applying holds the lock of changing runs from the read of Closte's list to the last change.
    let lock = dryRun ? nil : try await context.changeLock()
    defer { lock?.release() }
    let current: [String]
    do {
      current = try await client.aliasNames()
    } catch let error as ClosteError {
      log.integration(.error, "Sync: could not read Closte's alias list: \(error.message)")
      throw error
    }
    var plan = SyncPlan.build(desired: desired.items, current: current, prune: prune, protected: protected)
    if prune { plan.stoppedBy = removalGuard.check(plan, total: current.count, protected: protected) }
    if let refusal = plan.stoppedBy, !dryRun {
      log.integration(.error, "Sync refused before any change: \(refusal.message)")
      throw refusal
    }
    context.diagnostics.debug(
      "Sync plan from a \(desired.format?.rawValue ?? "empty") list: "
        + JSONWriter.encode(.object(plan.counts(applied: false))))

    let out = context.runtime.stdout
    let streaming = stream && !context.isRPC
    if streaming {
      for entry in plan.entries where dryRun || !entry.action.changesCloste {
        out.write(SyncReport.line(SyncPlan.row(entry, applied: !dryRun)))
      }
    }
    if !dryRun {
      let changes = plan.changes.count
      if changes > 0 {
        log.integration(
          .info, "Sync: " + SyncReport.sentence(plan, applied: false).replacingAll("Dry run: ", with: ""))
      }
      let progress = BatchProgress(
        total: changes, diagnostics: context.diagnostics, clock: context.runtime.clock,
        live: context.runtime.stderr.isTerminal && !context.isRPC)
      let statistics = await plan.apply(client: client, runner: runner) { entry, result in
        log.record(result)
        progress.record(success: result.action != .failed)
        if streaming { out.write(SyncReport.line(SyncPlan.row(entry, applied: true))) }
      }
      progress.finish()
      context.diagnostics.debug("Sync batch: \(statistics.summary)")
      if changes > 0 { log.integration(.info, "Sync done: " + SyncReport.sentence(plan, applied: true)) }
    }
    return result(plan, streaming: streaming)
  }

  // MARK: Steps

  /// Where the desired list comes from: the positional domains, `--from`, or standard input.
  private func desiredList() throws -> InputSource {
    let args = context.args
    let from = context.invocation.string("from")
    if !args.isEmpty {
      guard from == nil else {
        throw ClosteError.invalidArguments(
          "Give the desired list either as <domain> arguments or with --from, not both.")
      }
      if let bad = args.first(where: { $0.containsBytes("\n") || $0.containsBytes("\r") }) {
        throw ClosteError.invalidArguments("A <domain> argument holds a line break: '\(bad.prefix(80))'.")
      }
      return BufferSource(args.joined(separator: "\n"))
    }
    if let from, from != "-" { return try FileHandleSource(path: from) }
    if context.isRPC {
      throw ClosteError.invalidArguments(
        "In rpc, standard input is the request stream: send the desired list as the request's args, or a "
          + "file as assoc_args.from.")
    }
    return context.runtime.stdin
  }

  /// The names never removed: the network's own domain. With `--prune` it must be known.
  private func networkDomain() throws -> Set<String> {
    let config: WPConfig
    do {
      config = try context.config()
    } catch let error as ClosteError {
      guard !prune else {
        throw ClosteError(
          .syncNetworkDomainUnknown,
          "--prune needs the network's own domain (DOMAIN_CURRENT_SITE), and no wp-config.php could be read: "
            + error.message,
          hint: "Run it in the WordPress folder, or give --path or --config.", exitStatus: .usage)
      }
      return []
    }
    guard case .string(let domain)? = config.constantValue("DOMAIN_CURRENT_SITE"),
      let name = try? DomainName(validating: domain).name
    else {
      guard !prune else {
        throw ClosteError(
          .syncNetworkDomainUnknown,
          "--prune needs the network's own domain, and \(config.path) does not define DOMAIN_CURRENT_SITE as a "
            + "domain name.",
          hint: "Define DOMAIN_CURRENT_SITE in wp-config.php, as a WordPress multisite network does.",
          exitStatus: .usage)
      }
      return []
    }
    return [name]
  }

  private func result(_ plan: SyncPlan, streaming: Bool) -> CommandResult {
    let applied = !dryRun
    let warnings: [String] = []  // an unreadable list is refused before this, as a whole
    var failure: ClosteError?
    if applied, plan.failures > 0,
      let first = plan.entries.first(where: { $0.action.changesCloste && $0.applied == false })
    {
      failure = ClosteError(
        .syncIncomplete,
        "\(plan.failures) of \(plan.changes.count) changes failed; first: \(first.domain): \(first.error ?? "unknown error")",
        hint:
          "The other changes were applied. Run the same command again to finish: it only sends what is still missing.")
    } else if let refusal = plan.stoppedBy {
      failure = refusal  // a dry run: the plan is shown, and exits as applying it would
    }
    let sentence = SyncReport.sentence(plan, applied: applied)
    if context.isRPC {
      return CommandResult(
        data: SyncReport.answer(plan, applied: applied, dryRun: dryRun, prune: prune), rendering: .none,
        warnings: warnings, failure: failure)
    }
    let out = context.runtime.stdout
    if streaming {
      out.write(SyncReport.line(SyncReport.head(plan, applied: applied, dryRun: dryRun, prune: prune)))
      return CommandResult(data: .null, rendering: .none, warnings: warnings, failure: failure)
    }
    if json {
      SyncReport.writeAnswer(plan, applied: applied, dryRun: dryRun, prune: prune, to: out)
      return CommandResult(data: .null, rendering: .none, warnings: warnings, failure: failure)
    }
    context.diagnostics.info(sentence)
    let rows = plan.entries.map { SyncPlan.row($0, applied: applied) }
    let fields = plan.entries.contains { $0.error != nil } ? SyncReport.fields : Array(SyncReport.fields.dropLast())
    return CommandResult(
      data: .null, rendering: .items(rows, defaultFields: fields), warnings: warnings, failure: failure)
  }
}
