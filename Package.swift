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
    .systemLibrary(
      name: "COpenSSL",
      path: "Sources/COpenSSL",
      pkgConfig: "openssl",
      providers: [.apt(["libssl-dev"])]
    ),
    // The commit, date and Swift version of a release build, which scripts/release.sh passes with -Xcc -D.
    .target(name: "CBuildInfo", path: "Sources/CBuildInfo"),
    // libcurl loaded on first use, so commands that make no HTTP call do not pay for it at start.
    .target(name: "CCurlLoader", path: "Sources/CCurlLoader"),
    .target(
      name: "ClosteKit",
      dependencies: ["COpenSSL", "CBuildInfo", "CCurlLoader"],
      path: "Sources/ClosteKit"
    ),
    .executableTarget(
      name: "closte",
      dependencies: ["ClosteKit"],
      path: "Sources/closte"
    ),
    .executableTarget(
      name: "closte-simulator",
      dependencies: [],
      path: "Sources/closte-simulator"
    ),
    .testTarget(
      name: "ClosteKitTests",
      dependencies: ["ClosteKit"],
      path: "Tests/ClosteKitTests",
      // Fixtures are read from beside the tests by path (no SwiftPM resources).
      exclude: ["WPConfig/Fixtures", "Output/Fixtures", "Closte/Fixtures", "Commands/Fixtures"]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["ClosteKit", "closte", "closte-simulator"],
      path: "Tests/EndToEndTests"
    ),
  ],
  swiftLanguageModes: [.v5]
)
