// swift-tools-version:6.0
//
// libFuzzer executables, one per fuzz target of Shipshape's `ShipshapeFuzzing` module.
// Built and run by `scripts/fuzz.sh` (which passes --sanitize=fuzzer --sanitize=address); kept
// out of the main package so that an ordinary `swift build` never needs the fuzzer runtime.

import PackageDescription

let targets = [
    "message": "FuzzMessage",
    "semantic-version": "FuzzSemanticVersion",
    "changelog": "FuzzChangelog",
    "configuration": "FuzzConfiguration",
    "pre-push-input": "FuzzPrePushInput",
    "received-update-input": "FuzzReceivedUpdateInput",
]

let package = Package(
    name: "ShipshapeFuzz",
    products: targets.values.sorted().map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(name: "Shipshape", path: "..")],
    targets: targets.values.sorted().map {
        .executableTarget(name: $0, dependencies: [.product(name: "ShipshapeFuzzing", package: "Shipshape")])
    }
)
