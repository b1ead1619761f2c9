/// The commands: doctor.
public enum DoctorCommands {
  public static let all: [CommandSpec] = [doctor]

  static let doctor = CommandSpec(
    name: "doctor", summary: "Run the troubleshooting checklist: config, API key, and each domain's DNS and SSL.",
    arguments: [ArgumentSpec("domain", "A mapped domain to check (repeatable).", optional: true, repeating: true)],
    options: [
      OptionSpec("all", "Also check every alias Closte lists (wildcards are counted, not checked)."),
      StageCommands.expectOption,
    ],
    description: """
      The troubleshooting guide as checks, each pass, warn or fail with a hint: wp-config.php found and read; \
      MULTISITE true; SUNRISE true (domain mapping needs it); DOMAIN_CURRENT_SITE set and resolvable; \
      CLOSTE_CLIENT_API_KEY present and not empty; Closte reachable and the key accepted; then for each domain \
      given (and with --all, every alias Closte lists): on Closte, DNS points at the network, then, unless the \
      DNS points elsewhere, SSL valid (a warning when it expires within 14 days). A broken or missing \
      wp-config.php is a failed check, not an abort. Exit 1 when any check failed.
      """,
    examples: [
      Example("Check the installation", "closte doctor"),
      Example("And two domains", "closte doctor shop.example.com blog.example.org"),
      Example("Every alias on Closte, as JSON", "closte doctor --all --format=json"),
    ]
  ) { context in
    // Options that make no sense stop here (exit 2), before any check runs.
    _ = try NameResolution.resolver(for: context)
    _ = try SSLCommands.sslRequest(for: "example.com", invocation: context.invocation)
    let domains = try context.args.map { try DomainNameCheck.parse($0).description }
    let items = await Doctor(probe: LiveDoctorProbe(context: context))
      .run(domains: domains, all: try context.invocation.flag("all") ?? false)
    let failed = items.filter { $0.status == .fail }.count
    let warned = items.filter { $0.status == .warn }.count
    let rows = items.map(\.row)
    var result = CommandResult.items(rows, fields: DoctorItem.fields)
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
