import Diagnostics
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The lock of the runs that change Closte's aliases (`domain add`, `domain remove`, `domain sync`
/// when it applies): one per site and Closte app, so two operators, or two cron jobs, never
/// interleave their reads and changes. It is an `flock(2)` on a file named from the wp-config.php
/// path, the API URL and a SHA-256 of the key (never the key itself), in `$XDG_RUNTIME_DIR`, else in
/// `/tmp/closte-<uid>` (created 0700 and checked to be the user's own directory, not a link). The
/// kernel drops the lock when the process ends, however it ends.
///
/// Within one process (an rpc stream that changes many domains side by side) the requests for the
/// same lock share it: it is taken when the first one starts and dropped when the last one in
/// flight ends, so other processes wait between requests, never inside one.
public final class ChangeLock: Sendable {
  public let key: String
  private let released = Mutex(false)

  private init(key: String) { self.key = key }

  deinit { release() }

  /// Gives the lock back (once; later calls do nothing).
  public func release() {
    let first = released.withLock { done in
      defer { done = true }
      return !done
    }
    if first { Self.drop(key) }
  }

  /// The default wait for a lock another run holds, in seconds.
  public static let defaultWait = 30.0

  /// The lock's name: a SHA-256 of the site's wp-config.php path, the API URL and a SHA-256 of the key.
  public static func name(configPath: String?, apiURL: String, apiKey: String) -> String {
    let material = "closte-change-lock\n\(configPath ?? "")\n\(apiURL)\n" + SHA256.hex(Array(apiKey.utf8))
    return "closte-" + SHA256.hex(Array(material.utf8)).prefix(32) + ".lock"
  }

  /// Takes the lock `name` in `directory`, trying again until `wait` seconds have passed;
  /// `lock_busy` (exit 1) when another run still holds it, `lock_unavailable` when the lock file
  /// cannot be made safely.
  public static func acquire(
    name: String, directory: String, wait: Double, clock: ClosteClock, debug: (String) -> Void = { _ in }
  ) async throws -> ChangeLock {
    let path = directory + "/" + name
    let deadline = clock.now().addingTimeInterval(wait)
    var pause = 0.02
    var told = false
    while true {
      if try take(path) { return ChangeLock(key: path) }
      guard clock.now() < deadline else {
        throw ClosteError(
          .lockBusy,
          "Another closte run is changing the aliases of this site on Closte; it still held the lock after "
            + "\(ClosteError.secondsText(wait)) s.",
          hint: "Wait for it to finish (or give --lock-timeout=<seconds> to wait longer), then run this again.")
      }
      if !told {
        debug("Waiting for another run's lock \(path) (at most \(ClosteError.secondsText(wait)) s)")
        told = true
      }
      await clock.sleep(seconds: min(pause, max(0, deadline.timeIntervalSince(clock.now()))))
      pause = min(pause * 2, 0.25)
    }
  }

  /// The folder of the lock files: `$XDG_RUNTIME_DIR` when it is an absolute path to the user's own
  /// folder, else `/tmp/closte-<uid>`, made 0700 when missing. A folder that is a link, belongs to
  /// someone else or others may write to is refused.
  public static func directory(environment: [String: String]) throws -> String {
    if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/"), (try? checkOwnFolder(runtime)) != nil {
      return runtime
    }
    let folder = "/tmp/closte-\(getuid())"
    if mkdir(folder, 0o700) != 0 && errno != EEXIST {
      throw unavailable("cannot create \(folder): \(String(cString: strerror(errno)))")
    }
    try checkOwnFolder(folder)
    return folder
  }

  // MARK: The process's locks

  private struct Held {
    var fd: Int32
    var holders: Int
  }

  /// The locks this process holds, by path, with how many runs share each.
  private static let held = Mutex<[String: Held]>([:])

  /// One try: true when this process now holds `path` (again, or for the first time).
  private static func take(_ path: String) throws -> Bool {
    try held.withLock { locks in
      if locks[path] != nil {
        locks[path]?.holders += 1
        return true
      }
      let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
      guard fd >= 0 else { throw unavailable("cannot open \(path): \(String(cString: strerror(errno)))") }
      var status = stat()
      guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == getuid() else {
        close(fd)
        throw unavailable("\(path) is not a regular file of this user")
      }
      guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
        close(fd)
        return false
      }
      locks[path] = Held(fd: fd, holders: 1)
      return true
    }
  }

  private static func drop(_ path: String) {
    held.withLock { locks in
      guard let lock = locks[path] else { return }
      if lock.holders > 1 {
        locks[path]?.holders -= 1
      } else {
        close(lock.fd)  // drops the flock
        locks[path] = nil
      }
    }
  }

  private static func checkOwnFolder(_ path: String) throws {
    var status = stat()
    guard lstat(path, &status) == 0 else { throw unavailable("cannot read \(path)") }
    guard status.st_mode & S_IFMT == S_IFDIR, status.st_uid == getuid(), status.st_mode & 0o022 == 0 else {
      throw unavailable("\(path) is not a folder of this user that only this user may write to")
    }
  }

  private static func unavailable(_ reason: String) -> ClosteError {
    ClosteError(
      .lockUnavailable, "The lock of changing runs cannot be taken: \(reason).",
      hint: "Check the permissions of $XDG_RUNTIME_DIR or /tmp/closte-<uid>.")
  }
}

extension ErrorCode {
  /// Another run held the lock of changing runs for longer than `--lock-timeout`.
  public static let lockBusy = ErrorCode("lock_busy")
  /// The lock file could not be made safely (a folder that is a link, or not the user's own).
  public static let lockUnavailable = ErrorCode("lock_unavailable")
}
