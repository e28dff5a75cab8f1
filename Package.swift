// swift-tools-version:6.0
//
// Shipshape: git hooks that make a release process enforce itself.
//
// The C libraries sit behind two walls (ShipshapeGit, ShipshapePatterns); the pure domains
// (message, policy, diagnostics) never touch I/O; ShipshapeHooks composes them into one use case
// per hook or command; ShipshapeFrontEnd owns the console, one reporter per output format and the
// exit-status table, so each executable's main.swift is one call: FrontEnd.main(Program.self).

import PackageDescription

/// Settings shared by every Swift target.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// On Linux the executables do not link libgit2: CGit2Loader loads it on first use (see
/// Sources/CGit2Loader/loader.c), so commands that never open a repository do not pay the 2-3 ms
/// that loading Debian's libgit2 and its dependencies costs. The headers come from /usr/include.
#if os(Linux)
let libgit2PkgConfig: String? = nil
#else
let libgit2PkgConfig: String? = "libgit2"
#endif

let package = Package(
    name: "Shipshape",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shipshape", targets: ["shipshape"]),
        .executable(name: "commit-msg", targets: ["commit-msg"]),
        .executable(name: "pre-push", targets: ["pre-push"]),
        .executable(name: "pre-receive", targets: ["pre-receive"]),
        .executable(name: "post-merge", targets: ["post-merge"]),
        .executable(name: "changelog-sync", targets: ["changelog-sync"]),
        // For the libFuzzer executables of Fuzz/Package.swift only.
        .library(name: "ShipshapeFuzzing", targets: ["ShipshapeFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: C libraries
        .systemLibrary(
            name: "CGit2", pkgConfig: libgit2PkgConfig,
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]),
        .systemLibrary(
            name: "CPCRE2", pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]),

        // MARK: The values the Git wall returns and the domains share (C-free)
        .target(name: "ShipshapeModel", swiftSettings: strict),

        // MARK: Walls around the C libraries
        .target(
            name: "CGit2Loader", dependencies: ["CGit2"],
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "ShipshapeGit", dependencies: ["CGit2", "CGit2Loader", "ShipshapeModel"], swiftSettings: strict),
        .target(name: "ShipshapePatterns", dependencies: ["CPCRE2"], swiftSettings: strict),

        // MARK: Pure domains
        .target(name: "ShipshapeDiagnostics", swiftSettings: strict),
        .target(name: "ShipshapeMessage", dependencies: ["ShipshapeDiagnostics"], swiftSettings: strict),
        .target(
            name: "ShipshapePolicy",
            dependencies: ["ShipshapeMessage", "ShipshapeDiagnostics", "ShipshapePatterns"],
            swiftSettings: strict),

        .target(
            name: "ShipshapeVersioning", dependencies: ["ShipshapeModel", "ShipshapePatterns", "ShipshapeMessage", "ShipshapeDiagnostics"],
            swiftSettings: strict),
        .target(name: "ShipshapeChangelog", dependencies: ["ShipshapeModel", "ShipshapeMessage", "ShipshapeVersioning"], swiftSettings: strict),

        // MARK: Configuration (the only TOML reader)
        .target(
            name: "ShipshapeConfiguration",
            dependencies: [
                "ShipshapePolicy", "ShipshapeMessage", "ShipshapePatterns", "ShipshapeVersioning", "ShipshapeChangelog",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict),

        // MARK: Use cases
        .target(
            name: "ShipshapeHooks",
            dependencies: [
                "ShipshapeModel", "ShipshapeGit", "ShipshapePatterns", "ShipshapeDiagnostics", "ShipshapeMessage",
                "ShipshapePolicy", "ShipshapeConfiguration", "ShipshapeVersioning", "ShipshapeChangelog",
            ],
            swiftSettings: strict),

        // MARK: The front end: console, reporters (one per output format), the exit-status table
        // and the hook programs, without ArgumentParser (a hook starts on every commit)
        .target(name: "ShipshapeFrontEnd", dependencies: ["ShipshapeHooks", "ShipshapeDiagnostics"], swiftSettings: strict),

        // MARK: The ArgumentParser side of the front end, for shipshape and changelog-sync
        .target(
            name: "ShipshapeCommandLine",
            dependencies: [
                "ShipshapeFrontEnd", "ShipshapeHooks", "ShipshapeDiagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),

        // MARK: Fuzz targets (run by libFuzzer from Fuzz/, replayed from Fuzz/Corpus by FuzzingTests)
        .target(
            name: "ShipshapeFuzzing",
            dependencies: [
                "ShipshapeMessage", "ShipshapePolicy", "ShipshapeDiagnostics", "ShipshapeVersioning", "ShipshapeChangelog",
                "ShipshapeConfiguration", "ShipshapeModel", "ShipshapeGit", "ShipshapeHooks", "ShipshapeFrontEnd",
            ],
            swiftSettings: strict),

        // MARK: Executables
        .executableTarget(name: "commit-msg", dependencies: ["ShipshapeFrontEnd"], swiftSettings: strict),
        .executableTarget(name: "pre-push", dependencies: ["ShipshapeFrontEnd"], swiftSettings: strict),
        .executableTarget(name: "pre-receive", dependencies: ["ShipshapeFrontEnd"], swiftSettings: strict),
        .executableTarget(name: "post-merge", dependencies: ["ShipshapeFrontEnd"], swiftSettings: strict),
        .executableTarget(
            name: "changelog-sync",
            dependencies: [
                "ShipshapeHooks", "ShipshapeFrontEnd", "ShipshapeCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "shipshape",
            dependencies: [
                "ShipshapeHooks", "ShipshapeFrontEnd", "ShipshapeCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),

        // MARK: Tests
        .target(name: "ShipshapeTestSupport", path: "Tests/ShipshapeTestSupport", swiftSettings: strict),
        .testTarget(name: "PatternsTests", dependencies: ["ShipshapePatterns"], swiftSettings: strict),
        .testTarget(name: "GitTests", dependencies: ["ShipshapeModel", "ShipshapeGit", "ShipshapeTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "MessageTests", dependencies: ["ShipshapeMessage", "ShipshapeDiagnostics"], swiftSettings: strict),
        .testTarget(
            name: "PolicyTests",
            dependencies: ["ShipshapePolicy", "ShipshapeMessage", "ShipshapeDiagnostics"],
            swiftSettings: strict),
        .testTarget(
            name: "ConfigurationTests",
            dependencies: ["ShipshapeConfiguration", "ShipshapePolicy", "ShipshapeVersioning", "ShipshapeChangelog", "ShipshapePatterns"],
            swiftSettings: strict),
        .testTarget(
            name: "VersioningTests",
            dependencies: ["ShipshapeModel", "ShipshapeVersioning", "ShipshapeDiagnostics", "ShipshapeMessage", "ShipshapePatterns"],
            swiftSettings: strict),
        .testTarget(
            name: "ChangelogTests", dependencies: ["ShipshapeChangelog", "ShipshapeMessage", "ShipshapeVersioning"],
            swiftSettings: strict),
        .testTarget(
            name: "HooksTests", dependencies: ["ShipshapeModel", "ShipshapeHooks", "ShipshapeFrontEnd", "ShipshapeTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "DiagnosticsTests", dependencies: ["ShipshapeDiagnostics"], swiftSettings: strict),
        .testTarget(
            name: "FrontEndTests", dependencies: ["ShipshapeFrontEnd", "ShipshapeDiagnostics", "ShipshapeHooks"], swiftSettings: strict),
        .testTarget(
            name: "PropertyTests",
            dependencies: [
                "ShipshapeVersioning", "ShipshapeChangelog",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict),
        .testTarget(name: "FuzzingTests", dependencies: ["ShipshapeFuzzing"], swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ShipshapeTestSupport", "shipshape", "commit-msg", "pre-push", "pre-receive", "post-merge", "changelog-sync"],
            swiftSettings: strict),
        // Run the release artefacts (scripts/package.sh); skipped unless SHIPSHAPE_DIST is set.
        .testTarget(name: "PackagingTests", dependencies: ["ShipshapeTestSupport"], swiftSettings: strict),
    ]
)
