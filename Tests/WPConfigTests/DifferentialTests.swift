import Foundation
import Testing

@testable import Diagnostics
@testable import Values
@testable import WPConfig

/// The reader against real PHP: for every fixture, each resolved constant and variable the reader
/// reports must be what PHP holds after running the file, every name PHP defines must be reported,
/// and no name may be reported that PHP does not define (unless it is marked `conditional`).
@Suite struct DifferentialTests {
  static let folder = PHPConfigOracle.fixtures.appendingPathComponent("differential")

  static var fixtureNames: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".php") && $0 != "wp-settings.php" }.sorted()
  }

  @Test func fixturesExist() {
    #expect(DifferentialTests.fixtureNames.count >= 10)
  }

  /// A fixture's first bytes, where its `// closte-test…` lines are.
  static func header(of path: String) throws -> String {
    try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)).prefix(4096), as: UTF8.self)
  }

  /// A fixture's `// closte-test-url: <url>` line: read as with WP-CLI's `--url=<url>`.
  static func url(of path: String) throws -> String? {
    let text = try header(of: path)
    guard let range = text.range(of: "// closte-test-url: ") else { return nil }
    return String(text[range.upperBound...].prefix { $0 != "\n" })
  }

  @Test(arguments: DifferentialTests.fixtureNames)
  func readerAgreesWithPHP(fixture: String) throws {
    let path = WPConfigFile.realPath(DifferentialTests.folder.appendingPathComponent(fixture).path)
    let url = try DifferentialTests.url(of: path)
    let php = try PHPConfigOracle.run(path, url: url)
    let config = try WPConfigReader.read(path: path, context: PHPConfigOracle.context(for: path, url: url))
    compare(
      kind: "constant", php: php.constants, reader: config.items.filter { $0.type == .constant }, fixture: fixture)
    let variables = ConfigListing.entries(config).filter { $0.type == .variable }
    compare(kind: "variable", php: php.variables, reader: variables, fixture: fixture)
    if try DifferentialTests.header(of: path).contains("// closte-test: all-resolved") {
      for item in config.items where !item.resolved && (item.type == .constant || item.type == .variable) {
        let definedByPHP = (php.constants + php.variables).contains { $0.name == item.name }
        #expect(!definedByPHP, "\(fixture): \(item.name) is not resolved: \(item.reason ?? "")")
      }
    }
    // PHP's symbol-table order: first mention in the main file, then each include's.
    let phpNames = Set(php.variables.map(\.name))
    #expect(
      variables.map(\.name).filter(phpNames.contains) == php.variables.map(\.name),
      "\(fixture): variables in another order than PHP's")
  }

  static let refusedFolder = PHPConfigOracle.fixtures.appendingPathComponent("differential-refused")

  static var refusedNames: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: refusedFolder.path)) ?? []).filter { $0.hasSuffix(".php") }
      .sorted()
  }

  /// Files PHP cannot compile: PHP runs none of them, and the reader refuses each as a whole,
  /// naming the line PHP names.
  @Test(arguments: DifferentialTests.refusedNames)
  func readerRefusesWhatPHPCannotCompile(fixture: String) throws {
    let path = WPConfigFile.realPath(DifferentialTests.refusedFolder.appendingPathComponent(fixture).path)
    let lint = try PHPConfigOracle.lint(path)
    #expect(lint.status != 0, "\(fixture): php -l accepts it")
    do {
      _ = try WPConfigReader.read(path: path, context: PHPConfigOracle.context(for: path))
      Issue.record("\(fixture): the reader did not refuse it (php -l: \(lint.output))")
    } catch let error as ClosteError {
      #expect(error.code == .configParseError)
      let line = error.details?["line"]?.intValue ?? 0
      #expect(lint.output.contains("on line \(line)"), "\(fixture): line \(line), php says \(lint.output)")
      #expect(error.message.components(separatedBy: "line").count == 2, "\(fixture): \(error.message)")
      #expect(error.hint?.contains("php -l") == true)
    }
  }

  private func compare(
    kind: String, php: [(name: String, value: PHPValue?)], reader: [ConfigItem], fixture: String
  ) {
    var phpValues: [String: PHPValue?] = [:]
    for (name, value) in php { phpValues[name] = value }
    var firstItems: [String: ConfigItem] = [:]
    for item in reader where firstItems[item.name] == nil { firstItems[item.name] = item }

    for (name, _) in php {
      #expect(firstItems[name] != nil, "\(fixture): PHP defines the \(kind) \(name), the reader does not")
    }
    for item in firstItems.values {
      guard let phpValue = phpValues[item.name] else {
        #expect(item.conditional, "\(fixture): the reader reports the \(kind) \(item.name), PHP does not define it")
        continue
      }
      guard item.resolved, let value = item.value, let phpValue else { continue }
      #expect(
        samePHPValue(value, phpValue),
        "\(fixture): \(kind) \(item.name) is \(value) for the reader, \(phpValue) for PHP (line \(item.line))")
    }
  }
}
