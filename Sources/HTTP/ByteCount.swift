/// Sizes as people write them in messages: `64 MB` (a power-of-two megabyte), `512 KB`, `100 bytes`.
package enum ByteCount {
  package static func text(_ bytes: Int) -> String {
    let mega = 1024 * 1024
    if bytes >= mega && bytes % mega == 0 { return "\(bytes / mega) MB" }
    if bytes >= 1024 && bytes % 1024 == 0 { return "\(bytes / 1024) KB" }
    return "\(bytes) bytes"
  }
}
