extension ClosteError {
  /// `45`, or `0.5`: seconds as people write them.
  package static func secondsText(_ seconds: Double) -> String {
    seconds == seconds.rounded() && abs(seconds) < 1e9 ? String(Int(seconds)) : String(seconds)
  }
}
