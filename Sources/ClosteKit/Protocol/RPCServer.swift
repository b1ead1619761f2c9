/// `closte rpc`: reads requests from standard input, answers each with one JSON line on standard
/// output, in order. Exit 0 when every request succeeded, 1 when any failed.
public enum RPCServer {
  public static func serve(runtime: Runtime, table: CommandTable = .standard) async -> ExitStatus {
    let reader = RPCStreamReader(source: runtime.stdin)
    let dispatcher = Dispatcher(table: table)
    var status = ExitStatus.success
    while let item = reader.next() {
      let response: JSONValue
      var reveal = false
      switch item {
      case .invalid(let reason):
        response = RPCResponse.failure(id: .null, error: .invalidRequest(reason))
      case .value(let value):
        do {
          let request = try RPCRequest.decode(value, table: table)
          reveal = (try? request.invocation.flag("reveal")) == true
          if request.invocation.command == "rpc" {
            throw RPCRequestError(id: request.id, error: .invalidRequest("`rpc` cannot be sent through rpc."))
          }
          switch await dispatcher.execute(request.invocation, runtime: runtime, isRPC: true) {
          case .result(let result): response = RPCResponse.success(id: request.id, result: result)
          case .failure(let error): response = RPCResponse.failure(id: request.id, error: error)
          }
        } catch let failure as RPCRequestError {
          response = RPCResponse.failure(id: failure.id, error: failure.error)
        } catch {
          response = RPCResponse.failure(id: .null, error: .invalidRequest("\(error)"))
        }
      }
      if response["ok"] != .bool(true) { status = .failure }
      // Secrets are masked in every answer, but for a request that asked for them with --reveal.
      let line = JSONWriter.encode(response)
      runtime.stdout.write((reveal ? line : runtime.redactor.redact(line)) + "\n")
    }
    return status
  }
}
