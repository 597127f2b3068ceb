// swift-tools-version: 6.1
import PackageDescription

// MARK: - The shipped binary's link

/// Linux release links of `setlist` use lld to place the functions the servers run
/// side by side, and export no symbols (Linker/README.md): a server then keeps a
/// few megabytes of its binary in memory, not dozens.
let leanLinuxLink: [LinkerSetting] = [
    .unsafeFlags([
        "-use-ld=lld",
        "-Xlinker", "--no-export-dynamic",
        "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Linker/hot-functions.order",
        "-Xlinker", "--no-warn-symbol-ordering",
    ], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "Setlist",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "setlist", targets: ["setlist"]),
        .library(name: "ServerKit", targets: ["ServerKit"]),
        .library(name: "FilesServer", targets: ["FilesServer"]),
        .library(name: "ClockServer", targets: ["ClockServer"]),
        .library(name: "SpotifyAPI", targets: ["SpotifyAPI"]),
        .library(name: "SpotifySandbox", targets: ["SpotifySandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .executableTarget(
            name: "setlist",
            dependencies: [
                "ServerKit", "FilesServer", "ClockServer", "SpotifySandbox", "SpotifyAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: leanLinuxLink
        ),
        .target(
            name: "ServerKit",
            dependencies: [
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            ]
        ),
        .target(name: "CFileSystem"),
        .target(name: "FilesServer", dependencies: ["ServerKit", "CFileSystem"]),
        .target(name: "ClockServer", dependencies: ["ServerKit", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "SpotifyAPI",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "SpotifySandbox",
            dependencies: [
                "SpotifyAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "SpotifyWorkloadBenchmark",
            dependencies: ["SpotifyAPI", "SpotifySandbox", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/SpotifyWorkload"
        ),
        .testTarget(
            name: "setlistTests",
            dependencies: [
                "setlist", "SpotifySandbox", "SpotifyAPI", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ServerKitTests",
            dependencies: [
                "ServerKit",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        .testTarget(
            name: "FilesServerTests",
            dependencies: ["FilesServer", "ServerKit", .product(name: "MCP", package: "swift-sdk")]
        ),
        .testTarget(
            name: "SpotifyAPITests",
            dependencies: [
                "SpotifyAPI", "SpotifySandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SpotifySandboxTests",
            dependencies: [
                "SpotifySandbox", "SpotifyAPI",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ClockServerTests",
            dependencies: [
                "ClockServer", "ServerKit", .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
