/// A CIDR block (`104.16.0.0/13`, `2606:4700::/32`), for the Cloudflare proxy check.
public struct IPRange: Hashable, Sendable, CustomStringConvertible {
  public let network: IPAddress
  public let prefixLength: Int

  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let network = IPAddress(String(parts[0])), let length = Int(parts[1]),
      (0...network.bytes.count * 8).contains(length)
    else { return nil }
    self.network = network
    self.prefixLength = length
  }

  public func contains(_ address: IPAddress) -> Bool {
    let mine = network.bytes
    let theirs = address.bytes
    guard mine.count == theirs.count else { return false }
    var remaining = prefixLength
    for index in mine.indices where remaining > 0 {
      let bits = min(remaining, 8)
      let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
      if mine[index] & mask != theirs[index] & mask { return false }
      remaining -= bits
    }
    return true
  }

  public var description: String { "\(network)/\(prefixLength)" }
}
