import Foundation
import Testing

@testable import Values

/// closte's own wall-clock time and its UTC text, against Foundation's `Date` and the C library.
@Suite struct TimestampTests {
  @Test func nowIsTheSystemsWallClock() {
    let before = Date().timeIntervalSince1970
    let now = Timestamp.now.timeIntervalSince1970
    let after = Date().timeIntervalSince1970
    #expect(before <= now && now <= after)
  }

  @Test func arithmeticAndOrder() {
    let start = Timestamp(timeIntervalSince1970: 1_800_000_000)
    let later = start.addingTimeInterval(2.5)
    #expect(later.timeIntervalSince(start) == 2.5)
    #expect(start.timeIntervalSince(later) == -2.5)
    #expect(start < later && Timestamp.distantPast < start)
  }

  @Test(arguments: [
    (0.0, "1970-01-01T00:00:00Z", "1970-01-01 00:00:00"),
    (1_800_000_000.9, "2027-01-15T08:00:00Z", "2027-01-15 08:00:00"),
    (951_825_600, "2000-02-29T12:00:00Z", "2000-02-29 12:00:00"),
    (4_102_444_799, "2099-12-31T23:59:59Z", "2099-12-31 23:59:59"),
  ])
  func utcText(seconds: Double, iso8601: String, log: String) {
    let time = Timestamp(timeIntervalSince1970: seconds)
    #expect(UTCTime.iso8601(time) == iso8601)
    #expect(UTCTime.logText(time) == log)
    #expect(time.description == log + " +0000")
  }

  @Test(arguments: [
    ("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777.0),
    ("Thu, 29 Feb 2024 23:59:60 GMT", 1_709_251_200.0),
  ])
  func httpDate(text: String, seconds: Double) {
    #expect(UTCTime.httpDate(text)?.timeIntervalSince1970 == seconds)
  }
}

@Suite struct StringSplittingTests {
  @Test(arguments: [
    ("a::b", ["a", "b"]), ("::1", ["", "1"]), ("1::", ["1", ""]), ("a:b", ["a:b"]), ("::", ["", ""]),
    ("a::b::c", ["a", "b", "c"]), (":::", ["", ":"]), ("", [""]),
  ])
  func splitsAtEveryDoubleColonAsFoundationDoes(text: String, pieces: [String]) {
    #expect(text.splitting(atEvery: "::") == pieces)
    #expect(text.components(separatedBy: "::") == pieces)
  }
}

@Suite struct FileStatusTests {
  @Test func createsEveryMissingFolderAndReadsAFileWhole() throws {
    let root = NSTemporaryDirectory() + "closte-files-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(FileStatus.createDirectories(root + "/a/b/c"))
    #expect(FileStatus.isDirectory(root + "/a/b/c") == true)
    #expect(FileStatus.createDirectories(root + "/a/b/c"))
    let file = root + "/a/b/c/resolv.conf"
    let text = String(repeating: "nameserver 127.0.0.1\n", count: 5000)
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    #expect(FileStatus.contents(of: file) == Array(text.utf8))
    #expect(FileStatus.contents(of: file, limit: 10) == Array(text.utf8.prefix(10)))
    #expect(FileStatus.contents(of: root + "/a") == nil)
    #expect(FileStatus.contents(of: root + "/missing") == nil)
    #expect(!FileStatus.createDirectories(file + "/below-a-file"))
  }
}
