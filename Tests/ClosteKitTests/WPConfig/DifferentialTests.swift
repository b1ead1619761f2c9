import Foundation
import Testing

@testable import ClosteKit

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

  @Test(arguments: DifferentialTests.fixtureNames)
  func readerAgreesWithPHP(fixture: String) throws {
    let path = WPConfigFile.realPath(DifferentialTests.folder.appendingPathComponent(fixture).path)
    let php = try PHPConfigOracle.run(path)
    let config = try WPConfigReader.read(path: path, environment: PHPConfigOracle.environment)
    compare(
      kind: "constant", php: php.constants, reader: config.items.filter { $0.type == .constant }, fixture: fixture)
    compare(
      kind: "variable", php: php.variables, reader: config.items.filter { $0.type == .variable }, fixture: fixture)
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
