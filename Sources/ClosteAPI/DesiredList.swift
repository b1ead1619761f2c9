import Diagnostics
import Values

/// The desired list of `domain sync`, read to its end before anything is decided: a list cut short,
/// or with one entry that cannot be read, must never turn into removals. Only the normalised names
/// are held (the plan needs them anyway), never the input's text.
public struct DesiredList: Sendable {
  /// The normalised names, in the order given (a plain list: 16 bytes a name besides the name).
  public var names: [String]
  /// The entries that could not be read, with where and why.
  public var invalid: [InvalidEntry]
  /// The format the list was read as; nil for an empty input.
  public var format: DesiredListReader.Format?

  public init(names: [String], invalid: [InvalidEntry] = [], format: DesiredListReader.Format?) {
    self.names = names
    self.invalid = invalid
    self.format = format
  }

  /// Reads every entry of `reader`. Throws `invalid_desired_list` when the list cannot be read at
  /// all (a broken JSON array), and when any entry is unreadable: not UTF-8, a byte order mark
  /// inside, a JSON value cut short, or not a domain name.
  public static func read(_ reader: DesiredListReader) throws -> DesiredList {
    var list = DesiredList(names: [], format: nil)
    while let item = try reader.next() {
      switch item {
      case .entry(let name): list.names.append(name)
      case .invalid(let entry): list.invalid.append(entry)
      }
    }
    list.format = reader.format
    if let refusal = list.refusal { throw refusal }
    return list
  }

  /// The entries as the plan reads them.
  public var items: LazyMapSequence<[String], DesiredListReader.Item> {
    names.lazy.map { .entry($0) }
  }

  /// `invalid_desired_list` (exit 2) naming the first unreadable entry, with every one of them in
  /// `details` (at most 100); nil when every entry is a domain name.
  public var refusal: ClosteError? {
    let invalid = self.invalid
    guard let first = invalid.first else { return nil }
    let others = invalid.count - 1
    let more = others > 0 ? " (\(others) more unreadable \(others == 1 ? "entry" : "entries") after it)" : ""
    var what = first.reason.contains(first.input) ? first.reason : "'\(first.input)': \(first.reason)"
    if what.hasSuffix(".") { what.removeLast() }
    let details = invalid.prefix(100).map { entry -> JSONValue in
      var object = JSONObject()
      object["location"] = .string(entry.location)
      object["position"] = .int(entry.position)
      object["input"] = .string(entry.input)
      object["reason"] = .string(entry.reason)
      return .object(object)
    }
    return ClosteError(
      .invalidDesiredList,
      "The desired list was refused, and nothing was sent: \(first.location): \(what)\(more).",
      hint: "Fix or remove that entry and run it again. Every entry must be a domain name in UTF-8; "
        + "a list that cannot be read whole is never applied in part.",
      exitStatus: .usage, details: ["invalid_entries": .array(details)])
  }
}
