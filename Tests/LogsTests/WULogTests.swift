import Foundation
import Testing
import Values

@testable import Diagnostics
@testable import Logs

@Suite struct WULogTests {
  func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wulog-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func writesUltimateMultisitesLineFormat() throws {
    let date = Timestamp(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14 22:13:20 UTC
    #expect(WULog.line(.info, "Added a.com", at: date) == "[2023-11-14 22:13:20] [INFO] Added a.com\n")
    #expect(WULog.line(.error, "two\nlines", at: date) == "[2023-11-14 22:13:20] [ERROR] two lines\n")
  }

  @Test func fileNames() {
    #expect(WULog.fileName("domain-*.example.com") == "domain-wildcard.example.com.log")
    #expect(WULog.fileName("integration-closte") == "integration-closte.log")
    #expect(WULog.fileName("domain-../x") == "domain-.._x.log")
  }

  @Test func redactsSecrets() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let redactor = SecretRedactor()
    redactor.register("super-secret-key")
    let log = WULog(directory: folder, clock: SystemClock(), redactor: redactor)
    log.append("integration-closte", .info, "key is super-secret-key")
    let text = try String(contentsOfFile: folder + "/integration-closte.log", encoding: .utf8)
    #expect(!text.contains("super-secret-key"))
    #expect(text.contains("[redacted]"))
  }

  @Test func concurrentWritersNeverInterleave() async throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let log = WULog(directory: folder, clock: SystemClock(), redactor: SecretRedactor())
    let payload = String(repeating: "x", count: 300)
    await withTaskGroup(of: Void.self) { group in
      for writer in 0..<8 {
        group.addTask {
          for line in 0..<100 { log.append("integration-closte", .info, "w\(writer) l\(line) \(payload)") }
        }
      }
    }
    let lines = try String(contentsOfFile: folder + "/integration-closte.log", encoding: .utf8)
      .split(separator: "\n")
    #expect(lines.count == 800)
    let pattern = #/\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] \[INFO\] w\d l\d+ x{300}/#
    #expect(lines.allSatisfy { $0.wholeMatch(of: pattern) != nil })
  }

  @Test func directoryIsTheOptionElseWuLogsBesideTheConfig() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(WULog.directory(option: nil, configPath: root + "/wp-config.php") == nil)
    try FileManager.default.createDirectory(
      atPath: root + "/wp-content/uploads/wu-logs", withIntermediateDirectories: true)
    #expect(WULog.directory(option: nil, configPath: root + "/wp-config.php") == root + "/wp-content/uploads/wu-logs")
    #expect(WULog.directory(option: root + "/logs", configPath: nil) == root + "/logs")
    #expect(FileManager.default.fileExists(atPath: root + "/logs"))
  }
}
