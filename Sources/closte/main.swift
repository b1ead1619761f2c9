import ClosteKit
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

// The whole executable: hand argv and the process's streams to ClosteKit, exit with its status.
let status = await ArgvFrontEnd.run(Array(CommandLine.arguments.dropFirst()), runtime: .process())
exit(status)
