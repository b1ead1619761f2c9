import ClosteAPI
import Diagnostics
import DomainNames
import Values

#if canImport(Glibc)
  import Glibc
#endif

/// `closte rpc`: reads requests from standard input, answers each with one JSON line on standard
/// output, in request order. Exit 0 when every request succeeded, 1 when any failed.
///
/// Requests that change different domains (`domain add`, `domain remove`) run side by side, up to
/// `maximumInFlight`, as a provisioning script streaming hundreds of adds expects; every other request
/// waits for all earlier ones and runs alone, so a stream keeps the meaning of its order.
public enum RPCServer {
  /// How many independent requests may be in flight at once (the batch path's default concurrency).
  public static let maximumInFlight = BatchRunner.defaultConcurrency

  /// How many requests are read ahead of the one being scheduled. Reading stops there until the
  /// scheduler takes one (back-pressure), so memory stays flat whatever one request waits for.
  public static let readAhead = 4

  public static func serve(runtime: Runtime, table: CommandTable = .standard) async -> ExitStatus {
    let items = RPCReadAhead(source: runtime.stdin, limit: readAhead)
    let writer = RPCAnswerWriter(runtime: runtime)
    let dispatcher = Dispatcher(table: table)
    await withTaskGroup(of: Int.self) { group in
      var inFlight: [Int: RPCScheduling] = [:]
      var sequence = 0
      for await item in items.stream {
        items.took()
        // Nobody reads the answers any more: stop taking requests.
        if runtime.stdout.isClosed { break }
        let position = sequence
        sequence += 1
        let job: RPCJob
        // A password in a URL of the request (`assoc_args.api-url`) is a secret before anything runs.
        if case .value(let value, _) = item { registerURLPasswords(in: value, redactor: runtime.redactor) }
        switch prepare(item, table: table) {
        case .answer(let response, let rawID):
          await writer.put(position, response, rawID: rawID)
          continue
        case .run(let prepared):
          job = prepared
        }
        while !job.scheduling.mayStart(beside: Array(inFlight.values), limit: maximumInFlight) {
          guard let finished = await group.next() else { break }
          inFlight[finished] = nil
        }
        inFlight[position] = job.scheduling
        group.addTask {
          switch await dispatcher.execute(job.request.invocation, runtime: runtime, isRPC: true) {
          case .result(let result):
            await writer.put(
              position, RPCResponse.success(id: job.request.id, result: result), rawID: job.request.rawID,
              revealing: result.revealed)
          case .failure(let error):
            await writer.put(position, RPCResponse.failure(id: job.request.id, error: error), rawID: job.request.rawID)
          }
          return position
        }
      }
      for await _ in group {}
    }
    runtime.flush()
    // Answers that could not be written are a failure, whatever they said.
    return runtime.stdout.isClosed ? .failure : await writer.status
  }

  /// Registers the password of every URL among the strings of a request.
  static func registerURLPasswords(in value: JSONValue, redactor: SecretRedactor) {
    switch value {
    case .string(let text): redactor.registerURLPasswords(in: text)
    case .array(let elements): for element in elements { registerURLPasswords(in: element, redactor: redactor) }
    case .object(let object): for member in object { registerURLPasswords(in: member.value, redactor: redactor) }
    default: break
    }
  }

  enum Prepared {
    case answer(JSONValue, rawID: String?)
    case run(RPCJob)
  }

  /// Decodes one item of the stream into a job, or into the `invalid_request` answer it gets.
  static func prepare(_ item: RPCStreamReader.Item, table: CommandTable) -> Prepared {
    switch item {
    case .invalid(let reason):
      return .answer(RPCResponse.failure(id: .null, error: .invalidRequest(reason)), rawID: nil)
    case .value(let value, let rawID):
      do {
        let request = try RPCRequest.decode(value, rawID: rawID, table: table)
        if request.invocation.command == "rpc" {
          return .answer(
            RPCResponse.failure(id: request.id, error: .invalidRequest("`rpc` cannot be sent through rpc.")),
            rawID: rawID)
        }
        return .run(RPCJob(request: request, scheduling: RPCScheduling(request.invocation)))
      } catch let failure as RPCRequestError {
        return .answer(RPCResponse.failure(id: failure.id, error: failure.error), rawID: failure.rawID)
      } catch let error as ClosteError {
        return .answer(RPCResponse.failure(id: .null, error: error), rawID: nil)
      } catch {
        return .answer(
          RPCResponse.failure(id: .null, error: ClosteError(.internalError, "The request could not be read.")),
          rawID: nil)
      }
    }
  }
}

/// A decoded request, ready to run.
struct RPCJob: Sendable {
  var request: RPCRequest
  var scheduling: RPCScheduling
}

/// Whether a request may run beside others: a domain change touches only its own domains (keyed
/// without `www.` and `*.`, so a www twin or a wildcard counts as the same domain); anything else
/// runs alone.
enum RPCScheduling: Sendable, Equatable {
  case alone
  case domains(Set<String>)

  static let parallelCommands: Set<String> = ["domain add", "domain remove"]

  init(_ invocation: Invocation) {
    guard RPCScheduling.parallelCommands.contains(invocation.command), !invocation.args.isEmpty else {
      self = .alone
      return
    }
    self = .domains(Set(invocation.args.map(RPCScheduling.key)))
  }

  /// The domain as `DomainName` spells it (so `bücher.example` and `xn--bcher-kva.example` are one),
  /// without `*.` and `www.`.
  static func key(_ domain: String) -> String {
    var name = Substring(DomainName.comparisonKey(domain.trimmingSpaces).lowercased())
    if name.hasSuffix(".") { name = name.dropLast() }
    for prefix in ["*.", "www."] where name.hasPrefix(prefix) { name = name.dropFirst(prefix.count) }
    return String(name)
  }

  func mayStart(beside running: [RPCScheduling], limit: Int) -> Bool {
    switch self {
    case .alone:
      return running.isEmpty
    case .domains(let mine):
      guard running.count < limit else { return false }
      for other in running {
        guard case .domains(let theirs) = other, mine.isDisjoint(with: theirs) else { return false }
      }
      return true
    }
  }
}

/// Writes answers in request order, whatever order they finish in, and remembers whether any failed.
actor RPCAnswerWriter {
  private let runtime: Runtime
  private var next = 0
  private var pending: [Int: (line: String, revealing: Set<String>)] = [:]
  private(set) var status = ExitStatus.success

  init(runtime: Runtime) { self.runtime = runtime }

  /// Queues one answer; `revealing` are the secrets it shows on request (`config get --reveal`),
  /// which the scrubber leaves in this answer only.
  func put(_ position: Int, _ response: JSONValue, rawID: String?, revealing: Set<String> = []) {
    if response["ok"] != .bool(true) { status = .failure }
    pending[position] = (RPCResponse.line(response, rawID: rawID) + "\n", revealing)
    while let ready = pending.removeValue(forKey: next) {
      runtime.stdout.write(ready.line, revealing: ready.revealing)
      // An answer is a whole record: nothing of it waits for the next one.
      runtime.stdout.flush()
      next += 1
    }
  }
}
