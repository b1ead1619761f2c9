import ClosteAPI
import Diagnostics
import DomainNames
import Values

/// The commands: check, domain add, domain remove, domain list.
public enum ClosteCommands {
  public static let all: [CommandSpec] = [check, domainAdd, domainRemove, domainList]

  static let check = CommandSpec(
    name: "check", summary: "Check that the Closte API key is present and accepted (changes nothing).",
    description: """
      Reads the alias list (GET /getdomains): an answer with success true proves the key works, and says \
      how many aliases Closte holds. When that call is not answered as documented (HTTP 404, another shape), \
      it falls back to Ultimate Multisite's own connection test, an add with an empty domain, which Closte \
      answers "Invalid or empty domain: " when the key is accepted and which changes nothing. Any other \
      answer is api_unauthorized. The key comes from CLOSTE_CLIENT_API_KEY in the environment, else from \
      wp-config.php; it is never printed.
      """,
    examples: [
      Example("Check the key of the WordPress in the current directory", "closte check"),
      Example("Check against a local simulator", "closte check --api-url=http://127.0.0.1:8787 --format=json"),
    ]
  ) { context in
    let client = try context.closteClient()
    let log = ActivityLog(context: context)
    var data = JSONObject()
    data["key"] = "accepted"
    data["source"] = .string(try context.closteAPIKey().source == .environment ? "environment" : "wp-config.php")
    data["api_url"] = .string(client.endpoint.base)
    do {
      do {
        let reply = try await client.perform(.getDomains)
        guard reply.success else { throw ClosteError.apiUnauthorized(reply.error ?? "(no message)") }
        let aliases = try ClosteClient.aliases(in: reply)
        data["method"] = "getdomains"
        data["aliases"] = .int(aliases.count)
        log.integration(.info, "Connection test passed: Closte accepted the API key (\(aliases.count) aliases).")
        return .success("Closte accepted the API key (\(aliases.count) domain aliases).", data: .object(data))
      } catch let error as ClosteError where error.code == .apiBadResponse {
        context.diagnostics.debug("getdomains not answered as documented; trying the empty-domain connection test")
      }
      let reply = try await client.probeKey()
      guard !reply.success, let message = reply.error, message.hasPrefix("Invalid or empty domain") else {
        throw ClosteError.apiUnauthorized(reply.error ?? (reply.success ? "unexpected success" : "(no message)"))
      }
      data["method"] = "adddomainalias"
      data["aliases"] = .null
      log.integration(.info, "Connection test passed: Closte accepted the API key.")
      return .success("Closte accepted the API key.", data: .object(data))
    } catch let error as ClosteError {
      log.integration(.error, "Connection test failed: \(error.message)")
      throw error
    }
  }

  static let domainAdd = CommandSpec(
    name: "domain add", summary: "Add domain aliases on Closte (those already there are left alone).",
    arguments: [
      ArgumentSpec(
        "domain", "A domain such as example.com, an internationalised name, or a wildcard *.example.com.",
        repeating: true)
    ],
    options: [
      OptionSpec(
        "www", value: "policy",
        "Also add the www. twin, as Ultimate Multisite's auto_create_www_subdomain setting: always, main_only "
          + "(only for a main domain: example.com, example.co.uk) or never. Default: the request's "
          + "settings.auto_create_www_subdomain, else never.",
        choices: WWWPolicy.allCases.map(\.rawValue)),
      SyncCommands.concurrencyOption, CommandContext.lockTimeoutOption,
    ],
    description: """
      Every domain is checked first, as UTS #46 processing (non-transitional) and IDNA2008 say: lower case, \
      one trailing dot dropped, internationalised names to punycode, invisible and look-alike characters \
      mapped or refused; a wildcard only as the whole leftmost label. One invalid domain stops the command with \
      invalid_domain (exit 2) before anything is sent. Then Closte's list is read once and only the missing \
      aliases are added (wildcard=1 for *. names). One row per domain: action added, exists or failed. \
      Exit 1 when any failed; the others are still applied and reported. A success that names another \
      domain is checked against Closte's list (api_unconfirmed when the list disagrees). Each result is \
      logged to wu-logs/integration-closte.log and wu-logs/domain-<domain>.log. Another run changing this \
      site's aliases is waited for at most --lock-timeout seconds (then lock_busy).
      """,
    examples: [
      Example("Add a mapped domain and its www twin", "closte domain add example.com --www=always"),
      Example("Add a wildcard", "closte domain add '*.example.com' --format=json"),
    ]
  ) { context in
    let policy = try wwwPolicy(context)
    let domains = try context.args.map(DomainName.init(validating:))
    let operations = domains.flatMap(policy.expand).map { AliasOperation(.add, $0) }
    return try await applyBatch(operations, context: context)
  }

