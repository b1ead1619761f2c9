/// closte's version: the one place it is written (also used by the API client's User-Agent).
public enum ClosteVersion {
  public static let current = "0.1.0"
  /// The rpc protocol's version; the WP-CLI bridge warns when it and the binary disagree.
  public static let protocolVersion = 1
}
