import Foundation

/// Runs closte and reads its peak resident memory (`ru_maxrss`). Linux carries a process's peak
/// across `exec` from the memory it had before, and `posix_spawn` starts the child in the parent's
/// memory (vfork): a child spawned by the test runner starts with the runner's own peak (hundreds of
/// MB late in a run). So a small python3 process spawns closte and reports its children's peak,
/// which starts from python's few MB.
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
    let peakPath = folder + "/peak"
    let python = "/usr/bin/python3"
    let script =
      "import resource, subprocess, sys\n"
      + "code = subprocess.run(sys.argv[2:]).returncode\n"
      + "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
      + "sys.exit(code if code >= 0 else 128 - code)\n"
    let argv = ([python, "-c", script, peakPath, BinaryRunner.closte] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, python, &actions, nil, argv, envp)
    guard spawned == 0 else { throw SimulatorFailure("posix_spawn failed: \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let peak = (try? String(contentsOfFile: peakPath, encoding: .utf8)).flatMap { Int($0) }
    return PeakMemoryRun(
      status: exitStatus, peakKilobytes: peak ?? Int.max,
      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
  }
}
