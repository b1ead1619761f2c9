import Testing

@testable import Diagnostics
@testable import DomainNames

@Suite struct DomainNameTests {
  @Test(arguments: [
    ("example.com", "example.com"),
    ("Example.COM.", "example.com"),
    ("*.example.com", "*.example.com"),
    ("*.Example.com.", "*.example.com"),
    ("bücher.de", "xn--bcher-kva.de"),
    ("MÜNCHEN.de", "xn--mnchen-3ya.de"),
    ("bu\u{0308}cher.de", "xn--bcher-kva.de"),
    ("bücher\u{3002}de", "xn--bcher-kva.de"),
    ("例え.テスト", "xn--r8jz45g.xn--zckzah"),
    ("a-b.c-d.example", "a-b.c-d.example"),
    ("xn--bcher-kva.de", "xn--bcher-kva.de"),
    ("123.example.com", "123.example.com"),
    (String(repeating: "a", count: 63) + ".com", String(repeating: "a", count: 63) + ".com"),
  ])
  func normalises(_ input: String, _ expected: String) throws {
    #expect(try DomainName(validating: input).name == expected)
  }

  @Test(arguments: [
    ("", "empty"),
    (".", "empty"),
    ("https://example.com", "URL"),
    ("example.com/path", "path"),
    ("example.com:8080", "port"),
    ("exa mple.com", "space"),
    ("example.com\n", "control"),
    ("exa\u{0}mple.com", "control"),
    ("example..com", "empty label"),
    (".example.com", "empty label"),
    ("-example.com", "hyphen"),
    ("example-.com", "hyphen"),
    ("foo.*.example.com", "wildcard"),
    ("*example.com", "wildcard"),
    ("*", "wildcard needs"),
    ("ex_ample.com", "'_'"),
    ("user@example.com", "user name"),
    ("192.168.1.10", "IP address"),
    ("[::1]", "port"),
    (String(repeating: "a", count: 64) + ".com", "longer than 63"),
    (Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: "."), "longer than 253"),
  ])
  func refuses(_ input: String, _ reason: String) {
    do {
      _ = try DomainName(validating: input)
      Issue.record("'\(input)' was accepted")
    } catch let error as ClosteError {
      #expect(error.code == .invalidDomain)
      #expect(error.exitStatus == .usage)
      #expect(error.message.contains(reason), "\(error.message)")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func wildcardParts() throws {
    let name = try DomainName(validating: "*.example.com")
    #expect(name.isWildcard)
    #expect(name.base == "example.com")
    #expect(name.wwwTwin == nil)
  }
}
