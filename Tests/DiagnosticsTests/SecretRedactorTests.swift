import Foundation
import Testing

@testable import Diagnostics
@testable import Values

/// The scrubber against each spelling of a key with `/`, `+`, `=`, a space and a line break, each
/// written out here by hand (not by the code under test).
@Suite struct SecretRedactorTests {
  static let key = "Cq7/Zx+Wp=Rk\nTv9 L"

  static let spellings: [String] = [
    "Cq7/Zx+Wp=Rk\nTv9 L",  // raw
    #"Cq7\/Zx+Wp=Rk\nTv9 L"#,  // JSONWriter (PHP's json_encode)
    #"Cq7\/Zx+Wp=Rk\u000ATv9 L"#,  // upper-case \u00XX
    #"Cq7/Zx+Wp=Rk\u000aTv9 L"#,  // another server's JSON
    "Cq7%2FZx%2BWp%3DRk%0ATv9%20L",  // percent-encoded
    "Cq7%2fZx%2bWp%3dRk%0aTv9%20L",  // lower-case hex
    "Cq7%2FZx%2BWp%3DRk%0ATv9+L",  // form-encoded
    "Cq7/Zx+Wp=Rk Tv9 L",  // the line break flattened
    #"Cq7\\\/Zx+Wp=Rk\\nTv9 L"#,  // a JSON body quoted in a JSON answer
    #"\u0043\u0071\u0037\u002f\u005a\u0078\u002b\u0057\u0070\u003d\u0052\u006b\u000a\u0054\u0076\u0039\u0020\u004c"#,
    "Cq7%252FZx%252BWp%253DRk%250ATv9%2520L",  // percent-encoded twice
    "Cq7/Zx+Wp=Rk",  // the first line alone (a piped table keeps only that)
  ]

  func redactor() -> SecretRedactor {
    let redactor = SecretRedactor()
    redactor.register(SecretRedactorTests.key)
    return redactor
  }

  @Test(arguments: spellings)
  func everySpellingIsMasked(_ spelling: String) {
    #expect(redactor().redact("<<" + spelling + ">>") == "<<[redacted]>>")
  }

  @Test func aShortLineOfTheKeyIsNotASecretByItself() {
    #expect(redactor().redact("Tv9 L and more") == "Tv9 L and more")
  }

  @Test func shortSecretsAreNotScrubbedFromText() {
    let redactor = SecretRedactor()
    redactor.register("abc12")
    redactor.register("abcdef")
    #expect(redactor.redact("abc12 abcdef") == "abc12 [redacted]")
  }

  @Test func aSecretInsideAnotherIsMaskedWhole() {
    let redactor = redactor()
    redactor.register("Zx+Wp=Rk")
    #expect(redactor.redact("a Cq7/Zx+Wp=Rk\nTv9 L b Zx+Wp=Rk") == "a [redacted] b [redacted]")
  }

  @Test func aJSONValueIsScrubbedInKeysAndValues() {
    let value: JSONValue = [
      "a": .string("x " + SecretRedactorTests.key), .init(stringLiteral: SecretRedactorTests.key): 1,
    ]
    let scrubbed = redactor().redact(value)
    #expect(JSONWriter.encode(scrubbed) == #"{"a":"x [redacted]","[redacted]":1}"#)
  }

  @Test func urlPasswordsAreSecrets() {
    let redactor = SecretRedactor()
    redactor.registerURLPasswords(in: "--api-url=http://user:pa%2Fss-word@127.0.0.1:8080/api")
    #expect(redactor.redact("http://user:pa%2Fss-word@127.0.0.1") == "http://user:[redacted]@127.0.0.1")
    #expect(redactor.redact("pa/ss-word") == "[redacted]")
    #expect(URLPassword.all(in: "https://host/a:b@c and http://only-user@host") == [])
  }

  // MARK: The stream boundary

  @Test func aSecretSplitAcrossTwoWritesIsCaughtWherever() {
    let text = "xx " + #"Cq7\/Zx+Wp=Rk\nTv9 L"# + " yy\n"
    let bytes = Array(text.utf8)
    for cut in 0...bytes.count {
      let buffer = BufferSink()
      let sink = ScrubbingSink(buffer, redactor: redactor())
      sink.write(Array(bytes[..<cut]))
      sink.write(Array(bytes[cut...]))
      sink.flush()
      #expect(buffer.text == "xx [redacted] yy\n", "cut at \(cut)")
    }
  }

  @Test func onlyATailThatMayStartASecretIsHeldBack() {
    let buffer = BufferSink()
    let sink = ScrubbingSink(buffer, redactor: redactor())
    sink.write("\r 3/10 done")
    #expect(buffer.text == "\r 3/10 done")
    sink.write(" Cq7/Z")
    #expect(buffer.text == "\r 3/10 done ")
    sink.flush()
    #expect(buffer.text == "\r 3/10 done Cq7/Z")
  }

  @Test func aRevealedSecretIsLeftInThatWriteOnly() {
    let redactor = redactor()
    redactor.register("other-secret")
    let buffer = BufferSink()
    let sink = ScrubbingSink(buffer, redactor: redactor)
    sink.write("value: \(SecretRedactorTests.key) other-secret\n", revealing: [SecretRedactorTests.key])
    sink.write("again: \(SecretRedactorTests.key)\n")
    sink.flush()
    #expect(buffer.text == "value: \(SecretRedactorTests.key) [redacted]\nagain: [redacted]\n")
  }
}
