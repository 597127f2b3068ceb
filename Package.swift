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
        .library(name: "SpotifyModels", targets: ["SpotifyModels"]),
        .library(name: "SpotifyAPI", targets: ["SpotifyAPI"]),
        .library(name: "Curation", targets: ["Curation"]),
        .library(name: "SpotifySandbox", targets: ["SpotifySandbox"]),
        .library(name: "SpotifyServer", targets: ["SpotifyServer"]),
        .library(name: "Host", targets: ["Host"]),
        .library(name: "Capture", targets: ["Capture"]),
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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .executableTarget(
            name: "setlist",
            dependencies: [
                "ServerKit", "FilesServer", "ClockServer", "SpotifyServer", "SpotifySandbox", "SpotifyAPI", "SpotifyModels", "Host", "Capture",
                "OutgoingHTTPS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: leanLinuxLink
        ),

        // MARK: MCP serving and the small servers

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
        .target(
            name: "FilesServer",
            dependencies: [
                "ServerKit", "CFileSystem",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ClockServer",
            dependencies: [
                "ServerKit",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Outgoing HTTPS

        .target(
            name: "OutgoingHTTPS",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),

        // MARK: Spotify

        .target(name: "SpotifyModels"),
        .target(
            name: "SpotifyAPI",
            dependencies: [
                "SpotifyModels", "OutgoingHTTPS",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(name: "Curation", dependencies: ["SpotifyModels"]),
        .target(
            name: "SpotifySandbox",
            dependencies: [
                "SpotifyModels",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SpotifyServer",
            dependencies: [
                "ServerKit", "SpotifyAPI", "SpotifyModels", "Curation", "SpotifySandbox",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: The host

        .target(
            name: "Host",
            dependencies: [
                "ServerKit", "OutgoingHTTPS",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // MARK: Reading captures of MCP traffic

        .target(
            name: "Capture",
            dependencies: [
                "ServerKit",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "SpotifyWorkloadBenchmark",
            dependencies: [
                "SpotifyAPI", "SpotifyServer", "SpotifySandbox",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/SpotifyWorkload"
        ),
        .executableTarget(
            name: "RecommendationBenchmark",
            dependencies: [
                "Curation", "SpotifyAPI", "SpotifyModels", "SpotifySandbox", "SpotifyServer",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/Recommendations"
        ),

        // MARK: Tests

        .testTarget(
            name: "setlistTests",
            dependencies: [
                "setlist", "SpotifySandbox", "SpotifyAPI", "SpotifyModels", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ServerKitTests",
            dependencies: [
                "ServerKit",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "FilesServerTests",
            dependencies: [
                "FilesServer", "ServerKit",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ClockServerTests",
            dependencies: [
                "ClockServer", "ServerKit",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "SpotifyModelsTests", dependencies: ["SpotifyModels"]),
        .testTarget(
            name: "OutgoingHTTPSTests",
            dependencies: ["OutgoingHTTPS", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl")]
        ),
        .testTarget(
            name: "HostTests",
            dependencies: [
                "Host", "ServerKit",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "CaptureTests",
            dependencies: [
                "Capture", "ServerKit", .product(name: "MCP", package: "swift-sdk"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "CurationTests", dependencies: ["Curation", "SpotifyModels"], exclude: ["Mood/Fixtures"]),
        .testTarget(
            name: "SpotifyAPITests",
            dependencies: [
                "SpotifyAPI", "SpotifyModels", "SpotifySandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SpotifySandboxTests",
            dependencies: [
                "SpotifySandbox", "SpotifyModels", "SpotifyAPI",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SpotifyServerTests",
            dependencies: [
                "SpotifyServer", "SpotifyAPI", "SpotifyModels", "SpotifySandbox", "ServerKit", "Curation",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