  static let domainRemove = CommandSpec(
    name: "domain remove", summary: "Remove domain aliases from Closte (those not there are left alone).",
    arguments: [ArgumentSpec("domain", "A domain or wildcard alias to remove.", repeating: true)],
    options: [SyncCommands.concurrencyOption, CommandContext.lockTimeoutOption],
    description: """
      Domains are checked as for `domain add`, Closte's list is read once, and only aliases Closte has are \
      removed. One row per domain: action removed, absent or failed. Exit 1 when any failed. Another run \
      changing this site's aliases is waited for at most --lock-timeout seconds (then lock_busy).
      """,
    examples: [
      Example("Remove an alias", "closte domain remove example.com"),
      Example("Remove a wildcard and a www alias", "closte domain remove '*.example.com' www.example.com"),
    ]
  ) { context in
    let domains = try context.args.map(DomainName.init(validating:))
    return try await applyBatch(domains.map { AliasOperation(.remove, $0) }, context: context)
  }

  static let domainList = CommandSpec(
    name: "domain list", summary: "List the domain aliases Closte has.",
    description: """
      One row per alias: domain (with *. for a wildcard), wildcard, and any other field Closte gives, \
      kept as it came.
      """,
    examples: [
      Example("List the aliases", "closte domain list"),
      Example("Only the names, as JSON", "closte domain list --fields=domain --format=json"),
    ]
  ) { context in
    let client = try context.closteClient()
    let rows = try await client.listDomains().map(\.row)
    var fields = ["domain", "wildcard"]
    for row in rows {
      for key in row.keys where !fields.contains(key) { fields.append(key) }
    }
    return .items(rows, fields: fields)
  }

  // MARK: Shared steps

  /// `--www`, else the request's `settings.auto_create_www_subdomain`, else never. An unknown setting
  /// value is `always`, as Ultimate Multisite reads it.
  static func wwwPolicy(_ context: CommandContext) throws -> WWWPolicy {
    if let given = context.invocation.string("www") {
      guard let policy = WWWPolicy(rawValue: given) else {
        throw ClosteError.invalidArguments("Invalid value for --www: '\(given)'. Expected always, main_only or never.")
      }
      return policy
    }
    guard let setting = context.invocation.settings["auto_create_www_subdomain"], setting != .null else {
      return .never
    }
    return setting.stringValue.flatMap(WWWPolicy.init(rawValue:)) ?? .always
  }

  /// Reads Closte's list once, applies what is missing, and reports one row per operation in the
  /// order given; a half-applied batch is still a result, with exit status 1.
  static func applyBatch(_ operations: [AliasOperation], context: CommandContext) async throws -> CommandResult {
    let client = try context.closteClient()
    let log = ActivityLog(context: context)
    // Held from the read of Closte's list to the last change: another changing run waits.
    let lock = try await context.changeLock()
    defer { lock.release() }
    let current: [ClosteAlias]
    do {
      current = try await client.listDomains()
    } catch let error as ClosteError {
      log.integration(.error, "Could not read Closte's alias list: \(error.message)")
      throw error
    }
    let plan = AliasBatch.plan(operations, current: current)
    for result in plan.settled { log.record(result) }
    let applied = await AliasBatch.apply(plan.send, client: client, runner: try context.batchRunner()) {
      log.record($0)
    }
    var byKey: [String: AliasResult] = [:]
    for result in plan.settled + applied { byKey[result.operation.kind.rawValue + " " + result.domain.name] = result }
    var seen: Set<String> = []
    let ordered = operations.compactMap { operation -> AliasResult? in
      let key = operation.kind.rawValue + " " + operation.domain.name
      return seen.insert(key).inserted ? byKey[key] : nil
    }
    let rows = ordered.map(\.row)
    let failures = ordered.filter { $0.action == .failed }
    var fields = ["domain", "wildcard", "action"]
    if !failures.isEmpty { fields += ["error", "code"] }
    guard let first = failures.first, let firstError = first.error else {
      return .items(rows, fields: fields)
    }
    let failure = ClosteError(
      firstError.code,
      "\(failures.count) of \(ordered.count) domains failed; first: \(first.domain.name): \(firstError.message)",
      hint: firstError.hint, exitStatus: .failure, details: .array(rows.map { .object($0) }))
    return CommandResult(
      data: .array(rows.map { .object($0) }), rendering: .items(rows, defaultFields: fields), failure: failure)
  }
}
