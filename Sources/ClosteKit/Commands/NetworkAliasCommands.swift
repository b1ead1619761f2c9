import ClosteAPI
import Diagnostics
import DomainNames
import Values
import WPConfig

/// The command: domain aliases (the network's alias rule, `NetworkAliasRule`, for the bridge and scripts).
public enum NetworkAliasCommands {
  public static let all: [CommandSpec] = [domainAliases]

  /// The wp-config.php constant that turns `www.` twins on for the network's domains.
  public static let wwwConstant = "CLOSTE_WWW_SUBDOMAIN"

  static let domainAliases = CommandSpec(
    name: "domain aliases",
    summary: "The Closte aliases Ultimate Multisite's domain records need (changes nothing).",
    arguments: [
      ArgumentSpec(
        "domain", "A domain record of the network (Ultimate Multisite's mapped domains, sites' own domains).",
        optional: true, repeating: true)
    ],
    options: [
      OptionSpec(
        "www", value: "policy",
        "Also a www. twin for each record: always, main_only (example.com, example.co.uk) or never. Default: "
          + "the \(wwwConstant) constant of wp-config.php, else never (as Ultimate Multisite's own Closte "
          + "integration does).",
        choices: WWWPolicy.allCases.map(\.rawValue)),
      OptionSpec(
        "network",
        "Also the network's wildcard *.<DOMAIN_CURRENT_SITE> on a subdomain install: the whole list "
          + "`domain sync` should make Closte match."),
      OptionSpec(
        "unmapped", value: "domain",
        "A record just removed: answer only its aliases that none of the given records (those still mapped) "
          + "needs, the ones to remove from Closte."),
    ],
    description: """
      The one rule the WP-CLI bridge's autosync and `wp closte domain sync --network` both follow. The \
      network's own host (DOMAIN_CURRENT_SITE) needs no alias. On a subdomain install (SUBDOMAIN_INSTALL \
      true) a site's subdomain, one label under the host, is covered by the wildcard *.<host> and needs \
      none either. Every other record is one alias (a *. record as a wildcard) plus, when the www policy \
      asks for one, its www. twin. One row per alias, each once: domain, wildcard, and record (the domain \
      record it serves; the host for the wildcard). A record that is not a domain name is skipped with a \
      warning. With --unmapped, the answer is what to remove once that record is gone: its aliases that \
      none of the given records, those still mapped, needs. DOMAIN_CURRENT_SITE, SUBDOMAIN_INSTALL and \
      \(wwwConstant) are read from wp-config.php.
      """,
    examples: [
      Example("Which aliases would these records need?", "closte domain aliases example.com blog.network.example"),
      Example(
        "The network's whole desired list, with www twins",
        "closte domain aliases --network --www=always example.com shop.example.org"),
      Example(
        "What to remove once example.com is unmapped, while www.example.com stays mapped",
        "closte domain aliases --unmapped=example.com --www=always www.example.com"),
    ]
  ) { context in
    try aliasRows(context)
  }

  /// The command's answer: the aliases the records need, or, with `--unmapped`, those to remove.
  static func aliasRows(_ context: CommandContext) throws -> CommandResult {
    let rule = try networkAliasRule(context)
    var records: [DomainName] = []
    var warnings: [String] = []
    for given in context.args {
      do {
        let record = try DomainName(validating: given)
        if let reason = rule.reasonToSkip(record) {
          context.diagnostics.debug("No alias for \(record.name): \(reason).")
        }
        records.append(record)
      } catch let error as ClosteError {
        warnings.append("Skipped a domain record: \(error.message)")
      }
    }
    let network = try context.invocation.flag("network") ?? false
    let aliases: [NetworkAliasRule.Alias]
    if let unmapped = context.invocation.string("unmapped") {
      guard !network else { throw ClosteError.invalidArguments("--unmapped and --network cannot be used together.") }
      let removed = try DomainName(validating: unmapped)
      aliases = rule.aliasesToRemove(for: removed, keeping: records).map {
        NetworkAliasRule.Alias(domain: $0, record: removed.name)
      }
    } else {
      aliases = rule.aliases(for: records, includingNetwork: network)
    }
    let rows = aliases.map { alias -> JSONObject in
      var row = JSONObject()
      row["domain"] = .string(alias.domain.name)
      row["wildcard"] = .bool(alias.domain.isWildcard)
      row["record"] = .string(alias.record)
      return row
    }
    return .items(rows, fields: ["domain", "wildcard", "record"], warnings: warnings)
  }

  /// The rule as this network's wp-config.php and the `--www` option configure it.
  static func networkAliasRule(_ context: CommandContext) throws -> NetworkAliasRule {
    let config = try context.config()
    guard case .string(let given)? = config.constantValue("DOMAIN_CURRENT_SITE"),
      let host = try? DomainName(validating: given), !host.isWildcard
    else {
      throw ClosteError(
        .networkHostUnknown,
        "\(config.path) does not define DOMAIN_CURRENT_SITE as a domain name, so the network's own host is unknown.",
        hint: "Define DOMAIN_CURRENT_SITE in wp-config.php, as a WordPress multisite network does.",
        exitStatus: .usage)
    }
    let subdomainInstall = config.constantValue("SUBDOMAIN_INSTALL")?.truthy ?? false
    return NetworkAliasRule(host: host, subdomainInstall: subdomainInstall, www: try wwwPolicy(context, config))
  }

  /// `--www`, else the wp-config.php constant, else never.
  static func wwwPolicy(_ context: CommandContext, _ config: WPConfig) throws -> WWWPolicy {
    if context.invocation.string("www") != nil { return try ClosteCommands.wwwPolicy(context) }
    guard let value = config.constantValue(wwwConstant) else { return .never }
    guard case .string(let text) = value, let policy = WWWPolicy(rawValue: text) else {
      throw ClosteError(
        .invalidArguments,
        "\(wwwConstant) in \(config.path) is \(JSONWriter.encode(value.json)): expected always, main_only or never.",
        hint: "Fix the define() in wp-config.php, or remove it for the default, never.", exitStatus: .usage)
    }
    return policy
  }
}

extension ErrorCode {
  /// wp-config.php does not say which host is the network's own (DOMAIN_CURRENT_SITE).
  public static let networkHostUnknown = ErrorCode("network_host_unknown")
}
