import Foundation
import TestSupport
import Testing

@testable import Diagnostics
@testable import DomainNames
@testable import Values

/// closte's domain names against an independent implementation: Python's `idna` package (PyPI),
/// with closte's documented rules on top (scripts/idna-oracle.py says which). The corpus in
/// Fixtures/idna-corpus.jsonl was written by that script; the live test asks the script again.
@Suite struct IDNACorpusTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let corpus = root.appendingPathComponent("Tests/DomainNamesTests/Fixtures/idna-corpus.jsonl")
  static let oracle = root.appendingPathComponent("scripts/idna-oracle.py")

  struct Case {
    var line: String
    var input: String
    var expected: String?
  }

  static func cases(_ text: String) throws -> [Case] {
    try text.split(separator: "\n").map { line in
      let value = try JSONParser.parse(String(line))
      let input: String
      if let hex = value["hex"]?.stringValue {
        input = String(decoding: bytes(hex: hex), as: UTF8.self)
      } else {
        input = value["in"]?.stringValue ?? ""
      }
      return Case(line: String(line), input: input, expected: value["out"]?.stringValue)
    }
  }

  static func bytes(hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count - 1, by: 2).compactMap {
      UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)
    }
  }

  /// The lines closte disagrees with: accepted what must be refused, refused what must be accepted,
  /// or wrote another name. A refusal must be `invalid_domain`, exit 2.
  static func disagreements(_ cases: [Case]) -> [String] {
    var wrong: [String] = []
    for item in cases {
      do {
        let name = try DomainName(validating: item.input).name
        if name != item.expected { wrong.append("\(item.line) -> closte: \(name)") }
      } catch let error as ClosteError {
        if item.expected != nil || error.code != .invalidDomain || error.exitStatus != .usage {
          wrong.append("\(item.line) -> closte refused: \(error.message)")
        }
      } catch {
        wrong.append("\(item.line) -> \(error)")
      }
    }
    return wrong
  }

  @Test func closteAgreesWithEveryLineOfTheCorpus() throws {
    let cases = try Self.cases(String(decoding: try Data(contentsOf: Self.corpus), as: UTF8.self))
    #expect(cases.count > 3000)
    #expect(cases.filter { $0.expected != nil }.count > 1000)
    let wrong = Self.disagreements(cases)
    #expect(wrong.isEmpty, "\(wrong.count) disagreements:\n\(wrong.prefix(30).joined(separator: "\n"))")
  }

  /// The key's shortcut for plain ASCII gives what full processing gives, for every name of the corpus.
  @Test func theComparisonKeyIsTheNormalisedNameOrTheNameAsGiven() throws {
    let cases = try Self.cases(String(decoding: try Data(contentsOf: Self.corpus), as: UTF8.self))
    for input in cases.map(\.input) + cases.compactMap(\.expected) + ["a..b", "-a.com", "1.2.3.4", "a_b.com"] {
      #expect(DomainName.comparisonKey(input) == ((try? DomainName.normalise(input)) ?? input), "\(input)")
    }
  }

  @Test(.enabled(if: IDNAOracle.available, "needs python3 with idna 3.13 (scripts/install-deps.sh)"))
  func closteAgreesWithTheLiveOracle() throws {
    var inputs = try Self.cases(String(decoding: try Data(contentsOf: Self.corpus), as: UTF8.self)).map(\.input)
    inputs += IDNAOracle.randomNames(count: 3000)
    let request =
      inputs.map { JSONWriter.encode(.object(JSONObject([("in", .string($0))]))) }.joined(separator: "\n") + "\n"
    let answer = try IDNAOracle.run(script: Self.oracle.path, input: request)
    let cases = try Self.cases(answer)
    #expect(cases.count == inputs.count)
    let wrong = Self.disagreements(cases)
    #expect(wrong.isEmpty, "\(wrong.count) disagreements:\n\(wrong.prefix(30).joined(separator: "\n"))")
  }
}

/// Runs scripts/idna-oracle.py when python3 has the pinned `idna`.
enum IDNAOracle {
  static let available: Bool = {
    guard let output = try? run(arguments: ["-c", "import idna; print(idna.__version__)"], input: "") else {
      return false
    }
    return output.trimmingCharacters(in: .whitespacesAndNewlines) == "3.13"
  }()

  static func run(script: String, input: String) throws -> String {
    try run(arguments: ["-W", "ignore", script], input: input)
  }

  static func run(arguments: [String], input: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    // A script that stops early must fail the test, not end the test process with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    try process.run()
    // Write from another thread: the answers may fill the pipe before the questions are all sent.
    let writer = Thread {
      try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// Names drawn from code points IDNA treats in every way (mapped, ignored, disallowed, joiners,
  /// right to left, marks), by a fixed-seed generator so a failure can be repeated.
  static func randomNames(count: Int) -> [String] {
    let pools: [ClosedRange<UInt32>] = [
      0x61...0x7A, 0x30...0x39, 0x2D...0x2D, 0x41...0x5A, 0xC0...0x24F, 0x300...0x36F, 0x370...0x3FF, 0x400...0x4FF,
      0x5D0...0x5EA, 0x620...0x64A, 0x64B...0x652, 0x660...0x669, 0x6F0...0x6F9, 0x900...0x97F, 0x3040...0x30FF,
      0x4E00...0x4E80, 0xAC00...0xAC40, 0xFF01...0xFF5E, 0x200B...0x200F, 0xAD...0xAD, 0x2460...0x2473,
      0x1F600...0x1F64F, 0x2E...0x2E, 0x3002...0x3002, 0xFB00...0xFB06, 0x2150...0x2182, 0xE01...0xE3A,
    ]
    var random = SeededGenerator(seed: 0x1D_4A)
    var names: [String] = []
    for _ in 0..<count {
      var labels: [String] = []
      for _ in 0..<(1 + random.next(3)) {
        var label = String.UnicodeScalarView()
        for _ in 0..<(1 + random.next(10)) {
          let pool = pools[random.next(pools.count)]
          let value = pool.lowerBound + UInt32(random.next(Int(pool.upperBound - pool.lowerBound) + 1))
          if let scalar = Unicode.Scalar(value) { label.append(scalar) }
        }
        labels.append(String(label))
      }
      names.append(labels.joined(separator: ".") + [".com", ".de", ".مصر", ""][random.next(4)])
    }
    return names
  }
}
