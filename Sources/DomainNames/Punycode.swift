/// Punycode (RFC 3492), the encoding IDNA uses to write an internationalised label in ASCII.
/// Written here from the RFC's section 6 pseudocode, as closte takes no packages.
public enum Punycode {
  public enum Failure: Error, Equatable {
    case overflow
    case badInput
  }

  // RFC 3492, section 5: the parameter values for Punycode.
  private static let base = 36
  private static let tMin = 1
  private static let tMax = 26
  private static let skew = 38
  private static let damp = 700
  private static let initialBias = 72
  private static let initialN = 128

  /// Encodes one label's code points (section 6.3). ASCII-only input comes back with a trailing `-`
  /// as the RFC's algorithm gives it; IDNA callers only encode labels that hold non-ASCII.
  public static func encode(_ input: String) throws(Failure) -> String {
    let codePoints = input.unicodeScalars.map { Int($0.value) }
    var output: [UInt8] = codePoints.filter { $0 < 0x80 }.map { UInt8($0) }
    let basicCount = output.count
    var handled = basicCount
    if basicCount > 0 { output.append(UInt8(ascii: "-")) }
    var n = initialN
    var delta = 0
    var bias = initialBias
    while handled < codePoints.count {
      guard let next = codePoints.filter({ $0 >= n }).min() else { throw .badInput }
      let (product, overflowProduct) = (next - n).multipliedReportingOverflow(by: handled + 1)
      guard !overflowProduct, delta <= Int(Int32.max) - product else { throw .overflow }
      delta += product
      n = next
      for codePoint in codePoints {
        if codePoint < n {
          delta += 1
          guard delta <= Int(Int32.max) else { throw .overflow }
        }
        guard codePoint == n else { continue }
        var q = delta
        var k = base
        while true {
          let t = threshold(k, bias)
          if q < t { break }
          output.append(digit(t + (q - t) % (base - t)))
          q = (q - t) / (base - t)
          k += base
        }
        output.append(digit(q))
        bias = adapt(delta, handled + 1, handled == basicCount)
        delta = 0
        handled += 1
      }
      delta += 1
      n += 1
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Decodes one label (section 6.2), for tests and for showing names back to people.
  public static func decode(_ input: String) throws(Failure) -> String {
    let bytes = Array(input.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { throw .badInput }
    var output: [Int] = []
    var start = 0
    if let dash = bytes.lastIndex(of: UInt8(ascii: "-")) {
      output = bytes[..<dash].map { Int($0) }
      start = dash + 1
    }
    var n = initialN
    var i = 0
    var bias = initialBias
    var position = start
    while position < bytes.count {
      let oldI = i
      var w = 1
      var k = base
      while true {
        guard position < bytes.count, let value = digitValue(bytes[position]) else { throw .badInput }
        position += 1
        let (step, overflowStep) = value.multipliedReportingOverflow(by: w)
        guard !overflowStep, i <= Int(Int32.max) - step else { throw .overflow }
        i += step
        let t = threshold(k, bias)
        if value < t { break }
        let (nextW, overflowW) = w.multipliedReportingOverflow(by: base - t)
        guard !overflowW, nextW <= Int(Int32.max) else { throw .overflow }
        w = nextW
        k += base
      }
      bias = adapt(i - oldI, output.count + 1, oldI == 0)
      n += i / (output.count + 1)
      guard n <= 0x10FFFF else { throw .overflow }
      i %= output.count + 1
      output.insert(n, at: i)
      i += 1
    }
    var text = String.UnicodeScalarView()
    for codePoint in output {
      guard let scalar = Unicode.Scalar(UInt32(codePoint)) else { throw .badInput }
      text.append(scalar)
    }
    return String(text)
  }

  private static func threshold(_ k: Int, _ bias: Int) -> Int {
    k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
  }

  /// Section 6.1, bias adaptation.
  private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
    var delta = first ? delta / damp : delta / 2
    delta += delta / count
    var k = 0
    while delta > ((base - tMin) * tMax) / 2 {
      delta /= base - tMin
      k += base
    }
    return k + (base - tMin + 1) * delta / (delta + skew)
  }

  /// 0..25 are `a`..`z`, 26..35 are `0`..`9` (lower case, as IDNA writes labels).
  private static func digit(_ value: Int) -> UInt8 {
    value < 26 ? UInt8(value) + UInt8(ascii: "a") : UInt8(value - 26) + UInt8(ascii: "0")
  }

  private static func digitValue(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0")) + 26
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A"))
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a"))
    default: return nil
    }
  }
}
