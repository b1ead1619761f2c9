#if canImport(Glibc)
  import Glibc
#endif

/// Dates as closte writes and reads them, in UTC, without a locale: the log's
/// `2026-12-03 09:24:24`, reports' ISO 8601 `2026-12-03T09:24:24Z`, and HTTP's
/// `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110, 5.6.7).
public enum UTCTime {
  /// `yyyy-MM-dd HH:mm:ss`, the log's.
  public static func logText(_ date: Timestamp) -> String { text(date, between: " ", zone: "") }

  /// `2026-11-25T15:00:00Z`: ISO 8601, whole seconds, as reports give dates.
  public static func iso8601(_ date: Timestamp) -> String { text(date, between: "T", zone: "Z") }

  private static func text(_ date: Timestamp, between: String, zone: String) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ value: Int32, _ width: Int = 2) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))\(between)"
      + "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))\(zone)"
  }

  package static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form HTTP senders must use; nil otherwise.
  public static func httpDate(_ text: String) -> Timestamp? {
    let words = text.split(separator: " ")
    guard words.count == 6, words[0].hasSuffix(","), words[5] == "GMT" || words[5] == "UTC",
      let day = Int32(words[1]), let month = months.firstIndex(of: String(words[2])), let year = Int32(words[3])
    else { return nil }
    let clock = words[4].split(separator: ":")
    guard clock.count == 3, let hour = Int32(clock[0]), let minute = Int32(clock[1]), let second = Int32(clock[2]),
      (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
    else { return nil }
    var parts = tm()
    parts.tm_year = year - 1900
    parts.tm_mon = Int32(month)
    parts.tm_mday = day
    parts.tm_hour = hour
    parts.tm_min = minute
    parts.tm_sec = second
    return Timestamp(timeIntervalSince1970: Double(timegm(&parts)))
  }
}
