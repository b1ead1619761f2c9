import Foundation
import Testing

/// A running closte holds the key in memory: it must leave no core file and keep its memory and
/// environment from other processes of the same user. `closte rpc` with standard input open stays
/// alive while the test looks at its /proc entry: a non-dumpable process's /proc files belong to
/// root, not to the user it runs as (so, when the test runs as root, closte runs as nobody).
@Suite struct CoreDumpTests {
  @Test func aRunningClosteIsNotDumpable() throws {
    let process = Process()
    let asRoot = getuid() == 0
    process.executableURL = URL(fileURLWithPath: asRoot ? "/usr/bin/setpriv" : BinaryRunner.closte)
    process.arguments =
      (asRoot ? ["--reuid=65534", "--regid=65534", "--clear-groups", BinaryRunner.closte] : []) + ["rpc"]
    process.environment = ["PATH": "/usr/bin:/bin", "CLOSTE_CLIENT_API_KEY": "dump-canary-key-0042"]
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
      try? input.fileHandleForWriting.close()
      process.waitUntilExit()
    }
    let folder = "/proc/\(process.processIdentifier)"
    let runsAs: uid_t = asRoot ? 65534 : getuid()
    // The process makes itself non-dumpable first thing; wait for it to get that far.
    var info = stat()
    var owner: uid_t?
    for _ in 0..<300 {
      let status = (try? String(contentsOfFile: folder + "/status", encoding: .utf8)) ?? ""
      let started = status.contains("Name:\tcloste") && status.contains("Uid:\t\(runsAs)")
      if started, stat(folder + "/environ", &info) == 0 {
        owner = info.st_uid
        if owner == 0 { break }
      }
      usleep(10_000)
    }
    #expect(owner == 0, "the /proc files of closte belong to uid \(owner.map(String.init) ?? "?")")
    let limits = try String(contentsOfFile: folder + "/limits", encoding: .utf8)
    let core = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") } ?? ""
    #expect(core.split(separator: " ").dropFirst(4).prefix(2) == ["0", "0"], "\(core)")
  }
}
