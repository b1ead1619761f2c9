/// The options every command accepts, spelled as WP-CLI spells them (DESIGN.md, "Command surface").
public enum GlobalOptions {
  public static let all: [OptionSpec] = [
    OptionSpec("path", value: "dir", "WordPress root; wp-config.php is looked for there, then in its parent."),
    OptionSpec("config", value: "file", "An explicit wp-config.php (wins over --path)."),
    OptionSpec("config-file", value: "file", "The same as --config, as WP-CLI's config commands spell it."),
    OptionSpec(
      "format", value: "format", "Output format: table, json, csv, yaml, count or ids (lists default to table).",
      choices: ["table", "json", "csv", "yaml", "count", "ids"]),
    OptionSpec("fields", value: "fields", "Comma-separated columns to show."),
    OptionSpec("quiet", "Print only errors on standard error."),
    OptionSpec("debug", "Print debug lines on standard error (never a secret)."),
    OptionSpec("help", "Show the help of the command."),
    OptionSpec(
      "api-url", value: "url",
      "Closte API base (default https://app.closte.com/api/client; also CLOSTE_API_URL). "
        + "Plain http:// only to a loopback host."),
    OptionSpec("timeout", value: "seconds", "Upper bound for one network operation.", default: "45"),
    OptionSpec(
      "connect-timeout", value: "seconds",
      "Upper bound for opening one connection (TCP connect, and the TLS handshake); within --timeout.",
      default: "10"),
    OptionSpec("retries", value: "n", "Extra attempts after a connection error, HTTP 5xx or 429.", default: "3"),
    OptionSpec("resolver", value: "ip[:port]", "DNS server to ask (default: the system's, from /etc/resolv.conf)."),
    OptionSpec("port", value: "n", "Port of the SSL check.", default: "443"),
    OptionSpec("ca-file", value: "pem", "Extra trusted certificate authorities for the SSL check."),
    OptionSpec("log-dir", value: "dir", "Where to append wu-logs lines (default: wp-content/uploads/wu-logs)."),
  ]

  public static let names: Set<String> = Set(all.map(\.name))
}
