import Testing

@testable import HTTP
@testable import Values

/// libcurl's failure codes become sentences and the failures the retry logic knows: never a bare
/// number ("network error -1" was what URLSession's unknown error gave).
@Suite struct CurlOutcomeTests {
  static let cases: [(code: Int32, failure: TransportFailure)] = [
    (6, .unreachable("the host name was not found (DNS)")),
    (7, .unreachable("no connection could be opened (refused, or no route to the host)")),
    (52, .dropped("the server closed the connection without answering")),
    (56, .dropped("the connection broke while the answer was read")),
    (60, .unreachable("the server's TLS certificate is not trusted, or is not for this host name")),
    (61, .dropped("the answer's compression (Content-Encoding) is broken")),
    (99, .unreachable("libcurl error 99: Some detail from libcurl")),
  ]

  @Test(arguments: cases)
  func failuresAreSentences(_ code: Int32, _ failure: TransportFailure) {
    #expect(CurlOutcome.failure(code: code, detail: "Some detail from libcurl") == failure)
  }

  @Test func sizesAreWrittenAsPeopleWriteThem() {
    #expect(TransportFailure.tooLarge(limit: 64 * 1024 * 1024).reason == "the answer is larger than 64 MB")
    #expect(ByteCount.text(1536) == "1536 bytes")
  }
}

/// A header line as libcurl hands it over ends in CRLF, which Swift reads as one `Character`.
@Test func aHeaderValueLosesItsLineEnd() {
  #expect("3600\r\n".trimmingSpaces == "3600")
  #expect(" \r\n a \t".trimmingSpaces == "a")
}
