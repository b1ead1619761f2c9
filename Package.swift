// swift-tools-version:6.0
// closte: a companion binary for WordPress multisite networks hosted on Closte.
// No package dependencies: the toolchain's libraries and the system's C libraries only.
import PackageDescription

let package = Package(
  name: "closte",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "closte", targets: ["closte"]),
    .executable(name: "closte-simulator", targets: ["closte-simulator"]),
    .library(name: "ClosteKit", targets: ["ClosteKit"]),
  ],
  targets: [
    // The commit, date and Swift version of a release build, which scripts/release.sh passes with -Xcc -D.
    .target(name: "CBuildInfo", path: "Sources/CBuildInfo"),
    // libcurl loaded on first use, so commands that make no HTTP call do not pay for it at start.
    .target(name: "CCurlLoader", path: "Sources/CCurlLoader"),
    // OpenSSL loaded on first use, so commands that open no TLS connection do not pay for it at start
    // (its headers, from libssl-dev, are read at build time; nothing links -lssl).
    .target(name: "COpenSSLLoader", path: "Sources/COpenSSLLoader"),
    // prctl(PR_SET_DUMPABLE) and the core-file limit: a closte process never leaves a core dump.
    .target(name: "CProcessGuard", path: "Sources/CProcessGuard"),
    // JSON and PHP values: the bottom, the standard library only.
    .target(name: "Values", dependencies: [], path: "Sources/Values"),
    // The error type, exit status, output sinks and input sources, the clock, the version.
    .target(name: "Diagnostics", dependencies: ["Values", "CProcessGuard"], path: "Sources/Diagnostics"),
    // The lexer and constant-expression evaluator for PHP source.
    .target(name: "PHPReader", dependencies: ["Values"], path: "Sources/PHPReader"),
    // Finds wp-config.php, follows includes, produces the definitions.
    .target(name: "WPConfig", dependencies: ["Values", "Diagnostics", "PHPReader"], path: "Sources/WPConfig"),
    // WP-CLI's formats (table, json, csv, yaml, count, ids), byte for byte: pure.
    .target(name: "Output", dependencies: ["Values", "Diagnostics"], path: "Sources/Output"),
    // The only module that knows libcurl.
    .target(name: "HTTP", dependencies: ["Values", "Diagnostics", "CCurlLoader"], path: "Sources/HTTP"),
    // Domain names as Closte takes them: IDNA, punycode.
    .target(name: "DomainNames", dependencies: ["Diagnostics"], path: "Sources/DomainNames"),
    // The Closte API client, retries, the domain model, sync planning and batches.
    .target(
      name: "ClosteAPI", dependencies: ["Values", "Diagnostics", "HTTP", "DomainNames"],
      path: "Sources/ClosteAPI"),
    // Non-blocking sockets with deadlines, for DNS and TLS.
    .target(name: "Sockets", dependencies: [], path: "Sources/Sockets"),
    // The resolver client: wire format, UDP/TCP transport, resolv.conf.
    .target(name: "DNS", dependencies: ["Values", "Diagnostics", "DomainNames", "Sockets"], path: "Sources/DNS"),
    // Certificate fetch and verdict: the only module that knows OpenSSL.
    .target(
      name: "TLS", dependencies: ["Values", "Diagnostics", "Sockets", "DNS", "COpenSSLLoader"], path: "Sources/TLS"),
    // The domain stage machine, with an injected clock.
    .target(name: "Stages", dependencies: ["Values", "Diagnostics", "Sockets", "DNS", "TLS"], path: "Sources/Stages"),
    // The checks over every domain of the network, run concurrently.
    .target(name: "NetworkChecks", dependencies: ["Values", "Stages"], path: "Sources/NetworkChecks"),
    // The wu-logs writer.
    .target(name: "Logs", dependencies: ["Values", "Diagnostics"], path: "Sources/Logs"),
    // The checks of `closte doctor`.
    .target(
      name: "Doctor", dependencies: ["Values", "Diagnostics", "WPConfig", "Stages", "NetworkChecks"],
      path: "Sources/Doctor"),
    // The command layer: argv, rpc, the command table and the commands; the only module that knows CommandContext.
    .target(
      name: "ClosteKit",
      dependencies: [
        "Values", "Diagnostics", "PHPReader", "WPConfig", "Output", "HTTP", "DomainNames", "ClosteAPI", "Sockets",
        "DNS", "TLS", "Stages", "NetworkChecks", "Logs", "Doctor", "CBuildInfo",
      ],
      path: "Sources/ClosteKit"
    ),
    .executableTarget(
      name: "closte",
      dependencies: ["ClosteKit", "Diagnostics"],
      path: "Sources/closte"
    ),
    .executableTarget(
      name: "closte-simulator",
      dependencies: [],
      path: "Sources/closte-simulator"
    ),
    // What several test targets share: a seeded random generator (and its mutations of an input), a counter.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    // Unit tests, a target per module, each over that module and the lower ones it uses.
    // Fixtures are read from beside the tests by path (no SwiftPM resources).
    .testTarget(name: "ValuesTests", dependencies: ["Values"], path: "Tests/ValuesTests"),
    .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "Values"], path: "Tests/DiagnosticsTests"),
    .testTarget(name: "PHPReaderTests", dependencies: ["PHPReader"], path: "Tests/PHPReaderTests"),
    .testTarget(
      name: "WPConfigTests", dependencies: ["WPConfig", "PHPReader", "Diagnostics", "Values", "TestSupport"],
      path: "Tests/WPConfigTests", exclude: ["Fixtures"]),
    .testTarget(
      name: "OutputTests", dependencies: ["Output", "Diagnostics", "Values"], path: "Tests/OutputTests",
      exclude: ["Fixtures"]),
    .testTarget(name: "HTTPTests", dependencies: ["HTTP", "Values"], path: "Tests/HTTPTests"),
    .testTarget(
      name: "DomainNamesTests", dependencies: ["DomainNames", "Diagnostics", "Values", "TestSupport"],
      path: "Tests/DomainNamesTests", exclude: ["Fixtures"]),
    .testTarget(
      name: "ClosteAPITests",
      dependencies: ["ClosteAPI", "HTTP", "DomainNames", "Diagnostics", "Values", "TestSupport"],
      path: "Tests/ClosteAPITests", exclude: ["Fixtures"]),
    .testTarget(
      name: "DNSTests", dependencies: ["DNS", "Sockets", "Diagnostics", "Values", "TestSupport"],
      path: "Tests/DNSTests"),
    .testTarget(name: "SocketsTests", dependencies: ["Sockets", "TestSupport"], path: "Tests/SocketsTests"),
    .testTarget(name: "TLSTests", dependencies: ["TLS", "Values"], path: "Tests/TLSTests"),
    .testTarget(name: "StagesTests", dependencies: ["Stages", "Diagnostics", "Values"], path: "Tests/StagesTests"),
    .testTarget(name: "NetworkChecksTests", dependencies: ["NetworkChecks"], path: "Tests/NetworkChecksTests"),
    .testTarget(name: "LogsTests", dependencies: ["Logs", "Diagnostics", "Values"], path: "Tests/LogsTests"),
    .testTarget(
      name: "DoctorTests", dependencies: ["Doctor", "WPConfig", "Diagnostics", "Values"], path: "Tests/DoctorTests"),
    // The command layer: argv, rpc, the command table and the commands.
    .testTarget(
      name: "ClosteKitTests",
      dependencies: ["ClosteKit", "Values", "Diagnostics", "WPConfig", "Output", "Stages", "TestSupport"],
      path: "Tests/ClosteKitTests",
      exclude: ["Commands/Fixtures"]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["ClosteKit", "closte", "closte-simulator", "Values", "Diagnostics", "DNS", "TLS", "TestSupport"],
      path: "Tests/EndToEndTests"
    ),
  ],
  swiftLanguageModes: [.v5]
)
