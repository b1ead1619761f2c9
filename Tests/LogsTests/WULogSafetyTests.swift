import Foundation
import Testing

@testable import Diagnostics
@testable import Logs

/// The wu-logs writer as root would meet a hostile uploads folder: links, FIFOs, a full disk.
extension WULogTests {
  func log(_ directory: String, followsDirectoryLink: Bool = true) -> WULog {
    WULog(
      directory: directory, followsDirectoryLink: followsDirectoryLink, clock: SystemClock(),
      redactor: SecretRedactor())
  }

  @Test func aLogFileThatIsASymbolicLinkIsNeverFollowed() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let target = root + "/elsewhere.txt"
    try Data("precious\n".utf8).write(to: URL(fileURLWithPath: target))
    try FileManager.default.createSymbolicLink(atPath: root + "/integration-closte.log", withDestinationPath: target)
    #expect(!log(root).append("integration-closte", .info, "written through the link"))
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious\n")
    // A dangling link is not created through either.
    try FileManager.default.createSymbolicLink(
      atPath: root + "/domain-a.example.log", withDestinationPath: root + "/created.txt")
    #expect(!log(root).append("domain-a.example", .info, "x"))
    #expect(!FileManager.default.fileExists(atPath: root + "/created.txt"))
  }

  @Test func aWULogsFolderThatIsALinkIsRefusedUnlessGivenAsLogDir() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root + "/real", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: root + "/wu-logs", withDestinationPath: root + "/real")
    #expect(!log(root + "/wu-logs", followsDirectoryLink: false).append("integration-closte", .info, "x"))
    #expect(!FileManager.default.fileExists(atPath: root + "/real/integration-closte.log"))
    #expect(log(root + "/wu-logs", followsDirectoryLink: true).append("integration-closte", .info, "x"))
  }

  @Test func aFIFONeverBlocksAndIsNeverWritten() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let fifo = root + "/integration-closte.log"
    #expect(mkfifo(fifo, 0o644) == 0)
    // No reader: a blocking open would wait for ever. With a reader: not a regular file.
    #expect(!log(root).append("integration-closte", .info, "x"))
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    defer { close(reader) }
    #expect(!log(root).append("integration-closte", .info, "x"))
    var buffer = [UInt8](repeating: 0, count: 16)
    #expect(read(reader, &buffer, 16) <= 0)
  }

  @Test func aFullDeviceLeavesNothing() {
    let fd = open("/dev/full", O_WRONLY)
    #expect(fd >= 0)
    defer { close(fd) }
    #expect(!WULog.appendWhole(fd, Array("[2026-01-01 00:00:00] [INFO] x\n".utf8)))
  }

  /// A secret with a line break is masked before the log flattens the line, which would hide its spelling.
  @Test func aLogLineIsScrubbedBeforeItIsFlattened() throws {
    let key = "Cq7/Zx+Wp=Rk\nTv9 L"
    let redactor = SecretRedactor()
    redactor.register(key)
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let log = WULog(directory: folder, clock: SystemClock(), redactor: redactor)
    log.append("integration-closte", .error, "Closte said: " + key)
    let text = try String(contentsOfFile: folder + "/integration-closte.log", encoding: .utf8)
    #expect(text.hasSuffix("[ERROR] Closte said: [redacted]\n"))
  }
}
