// swift-tools-version:6.1
import PackageDescription

// Arrows point one way: roundtable → Web → Features → Storage → Domain.
let package = Package(
    name: "roundtable",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "roundtable", targets: ["roundtable"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.52.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.32.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        // Vapor's own event loops; named so that `serve` can run Swift Concurrency's jobs on them.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.8.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.1.0"),
        // Zip archives for the whole-database export; on Linux it compresses with the system zlib (zlib1g-dev).
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // Pages recorded as HTML files and compared on every run (Tests/PageSnapshotTests).
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.0"),
    ],
    targets: [
        // The interface's words: gettext catalogues, one per language, read once (Sources/Domain/Localization).
        .target(name: "Domain", resources: [.copy("Resources/Catalogs")], swiftSettings: swiftSettings),
        // HTML written from Swift values, escaped on the way out (see Sources/Markup/Component.swift).
        .target(name: "Markup", swiftSettings: swiftSettings),
        .target(
            name: "Storage",
            dependencies: [
                "Domain",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Features",
            dependencies: ["Domain", "Storage", .product(name: "Crypto", package: "swift-crypto"), .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Web",
            dependencies: [
                "Domain", "Storage", "Features",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                "Markup",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/app.css"), .copy("Resources/app.js"),
                        .copy("Resources/offline.js"), .copy("Resources/sw.js")],
            // Views are written against `Component` throughout; `any` everywhere would be noise.
            swiftSettings: []
        ),
        .executableTarget(
            name: "roundtable",
            dependencies: [
                "Web",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "DomainTests", dependencies: ["Domain"], swiftSettings: swiftSettings),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"], swiftSettings: swiftSettings),
        // The use cases on their own, against a migrated database (SQLite in memory, or PostgreSQL).
        .testTarget(
            name: "FeaturesTests",
            dependencies: [
                "Features", "Storage", "Domain",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                // PostgresNIO's types, for what `PreparedSQL` binds.
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            swiftSettings: swiftSettings
        ),
        // Every page rendered from a small fixed model and compared with its recorded HTML in __Snapshots__.
        // Record again with: SNAPSHOT_TESTING_RECORD=all swift test --filter PageSnapshotTests
        .testTarget(
            name: "PageSnapshotTests",
            dependencies: [
                "Web", "Features", "Domain", "Markup",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "Web", "Features", "Storage", "Domain",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

var swiftSettings: [SwiftSetting] {
    [.enableUpcomingFeature("ExistentialAny")]
}
