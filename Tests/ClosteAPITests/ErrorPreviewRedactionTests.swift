import Testing

@testable import ClosteAPI
@testable import Diagnostics

/// A bad answer's body is quoted in the error, cut to a preview: a secret in it is masked before the
/// cut, so no part of it is left to read.
@Suite struct ErrorPreviewRedactionTests {
  @Test func anErrorPreviewIsMaskedBeforeItIsCut() {
    let key = "Cq7/Zx+Wp=Rk\nTv9 L"
    let redactor = SecretRedactor()
    redactor.register(key)
    let body = Array((String(repeating: "x", count: 74) + key + " tail").utf8)
    let error = ClosteError.apiBadResponse("not JSON", call: "/getdomains", body: body, redactor: redactor)
    #expect(!error.message.contains("Cq7"))
    #expect(error.message.contains("[reda"))
  }
}
