import CProcessGuard

/// A closte process holds the API key, the database password and the salts in memory. At start it
/// makes itself non-dumpable: no core file is written (a crash in the WordPress root would leave the
/// key there), and other processes of the same user cannot read its `/proc/<pid>/mem` or `environ`.
public enum CoreDumps {
  /// Called first thing by `closte/main.swift`. False when the system refused (closte runs anyway).
  @discardableResult
  public static func forbid() -> Bool { closte_forbid_dumps() == 0 }
}
