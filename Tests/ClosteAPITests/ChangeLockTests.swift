import Foundation
import Testing

@testable import ClosteAPI
@testable import Diagnostics

@Suite struct ChangeLockTests {
  func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    chmod(path, 0o700)
    return path
  }

  @Test func theNameNeverHoldsTheKeyAndDependsOnSiteAppAndKey() {
    let name = ChangeLock.name(configPath: "/var/www/wp-config.php", apiURL: "https://a", apiKey: "secret-key")
    #expect(!name.contains("secret"))
    #expect(name.hasPrefix("closte-") && name.hasSuffix(".lock"))
    #expect(name != ChangeLock.name(configPath: "/srv/wp-config.php", apiURL: "https://a", apiKey: "secret-key"))
    #expect(name != ChangeLock.name(configPath: "/var/www/wp-config.php", apiURL: "https://b", apiKey: "secret-key"))
    #expect(name != ChangeLock.name(configPath: "/var/www/wp-config.php", apiURL: "https://a", apiKey: "other"))
  }

  @Test func anotherHolderMakesItLockBusyAndRequestsOfOneProcessShareIt() async throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let name = "closte-test.lock"
    // Another open file description holds the flock, as another process would.
    let other = open(directory + "/" + name, O_RDWR | O_CREAT, 0o600)
    #expect(flock(other, LOCK_EX) == 0)
    await #expect(throws: ClosteError.self) {
      _ = try await ChangeLock.acquire(name: name, directory: directory, wait: 0.05, clock: SystemClock())
    }
    do {
      _ = try await ChangeLock.acquire(name: name, directory: directory, wait: 0, clock: SystemClock())
    } catch let error as ClosteError {
      #expect(error.code == .lockBusy)
    }
    close(other)
    let first = try await ChangeLock.acquire(name: name, directory: directory, wait: 0, clock: SystemClock())
    let second = try await ChangeLock.acquire(name: name, directory: directory, wait: 0, clock: SystemClock())
    first.release()
    // Still held by `second`: another open file description cannot take it.
    let probe = open(directory + "/" + name, O_RDWR)
    defer { close(probe) }
    #expect(flock(probe, LOCK_EX | LOCK_NB) != 0)
    second.release()
    #expect(flock(probe, LOCK_EX | LOCK_NB) == 0)
  }

  @Test func aLockFileThatIsALinkIsRefused() async throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try FileManager.default.createSymbolicLink(atPath: directory + "/closte-x.lock", withDestinationPath: "/etc/passwd")
    do {
      _ = try await ChangeLock.acquire(name: "closte-x.lock", directory: directory, wait: 0, clock: SystemClock())
      Issue.record("expected a refusal")
    } catch let error as ClosteError {
      #expect(error.code == .lockUnavailable)
    }
  }

  @Test func aSharedFolderIsNotTheLockFolder() throws {
    // /tmp is writable by others: XDG_RUNTIME_DIR=/tmp falls back to /tmp/closte-<uid>.
    #expect(try ChangeLock.directory(environment: ["XDG_RUNTIME_DIR": "/tmp"]) == "/tmp/closte-\(getuid())")
  }
}
