import Diagnostics
import DomainNames
import Values

/// Believe only what Closte confirmed: an answer of `success: true` that names a domain names the
/// one that was changed, and a success for another domain says nothing about the one asked for.
extension ClosteReply {
  /// The domain the answer names (`domain`, `alias` or `name`, at the top or in a `data` object)
  /// when it is not `domain`; nil when the answer names none, or names this one.
  public func otherDomain(than domain: DomainName) -> String? {
    var candidates: [JSONValue?] = [object["domain"], object["alias"], object["name"]]
    if case .object(let data)? = object["data"] {
      candidates += [data["domain"], data["alias"], data["name"]]
    }
    for case .string(let named)? in candidates where !named.isEmpty {
      let same = (try? DomainName(validating: named))?.name == domain.name
      if !same { return named }
    }
    return nil
  }
}

extension ErrorCode {
  /// Closte answered success for another domain than the one asked for, and its list does not show
  /// the change.
  public static let apiUnconfirmed = ErrorCode("api_unconfirmed")
}

extension ClosteError {
  package static func apiUnconfirmed(_ operation: AliasOperation, named other: String) -> ClosteError {
    let verb = operation.kind == .add ? "the add" : "the removal"
    let shown = other.count > 100 ? String(other.prefix(100)) + "..." : other
    return ClosteError(
      .apiUnconfirmed,
      "Closte answered \(verb) of \(operation.domain.name) with success, but for another domain ('\(shown)'), "
        + "and its list does not show the change.",
      hint: "Check the alias in the Closte dashboard; run the command again to retry.")
  }
}
