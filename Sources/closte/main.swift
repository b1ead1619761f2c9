import ClosteKit
import Diagnostics

#if canImport(Glibc)
  import Glibc
#endif

// The whole executable: no core dumps, then hand argv and the process's streams to ClosteKit, exit
// with its status.
CoreDumps.forbid()
let status = await ArgvFrontEnd.run(Array(CommandLine.arguments.dropFirst()), runtime: .process())
exit(status)
