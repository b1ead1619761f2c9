import Diagnostics
import PHPReader
import WPConfig

#if canImport(Glibc)
  import Glibc
#endif

/// Everything one command run may use: its invocation, the process runtime, diagnostics for
/// standard error, and the config (located and read on first use, then cached).
public final class CommandContext: @unchecked Sendable {
  public let invocation: Invocation
  public let runtime: Runtime
  public let diagnostics: Diagnostics
  /// True when the command came through `closte rpc` (no tables, no live terminal output on stdout).
  public let isRPC: Bool

  public init(invocation: Invocation, runtime: Runtime, isRPC: Bool) throws {
    self.invocation = invocation
    self.runtime = runtime
    self.isRPC = isRPC
    self.diagnostics = Diagnostics(
      sink: runtime.stderr, quiet: (try invocation.flag("quiet")) ?? false,
      debug: (try invocation.flag("debug")) ?? false)
  }

  public var args: [String] { invocation.args }
  public var environment: [String: String] { runtime.environment }

  /// The `wp-config.php` this invocation uses: `--config`/`--config-file`, else `--path` (the folder,
  /// then its parent), else the current directory upward.
  public func configPath() throws -> String {
    try WPConfigLocator.locate(
      configFile: invocation.config, path: invocation.path, currentDirectory: runtime.currentDirectory)
  }

  /// The parsed config (cached per file and modification time). Its secrets are registered with the
  /// redactor before anything else can print them.
  public func config() throws -> WPConfig {
    let path = try configPath()
    let redactor = runtime.redactor
    // WP-CLI's CLI context: no HTTP_HOST unless --url, as WP-CLI reads the file.
    let context = PHPRunContext(environment: runtime.environment, url: invocation.string("url"))
    let config = try runtime.configCache.config(at: path, context: context) { parsed in
      for value in ConfigSecrets.secretValues(parsed.items) { redactor.register(value) }
    }
    return config
  }
}
