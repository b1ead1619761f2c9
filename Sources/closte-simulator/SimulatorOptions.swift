import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// The simulator's command line. Every fault can also be changed while it runs, through
/// `POST /_simulator/faults?<name>=<value>` with the same names (dashes or underscores).
struct SimulatorOptions {
  var host = "127.0.0.1"
  var port: UInt16 = 0
  var key = ProcessInfo.processInfo.environment["CLOSTE_SIMULATOR_KEY"] ?? "demo-closte-key"
  var seedFile: String?
  var seedCount = 0
  var logFile: String?
  var quiet = false
  var faults = Faults()

  static let help = """
    closte-simulator: a stand-in for Closte's client API (https://app.closte.com/api/client), on loopback,
    for tests, benchmarks, the README demo and your own provisioning scripts in CI.

    USAGE
      closte-simulator [--port=<n>] [--key=<key>] [<fault>...]

    It prints the port it listens on as the first line of standard output (useful with --port=0),
    then serves until it is stopped (SIGTERM or SIGINT). Point closte at it with
    --api-url=http://127.0.0.1:<port> (or CLOSTE_API_URL).

    THE API (as Closte's; state in memory)
      POST /adddomainalias     apikey, domain, wildcard (1 for *. names, else 0)
      POST /deletedomainalias  apikey, domain, wildcard
      GET  /getdomains?apikey=...  -> {"success":true,"domains":[{"domain":...,"wildcard":0|1,...}]}
      Refusals are HTTP 200 with {"success":false,"error":"..."}: a wrong or missing key is
      "Invalid API key"; an empty domain is exactly "Invalid or empty domain: " (Ultimate Multisite's
      connection test); adding an alias twice or removing a missing one is refused.

    OPTIONS
      --host=<ip>           Address to listen on: 127.0.0.1 (default) or ::1. Loopback only.
      --port=<n>            Port; 0 (default) picks a free one.
      --key=<key>           The API key it accepts (default: $CLOSTE_SIMULATOR_KEY, else demo-closte-key).
      --seed=<file>         Start with these aliases, one per line.
      --seed-count=<n>      Start with n aliases site-<i>.example.test (fast: 100000 is fine).
      --entry-shape=<s>     Shape of /getdomains entries: object (default) or string.
      --log=<file>          Append one JSON line per API request (the key is never written).
      --quiet               Nothing on standard error.
      --help                This text.

    FAULTS (for tests; API requests only, counted in arrival order; each request takes the first
    fault whose count is not used up, in this order: drop, fail, limit, unavailable, malformed)
      --latency=<ms>        Wait this long before each answer.
      --drop-first=<n>      Close the connection without an answer, for the first n requests.
      --fail-first=<n>      Answer HTTP 500, for the first n requests.
      --fail-after-apply    ... and apply the change before answering 500 (an answer lost after the work).
      --limit-first=<n>     Answer HTTP 429 with Retry-After, for the first n requests.
      --rate-limit=<n>      At most n requests per second; beyond that HTTP 429 with Retry-After.
      --unavailable-first=<n> Answer HTTP 503 with Retry-After, for the first n requests.
      --retry-after=<s>     The Retry-After of a 429 or 503, in seconds (default 1).
      --malformed-first=<n> Answer HTTP 200 with a body that is not JSON, for the first n requests.
      --fault-path=<path>   Count and fault only requests to this path (e.g. /adddomainalias).
      --hang=<path>         Never answer requests to this path (e.g. /adddomainalias).
      --no-getdomains       Answer /getdomains with HTTP 404 (an API without the list call).
      --redirect-to=<url>   Answer every API request with a 301 to this URL (closte must not follow).
      --refuse=<domain>     Refuse adding or removing this domain ("Domain is blocked: <domain>").
      --confirm-other-domain  Answer every add and remove with success, but naming another domain
                            ("domain":"other-<domain>"), and change nothing (a confirmation not to believe).
      --echo-key[=json|text] A hostile Closte: quote the key back in every answer with a valid key, in
                            every spelling (raw, JSON-escaped, percent- and form-encoded, across byte
                            80, as an alias of the list) and in the X-Echo-Key header. json keeps
                            answers JSON; text answers a text body (closte's error preview path).
      --keep-alive-max=<n>  Close each connection silently after n answers (a keep-alive timeout).
      --body-fault=<kind>   Answer with a hostile body instead: huge (200 MB, Content-Length given),
                            endless (chunked, never ends) or gzip-bomb (1.3 MB that inflate to 200 MB).

    CONTROL API (not counted, never delayed or faulted)
      GET  /_simulator/stats      {"requests":n,"by_path":{...},"by_status":{...},"dropped":n,
                                  "hung":n,"domains":n,"connections":n,"open_connections":n,
                                  "in_flight":n,"max_in_flight":n}
      GET  /_simulator/requests   the request log: [{"seq":1,"method":"POST","path":"/adddomainalias",
                                  "domain":"example.com","wildcard":"0","key":"valid","status":200,
                                  "outcome":"added","connection":3}, ...]
      GET  /_simulator/domains    the aliases, one per line
      POST /_simulator/seed?count=<n>&prefix=site-&suffix=.example.test   add n aliases at once
      POST /_simulator/faults?<fault>=<value>...   change faults (latency=50, fail_first=2, hang=...)
      POST /_simulator/reset      forget aliases, counters, log and faults

    EXAMPLE
      port=$(closte-simulator --port=0 --key=test-key --latency=50 | head -n1) ...
      closte-simulator --port=8787 --key=test-key --seed-count=1000 &
      CLOSTE_CLIENT_API_KEY=test-key closte domain list --api-url=http://127.0.0.1:8787
    """

