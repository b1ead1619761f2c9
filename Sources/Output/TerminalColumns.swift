#if canImport(Glibc)
  import Glibc
#endif

/// How many columns the terminal has, for fitting the boxed table (php-cli-tools' `Shell::columns`):
/// the terminal's own size, else `COLUMNS`, else 80.
package enum TerminalColumns {
  package static func current(environment: [String: String], isTerminal: Bool) -> Int {
    if isTerminal {
      var size = winsize()
      if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    }
    if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
    return 80
  }
}
