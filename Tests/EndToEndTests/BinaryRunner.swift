import Foundation

/// Runs the built executables of this package as processes, the way users and the WP-CLI bridge do.
enum BinaryRunner {
  /// The folder of the built products (`.build/<config>/`), found from the test bundle's location.
  static var productsDirectory: URL {
    var url = Bundle.main.bundleURL
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      url = bundle.bundleURL.deletingLastPathComponent()
    }
    if FileManager.default.fileExists(atPath: url.appendingPathComponent("closte").path) { return url }
    // Swift Testing without XCTest bundles: walk up from the test binary.
    var candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<6 {
      if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("closte").path) { return candidate }
      candidate.deleteLastPathComponent()
    }
    return url
  }

  static var closte: String { productsDirectory.appendingPathComponent("closte").path }
  static var simulator: String { productsDirectory.appendingPathComponent("closte-simulator").path }

  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The exact bytes, for output that need not be UTF-8.
    var stdoutBytes: [UInt8] = []
    var stderrBytes: [UInt8] = []
  }

  /// Runs `executable` (closte by default) with `arguments`, feeding `input` on standard input.
  /// Output goes through temporary files, so a chatty child can never block on a full pipe.
  static func run(
    _ arguments: [String], executable: String = closte, input: String = "",
    environment: [String: String]? = nil, currentDirectory: String? = nil
  ) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("closte-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let paths = ["in", "out", "err"].map { folder.appendingPathComponent($0) }
    try Data(input.utf8).write(to: paths[0])
    _ = FileManager.default.createFile(atPath: paths[1].path, contents: nil)
    _ = FileManager.default.createFile(atPath: paths[2].path, contents: nil)
    let handles = try paths.enumerated().map { index, path in
      index == 0 ? try FileHandle(forReadingFrom: path) : try FileHandle(forWritingTo: path)
    }
    process.standardInput = handles[0]
    process.standardOutput = handles[1]
    process.standardError = handles[2]
    try process.run()
    process.waitUntilExit()
    for handle in handles { try? handle.close() }
    let out = [UInt8](try Data(contentsOf: paths[1]))
    let err = [UInt8](try Data(contentsOf: paths[2]))
    return Output(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self), stdoutBytes: out, stderrBytes: err)
  }
}
