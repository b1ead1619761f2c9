import Foundation

/// Runs closte as a child of its own (posix_spawn, then wait4 on that child alone), so its peak
/// resident memory (`ru_maxrss`) is exactly closte's, not the test runner's other children's.
struct PeakMemoryRun {
  var status: Int32
  var peakKilobytes: Int
  var stdout: String
  var stderr: String

  static func run(_ arguments: [String], environment: [String: String]) throws -> PeakMemoryRun {
    let folder = try temporaryFolder("closte-peak")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outPath = folder + "/out"
    let errPath = folder + "/err"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([BinaryRunner.closte] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, BinaryRunner.closte, &actions, nil, argv, envp)
    guard spawned == 0 else { throw SimulatorFailure("posix_spawn failed: \(spawned)") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return PeakMemoryRun(
      status: exitStatus, peakKilobytes: usage.ru_maxrss,
      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
  }
}
