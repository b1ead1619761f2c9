import ClosteKit
import Foundation
import Testing
import Values

/// One table drives the same `config` commands through argv and through `closte rpc`: the same data,
/// the same error code, the same verdict.
@Suite struct ConfigArgvRPCParityTests {
  enum Answer: Sendable {
    /// argv `--format=json` prints the rpc `data` with WP-CLI's fields (rpc carries closte's too).
    case data
    /// argv `--format=json` prints the rpc `data`'s `value`.
    case value
    /// argv prints the rpc `data` (a string) and a newline.
    case text
    /// argv exits 0 or 1 as the rpc `data` is true or false, and prints nothing.
    case verdict
    /// Both fail with this code (argv: WP-CLI's `Error:` line on standard error only).
    case error(String)
    /// A missing argument: argv prints the usage line on standard output and exits 1, as WP-CLI does;
    /// rpc fails with `invalid_arguments`.
    case usage
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var command: String
    var args: [String]
    var assoc: [(String, String)]
    var answer: Answer
    var testDescription: String { ([command] + args + assoc.map { "--\($0.0)=\($0.1)" }).joined(separator: " ") }
  }

  static let cases: [Case] = [
    Case(command: "config path", args: [], assoc: [], answer: .text),
    Case(command: "config list", args: [], assoc: [], answer: .data),
    Case(command: "config list", args: ["DB_"], assoc: [], answer: .data),
    Case(command: "config list", args: ["DB_NAME", "table_prefix"], assoc: [("strict", "1")], answer: .data),
    Case(command: "config list", args: ["NOPE"], assoc: [], answer: .error("not_defined")),
    Case(command: "config list", args: [], assoc: [("strict", "1")], answer: .error("invalid_arguments")),
    Case(command: "config get", args: ["DB_NAME"], assoc: [], answer: .value),
    Case(command: "config get", args: ["custom_list"], assoc: [], answer: .value),
    Case(command: "config get", args: ["FLOAT_WHOLE"], assoc: [("type", "constant")], answer: .value),
    Case(command: "config get", args: ["NOPE"], assoc: [], answer: .error("not_defined")),
    Case(command: "config get", args: ["WP_DEBUG"], assoc: [("type", "variable")], answer: .error("not_defined")),
    Case(command: "config get", args: ["DB_PASSWORD"], assoc: [], answer: .error("secret_value")),
    Case(command: "config get", args: ["DB_NAME"], assoc: [("type", "both")], answer: .error("invalid_arguments")),
    Case(command: "config get", args: [], assoc: [], answer: .data),
    Case(command: "config has", args: [], assoc: [], answer: .usage),
    Case(command: "config has", args: ["DB_NAME"], assoc: [], answer: .verdict),
    Case(command: "config has", args: ["NOPE"], assoc: [], answer: .verdict),
    Case(command: "config has", args: ["table_prefix"], assoc: [("type", "constant")], answer: .verdict),
  ]

  @Test(arguments: cases) func argvAndRPCAgree(_ test: Case) throws {
    let site = try ConfigCommandsEndToEndTests.Site()
    let words = test.command.split(separator: " ").map(String.init)
    let format: [String] =
      switch test.answer {
      case .text, .verdict, .usage: []
      default: ["--format=json"]
      }
    let argv = try site.run(words + test.args + test.assoc.map { "--\($0.0)=\($0.1)" } + format)

    var assoc = JSONObject()
    for (name, value) in test.assoc { assoc[name] = .string(value) }
    let request: JSONValue = [
      "id": 1, "command": .string(test.command), "args": .array(test.args.map(JSONValue.string)),
      "assoc_args": .object(assoc), "path": .string(site.folder),
    ]
    let rpc = try BinaryRunner.run(
      ["rpc"], input: JSONWriter.encode(request) + "\n", environment: ["PATH": "/usr/bin:/bin"])
    let response = try JSONParser.parse(rpc.stdout.trimmingCharacters(in: .whitespacesAndNewlines))

    switch test.answer {
    case .data:
      let wpCLIFields = response["data"]?.arrayValue?.map { row -> JSONValue in
        .object(JSONObject(["name", "value", "type"].map { ($0, row[$0] ?? .null) }))
      }
      #expect(try JSONParser.parse(argv.stdout) == wpCLIFields.map(JSONValue.array))
      #expect(argv.status == 0 && response["ok"] == .bool(true))
    case .value:
      #expect(try JSONParser.parse(argv.stdout) == response["data"]?["value"])
      #expect(argv.status == 0 && response["ok"] == .bool(true))
    case .text:
      #expect(
        .string(argv.stdout) == response["data"].map { value in value.stringValue.map { .string($0 + "\n") } ?? value })
      #expect(argv.status == 0 && response["ok"] == .bool(true))
    case .verdict:
      #expect(argv.stdout == "")
      #expect((argv.status == 0) == (response["data"] == .bool(true)))
      #expect(response["ok"] == .bool(true))
      // The exit status is the answer, the same through both front ends; a "no" does not fail the stream.
      #expect(response["exit_status"] == .int(Int(argv.status)))
      #expect(rpc.status == 0)
    case .error(let code):
      #expect(response["ok"] == .bool(false))
      #expect(response["error"]?["code"] == .string(code))
      #expect(argv.stdout == "")
      #expect(argv.stderr.hasPrefix("Error: " + (response["error"]?["message"]?.stringValue ?? "?")))
      #expect(argv.status == 1)
      #expect(rpc.status == 1)
    case .usage:
      #expect(response["ok"] == .bool(false))
      #expect(response["error"]?["code"] == "invalid_arguments")
      #expect(argv.stdout.hasPrefix("usage: closte \(test.command) <name>"))
      #expect(argv.stderr == "")
      #expect(argv.status == 1)
    }
  }
}
