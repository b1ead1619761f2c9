#if canImport(Glibc)
  import Glibc
#endif

/// Numbers as C's printf writes them, for the few places that must match it digit for digit.
package enum CFormat {
  /// `%.<digits>e`: `1.2345e+17`, rounded exactly (glibc rounds the true binary value, ties to even).
  package static func exponential(_ number: Double, digits: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 64 + max(digits, 0))
    let count = withVaList([number]) { vsnprintf(&buffer, buffer.count, "%.\(max(digits, 0))e", $0) }
    guard count >= 0 else { return number.description }
    return String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// `35.1`: one decimal, rounded half away from zero.
  package static func oneDecimal(_ number: Double) -> String {
    let tenths = (number * 10).rounded()
    let whole = Int(tenths / 10)
    let fraction = Int(abs(tenths).truncatingRemainder(dividingBy: 10))
    return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
  }

  /// `07`: at least two digits.
  package static func twoDigits(_ number: Int) -> String { number < 10 && number >= 0 ? "0\(number)" : "\(number)" }
}
