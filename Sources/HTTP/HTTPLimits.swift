/// The bounds every HTTP call of closte keeps, whatever the other side does.
public struct HTTPLimits: Sendable, Equatable {
  /// Opening one connection (TCP connect, proxy and TLS handshake), in seconds (`--connect-timeout`).
  public var connectTimeout: Double
  /// The largest answer body kept, in bytes, counted after any decompression.
  public var maximumBodyBytes: Int

  public static let defaultConnectTimeout = 10.0
  /// 64 MB: Closte's list of 100,000 aliases is about 7 MB.
  public static let defaultMaximumBodyBytes = 64 * 1024 * 1024

  public init(
    connectTimeout: Double = HTTPLimits.defaultConnectTimeout,
    maximumBodyBytes: Int = HTTPLimits.defaultMaximumBodyBytes
  ) {
    self.connectTimeout = connectTimeout
    self.maximumBodyBytes = maximumBodyBytes
  }
}