  static func parse(_ arguments: [String]) throws -> SimulatorOptions {
    var options = SimulatorOptions()
    for argument in arguments {
      guard argument.hasPrefix("--") else { throw UsageError("unexpected argument '\(argument)'") }
      let body = argument.dropFirst(2)
      let name: String
      let value: String?
      if let equals = body.firstIndex(of: "=") {
        name = String(body[..<equals])
        value = String(body[body.index(after: equals)...])
      } else {
        name = String(body)
        value = nil
      }
      func required() throws -> String {
        guard let value, !value.isEmpty else { throw UsageError("--\(name) needs a value, as --\(name)=<value>") }
        return value
      }
      func number() throws -> Int {
        guard let parsed = Int(try required()), parsed >= 0 else {
          throw UsageError("--\(name) needs a whole number")
        }
        return parsed
      }
      switch name {
      case "help": throw HelpRequested()
      case "host":
        options.host = try required()
        guard ["127.0.0.1", "::1", "localhost"].contains(options.host) || options.host.hasPrefix("127.") else {
          throw UsageError("--host must be a loopback address (127.0.0.1 or ::1)")
        }
        if options.host == "localhost" { options.host = "127.0.0.1" }
      case "port":
        guard let port = UInt16(try required()) else { throw UsageError("--port must be 0..65535") }
        options.port = port
      case "key": options.key = try required()
      case "seed": options.seedFile = try required()
      case "seed-count": options.seedCount = try number()
      case "log": options.logFile = try required()
      case "quiet": options.quiet = true
      default:
        guard try options.faults.set(name, value) else { throw UsageError("unknown option --\(name)") }
      }
    }
    return options
  }
}

/// The faults a test can switch on. Counts are used up in arrival order.
struct Faults {
  var latencyMilliseconds = 0
  var dropFirst = 0
  var failFirst = 0
  var failAfterApply = false
  var limitFirst = 0
  var unavailableFirst = 0
  var rateLimit = 0
  var retryAfter = "1"
  var malformedFirst = 0
  var hangPath: String?
  var noGetDomains = false
  var entryShape = "object"
  var refuseDomain: String?
  var faultPath: String?
  var redirectTo: String?
  var confirmOtherDomain = false
  var echoKey: KeyEcho?
  var bodyFault: BodyFault?
  var keepAliveMax = 0

  /// Sets one fault by name (`fail-first` or `fail_first`); false when the name is not a fault.
  mutating func set(_ rawName: String, _ value: String?) throws -> Bool {
    let name = String(rawName.map { $0 == "_" ? "-" : $0 })
    func number() throws -> Int {
      guard let value, let parsed = Int(value), parsed >= 0 else {
        throw UsageError("\(name) needs a whole number")
      }
      return parsed
    }
    func flag() -> Bool { value == nil || ["1", "true", "yes", "on"].contains(value?.lowercased() ?? "") }
    switch name {
    case "latency": latencyMilliseconds = try number()
    case "drop-first": dropFirst = try number()
    case "fail-first": failFirst = try number()
    case "fail-after-apply": failAfterApply = flag()
    case "limit-first": limitFirst = try number()
    case "unavailable-first": unavailableFirst = try number()
    case "rate-limit": rateLimit = try number()
    case "retry-after":
      guard let value, !value.isEmpty else { throw UsageError("retry-after needs a value") }
      retryAfter = value
    case "malformed-first": malformedFirst = try number()
    case "hang": hangPath = (value?.isEmpty ?? true) ? nil : value
    case "no-getdomains": noGetDomains = flag()
    case "redirect-to": redirectTo = (value?.isEmpty ?? true) ? nil : value
    case "echo-key":
      switch value {
      case nil: echoKey = .json
      case "", "off": echoKey = nil
      case let mode?:
        guard let parsed = KeyEcho(rawValue: mode) else { throw UsageError("echo-key is json, text or off") }
        echoKey = parsed
      }
    case "keep-alive-max": keepAliveMax = try number()
    case "body-fault":
      guard let value, !value.isEmpty else {
        bodyFault = nil
        return true
      }
      guard let kind = BodyFault(rawValue: value) else { throw UsageError("body-fault is huge, endless or gzip-bomb") }
      bodyFault = kind
    case "fault-path": faultPath = (value?.isEmpty ?? true) ? nil : value
    case "confirm-other-domain": confirmOtherDomain = flag()
    case "refuse": refuseDomain = (value?.isEmpty ?? true) ? nil : value?.lowercased()
    case "entry-shape":
      guard value == "object" || value == "string" else { throw UsageError("entry-shape is object or string") }
      entryShape = value ?? "object"
    default: return false
    }
    return true
  }
}

struct UsageError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}

struct HelpRequested: Error {}
