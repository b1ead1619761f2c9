import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

// closte-simulator: Closte's client API on loopback, for tests, benchmarks, the demo and CI.
// It shares no code with closte on purpose: a stand-in written apart from the client cannot
// hide a misunderstanding the two would share (form encoding, field names, answers).
signal(SIGPIPE, SIG_IGN)
// A parent (a test runner, a CI shell) may hand down blocked or ignored SIGTERM/SIGINT: the
// simulator must always stop when asked.
var unblocked = sigset_t()
sigemptyset(&unblocked)
sigaddset(&unblocked, SIGTERM)
sigaddset(&unblocked, SIGINT)
sigaddset(&unblocked, SIGHUP)
sigprocmask(SIG_UNBLOCK, &unblocked, nil)
signal(SIGTERM, SIG_DFL)
signal(SIGINT, SIG_DFL)
signal(SIGHUP, SIG_DFL)
let options: SimulatorOptions
do {
  options = try SimulatorOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch is HelpRequested {
  print(SimulatorOptions.help)
  exit(0)
} catch let error as UsageError {
  SimulatorSystem.complain("closte-simulator: \(error.message)\nRun closte-simulator --help.\n")
  exit(2)
}

do {
  let simulator = try ClosteSimulator(options: options)
  let server = try HTTPServer(host: options.host, port: options.port) { simulator.handle($0) }
  simulator.server = server
  server.answersPerConnection = { simulator.keepAliveMax }
  // The first line is the port alone, so scripts can read it.
  print(server.port)
  fflush(stdout)
  if !options.quiet {
    let host = options.host.contains(":") ? "[\(options.host)]" : options.host
    SimulatorSystem.complain(
      "closte-simulator: listening on http://\(host):\(server.port) (stop with Ctrl-C or SIGTERM)\n")
  }
  server.run()
} catch let error as UsageError {
  SimulatorSystem.complain("closte-simulator: \(error.message)\n")
  exit(1)
}
