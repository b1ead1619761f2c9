import ClosteKit
import Diagnostics
import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

// The whole executable: no core dumps, then hand argv and the process's streams to ClosteKit, exit
// with its status.
//
// The command starts at once on this thread (`Task.immediate`): a command that never waits on
// anything (config, help, version, completion) runs to its end here, without starting the
// concurrency runtime's worker threads, which would cost about a third of its start time. A
// command that waits (HTTP, DNS, TLS, rpc) goes on there; `dispatchMain()` keeps the process alive
// until the task exits it.
CoreDumps.forbid()
let arguments = Array(CommandLine.arguments.dropFirst())
Task.immediate {
  exit(await ArgvFrontEnd.run(arguments, runtime: .process()))
}
dispatchMain()
