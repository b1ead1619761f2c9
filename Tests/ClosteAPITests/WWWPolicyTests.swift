import Testing

@testable import ClosteAPI
@testable import DomainNames

@Suite struct WWWPolicyTests {
  // Ultimate Multisite's own Domain_Manager tests, as a table.
  @Test(arguments: [
    ("example.com", true), ("test.org", true), ("site.net", true),
    ("example.co.uk", true), ("test.com.au", true), ("site.co.nz", true), ("company.com.br", true),
    ("business.co.in", true),
    ("subdomain.example.com", false), ("api.test.org", false), ("deep.sub.example.com", false),
    ("subdomain.example.co.uk", false), ("api.test.com.au", false), ("blog.site.co.nz", false),
    ("example.org.uk", false),
  ])
  func mainDomain(_ domain: String, _ isMain: Bool) throws {
    #expect(WWWPolicy.isMainDomain(try DomainName(validating: domain)) == isMain)
  }

  @Test(arguments: [
    (WWWPolicy.always, "shop.example.com", ["shop.example.com", "www.shop.example.com"]),
    (.always, "example.com", ["example.com", "www.example.com"]),
    (.mainOnly, "example.co.uk", ["example.co.uk", "www.example.co.uk"]),
    (.mainOnly, "shop.example.co.uk", ["shop.example.co.uk"]),
    (.never, "example.com", ["example.com"]),
    (.always, "*.example.com", ["*.example.com"]),
    (.always, "www.example.com", ["www.example.com"]),
  ])
  func expands(_ policy: WWWPolicy, _ domain: String, _ expected: [String]) throws {
    #expect(policy.expand(try DomainName(validating: domain)).map(\.name) == expected)
  }
}
