import DNS
import Diagnostics
import Values
import WPConfig

extension DNSNetwork {
  /// What names the network for a command: each `--expect=<ip|host>` (repeatable, or comma-separated),
  /// else `CLOSTE_PUBLIC_IP_ADDRESS` and the `DOMAIN_CURRENT_SITE` host from `wp-config.php`.
  public static func expectations(for context: CommandContext) throws -> [Expectation] {
    let given = context.invocation.strings("expect")
    if !given.isEmpty {
      return try given.map { text in
        guard let expectation = Expectation(text) else {
          throw ClosteError.invalidArguments(
            "--expect must be an IP address or a host name; got '\(text)'.",
            hint: "For example --expect=203.0.113.10 or --expect=network.example.com.")
        }
        return expectation
      }
    }
    let config: WPConfig
    do {
      config = try context.config()
    } catch let error as ClosteError {
      throw ClosteError(
        error.code, error.message,
        hint:
          "Say what the network is with --expect=<ip|host>, or run closte in the WordPress folder (or with --path).",
        exitStatus: error.exitStatus)
    }
    var expectations: [Expectation] = []
    if case .string(let text)? = config.constantValue("CLOSTE_PUBLIC_IP_ADDRESS") {
      for part in text.split(separator: ",") {
        if let address = IPAddress(String(part).trimmingSpaces) { expectations.append(.address(address)) }
      }
    }
    if case .string(let text)? = config.constantValue("DOMAIN_CURRENT_SITE") {
      // The constant may carry a port (`example.com:8080`); DNS knows only the host.
      let host = String(text.split(separator: ":").first ?? "")
      if let name = try? DomainNameCheck.parse(host) { expectations.append(.host(name)) }
    }
    guard !expectations.isEmpty else {
      throw ClosteError(
        .dnsNoNetwork,
        "\(config.path) defines neither CLOSTE_PUBLIC_IP_ADDRESS nor DOMAIN_CURRENT_SITE: nothing to compare with.",
        hint:
          "Say what the network is with --expect=<ip|host> (the Closte server's IP address, or the network's host).",
        exitStatus: .usage)
    }
    return expectations
  }
}

extension ErrorCode {
  public static let dnsNoNetwork = ErrorCode("dns_no_network")
}
