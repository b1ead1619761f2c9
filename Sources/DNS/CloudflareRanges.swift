/// Cloudflare's proxy address ranges, as published at https://www.cloudflare.com/ips/
/// (https://www.cloudflare.com/ips-v4 and https://www.cloudflare.com/ips-v6). Copied from the
/// lists as they stood in June 2024 (unchanged since 2023). A domain that resolves only into these
/// is proxied: its records show Cloudflare, not the origin the proxy forwards to.
public enum CloudflareRanges {
  public static let asOf = "2024-06-25"

  public static let ipv4 = [
    "173.245.48.0/20", "103.21.244.0/22", "103.22.200.0/22", "103.31.4.0/22", "141.101.64.0/18",
    "108.162.192.0/18", "190.93.240.0/20", "188.114.96.0/20", "197.234.240.0/22", "198.41.128.0/17",
    "162.158.0.0/15", "104.16.0.0/13", "104.24.0.0/14", "172.64.0.0/13", "131.0.72.0/22",
  ]

  public static let ipv6 = [
    "2400:cb00::/32", "2606:4700::/32", "2803:f800::/32", "2405:b500::/32", "2405:8100::/32",
    "2a06:98c0::/29", "2c0f:f248::/32",
  ]

  public static let ranges: [IPRange] = (ipv4 + ipv6).compactMap(IPRange.init)

  public static func contains(_ address: IPAddress) -> Bool {
    ranges.contains { $0.contains(address) }
  }
}
