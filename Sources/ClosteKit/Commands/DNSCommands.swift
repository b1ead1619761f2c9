import DNS
import Output
import Sockets
import Values

/// The commands: dns check.
public enum DNSCommands {
  public static let all: [CommandSpec] = [check]

  static let tableFields = ["type", "name", "value", "ttl"]

  static let check = CommandSpec(
    name: "dns check", summary: "Show a domain's DNS records and whether it points at the network.",
    arguments: [ArgumentSpec("domain", "The domain to check, e.g. shop.example.com.")],
    options: [
      OptionSpec(
        "expect", value: "ip|host",
        "The network: an IP address, or a host name that is resolved (its addresses count, and a CNAME to it "
          + "counts). Repeatable, or comma-separated. Default: CLOSTE_PUBLIC_IP_ADDRESS and the "
          + "DOMAIN_CURRENT_SITE host from wp-config.php.",
        repeatable: true)
    ],
    description: """
      Lists the domain's CNAME chain, A, AAAA and NS records (type, name, value, ttl), then says whether it points \
      at the network: one of its addresses is the network's, or its CNAME chain reaches the network's host. \
      A domain whose addresses all belong to Cloudflare's proxy ranges is reported as proxied: a warning, since \
      the records cannot show where the proxy sends traffic.
      The DNS servers are the system's (/etc/resolv.conf, with its timeout and attempts), or --resolver. \
      Answers truncated over UDP are asked again over TCP. --timeout bounds the whole check.
      Exit 0 when the domain points at the network (or is proxied), 1 when it does not or the lookup failed; \
      --format=json gives the records, the verdict, the rule that matched or the reason none did, and a hint.
      """,
    examples: [
      Example("Check against the network in wp-config.php", "closte dns check shop.example.com"),
      Example(
        "Check against an address, asking one DNS server",
        "closte dns check shop.example.com --expect=203.0.113.10 --resolver=1.1.1.1"),
      Example(
        "Accept either of two addresses, or a CNAME to the network's host",
        "closte dns check shop.example.com --expect=203.0.113.10,2001:db8::10 --expect=network.example.com"),
      Example("Everything as JSON", "closte dns check shop.example.com --format=json"),
    ]
  ) { context in
    let domain = try DomainNameCheck.parse(context.args[0])
    let resolver = try Resolver.forCommand(context)
    let deadline = Deadline(secondsFromNow: try Resolver.commandTimeout(context))
    let expectations = try DNSNetwork.expectations(for: context)
    let (report, networkWarnings) = DNSNetwork.check(
      domain, expectations: expectations, resolver: resolver, deadline: deadline)
    for lookup in report.lookups { context.diagnostics.debug(describe(lookup)) }
    var warnings = networkWarnings
    if report.proxied { warnings.append(report.reason + (report.hint.map { " " + $0 } ?? "")) }
    return CommandResult(
      data: .object(report.json), rendering: .text(try render(report, context)), warnings: warnings,
      failure: report.error)
  }

  /// The records as WP-CLI's `format_items` prints them, then the verdict when it is good news
  /// (bad news goes to standard error as `Error:` and `Hint:`); `--format=json` prints the whole report.
  static func render(_ report: DNSCheckReport, _ context: CommandContext) throws -> String {
    let format = context.invocation.string("format") ?? "table"
    let runtime = context.runtime
    let boxed = runtime.stdout.isTerminal || runtime.environment["SHELL_PIPE"] == "0"
    if format == "json" { return JSONWriter.encode(.object(report.json)) + "\n" }
    if format == "yaml" {
      return try FormatItems.renderItem(report.json, fields: report.json.keys, format: format, boxed: boxed)
    }
    let fields = context.invocation.string("fields").map { $0.split(separator: ",").map { String($0).trimmingSpaces } }
    var text = try FormatItems.render(rows: report.rows, fields: fields ?? tableFields, format: format, boxed: boxed)
    if format == "table" && report.points { text += "Success: \(report.reason)\n" }
    return text
  }

  static func describe(_ lookup: DNSLookup) -> String {
    let outcome = lookup.failure.map { "\($0)" } ?? "\(lookup.message?.responseCode.description ?? "?")"
    let answers = lookup.answers.map { "\($0.name) \($0.type) \($0.data)" }
    return
      "\(lookup.type) \(lookup.name) @\(lookup.server?.description ?? "-") over \(lookup.usedTCP ? "TCP" : "UDP"): "
      + "\(outcome), \(answers.count) answer(s)"
      + (answers.isEmpty || answers.count > 5 ? "" : ": " + answers.joined(separator: "; "))
  }
}
