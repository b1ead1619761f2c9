import ClosteKit
import Foundation

// The whole executable: hand argv and the process's streams to ClosteKit, exit with its status.
let status = await ArgvFrontEnd.run(Array(CommandLine.arguments.dropFirst()), runtime: .process())
exit(status)
