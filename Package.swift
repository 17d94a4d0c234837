// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

/// The engine's hot loops run over unsafe pointers already: -Ounchecked drops the remaining overflow traps in
/// release, and debug builds are optimised too (unoptimised SIMD code is ~40x slower, which would make the
/// parity tests crawl).
let engine: [SwiftSetting] = strict + [
    .unsafeFlags(["-Ounchecked"], .when(configuration: .release)),
    .unsafeFlags(["-O"], .when(configuration: .debug)),
]

/// The prepacked GEMM kernels need FMA/AVX2 code generation: without a target CPU, `SIMD.addingProduct` lowers
/// to a call to `fmaf` per lane. Only reached when `KernelSupport.isSupported` (else OpenBLAS does the work; on
/// other architectures the module builds for the baseline and is never used). `BuiltinModule` lets `Prefetch`
/// reach LLVM's prefetch intrinsic, which the standard library does not expose.
#if arch(x86_64)
let kernelCPU = ["-target-cpu", "haswell"]
#else
let kernelCPU: [String] = []
#endif
let kernels: [SwiftSetting] = strict + [
    .enableExperimentalFeature("BuiltinModule"),
    .unsafeFlags(["-Ounchecked"] + kernelCPU, .when(configuration: .release)),
    .unsafeFlags(["-O"] + kernelCPU, .when(configuration: .debug)),
]

let package = Package(
    name: "Valence",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "valence", targets: ["valence"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    ],
    targets: [
        // Leaves: no server or database imports.
        .target(
            name: "ValenceLexicon",
            resources: [.copy("Resources/vader_lexicon.txt"), .copy("Resources/emoji_utf8_lexicon.txt"), .copy("Resources/LICENSE-vaderSentiment.txt")],
            swiftSettings: strict
        ),
        .target(name: "ValenceTokenizers", swiftSettings: strict),
        .target(name: "ValenceResilience", swiftSettings: strict),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .target(name: "ValenceKernels", swiftSettings: kernels),
        .target(name: "ValenceEngine", dependencies: ["CBLAS", "ValenceKernels"], swiftSettings: engine),
        .target(
            name: "ValenceCore",
            dependencies: [
                "ValenceLexicon",
                "ValenceResilience",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(name: "ValenceEval", dependencies: ["ValenceCore"], swiftSettings: strict),
        .target(
            name: "ValenceDashboard",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ValenceModels",
            dependencies: [
                "ValenceCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ValenceStorage",
            dependencies: [
                "ValenceCore",
                "ValenceResilience",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ValenceDatabase",
            dependencies: [
                "ValenceStorage",
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ValenceAlerts",
            dependencies: [
                "ValenceCore",
                "ValenceResilience",
                "ValenceStorage",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ValenceSources",
            dependencies: [
                "ValenceCore",
                "ValenceStorage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ValenceJobs",
            dependencies: [
                "ValenceCore",
                "ValenceStorage",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ValenceHTTP",
            dependencies: [
                "ValenceCore",
                "ValenceDashboard",
                "ValenceModels",
                "ValenceResilience",
                "ValenceStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ValenceApp",
            dependencies: [
                "ValenceAlerts",
                "ValenceJobs",
                "ValenceSources",
                "ValenceDatabase",
                "ValenceCore",
                "ValenceModels",
                "ValenceEngine",
                "ValenceResilience",
                "ValenceTokenizers",
                "ValenceStorage",
                "ValenceHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "valence",
            dependencies: [
                "CBLAS",
                "ValenceApp",
                "ValenceCore",
                "ValenceEngine",
                "ValenceEval",
                "ValenceLexicon",
                "ValenceModels",
                "ValenceTokenizers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "AnalyticsBench",
            dependencies: ["ValenceDatabase", "ValenceStorage", .product(name: "PostgresKit", package: "postgres-kit")],
            path: "Benchmarks/AnalyticsBench",
            swiftSettings: strict
        ),
        .executableTarget(name: "TokenizerBench", dependencies: ["ValenceTokenizers"], path: "Benchmarks/TokenizerBench", swiftSettings: strict),
        .target(
            name: "ValenceTestSupport",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/ValenceTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "ValenceLexiconTests", dependencies: ["ValenceLexicon", "ValenceTestSupport"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "ValenceKernelsTests", dependencies: ["ValenceKernels", "CBLAS"], swiftSettings: engine),
        .testTarget(name: "ValenceEngineTests", dependencies: ["ValenceEngine"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "ValenceTokenizersTests", dependencies: ["ValenceTokenizers"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "ValenceResilienceTests", dependencies: ["ValenceResilience"], swiftSettings: strict),
        .testTarget(
            name: "ValenceModelsTests",
            dependencies: [
                "ValenceModels", "ValenceCore", "ValenceTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ValenceDashboardTests",
            dependencies: [
                "ValenceDashboard",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "ValenceEvalTests", dependencies: ["ValenceEval", "ValenceCore"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "ValenceCoreTests", dependencies: ["ValenceCore", "ValenceTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ValenceAlertsTests",
            dependencies: [
                "ValenceAlerts", "ValenceCore", "ValenceResilience", "ValenceStorage", "ValenceTestSupport",
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // TestDatabase and ConformanceCheck, shared by every test target that runs on SQLite and PostgreSQL.
        .target(
            name: "ValenceDatabaseTestSupport",
            dependencies: [
                "ValenceStorage", "ValenceTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            path: "Tests/ValenceDatabaseTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "ValenceStorageTests",
            dependencies: [
                "ValenceStorage", "ValenceResilience", "ValenceCore", "ValenceTestSupport", "ValenceDatabaseTestSupport",
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ValenceJobsTests",
            dependencies: [
                "ValenceJobs", "ValenceStorage", "ValenceCore", "ValenceTestSupport", "ValenceDatabaseTestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ValenceSourcesTests",
            dependencies: [
                "ValenceSources", "ValenceStorage", "ValenceCore", "ValenceTestSupport", "ValenceDatabaseTestSupport",
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ValenceDatabaseTests",
            dependencies: ["ValenceDatabase", "ValenceStorage", "ValenceTestSupport", .product(name: "PostgresKit", package: "postgres-kit")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ValenceHTTPTests",
            dependencies: ["ValenceHTTP", "ValenceApp", "ValenceTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ValenceAppTests",
            dependencies: [
                "ValenceApp", "ValenceTestSupport", "ValenceDatabase", "ValenceStorage",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
    ]
)
