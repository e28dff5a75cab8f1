import Foundation
import ShipshapeTestSupport

/// The release artefacts under test and the tools the tests need, found through the environment
/// that `SHIPSHAPE_PACKAGING=1 ./scripts/test.sh` sets up (after `scripts/package.sh --wheel`).
///
/// - `SHIPSHAPE_DIST`: the directory holding `shipshape-*-linux-*.tar.gz` and the wheel;
/// - `SHIPSHAPE_TOOLS_VENV`: a virtual environment with pre-commit, prek and lefthook.
///
/// Without them the packaging suites are skipped (a plain `swift test` has no release build).
enum Artefacts {
    /// The package root (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// `SHIPSHAPE_DIST` made absolute, when set.
    static let dist: String? = ProcessInfo.processInfo.environment["SHIPSHAPE_DIST"].flatMap { value in
        value.isEmpty ? nil : (value.hasPrefix("/") ? value : packageRoot + "/" + value)
    }

    /// The bin directory of `SHIPSHAPE_TOOLS_VENV`, when set.
    static let toolsBin: String? = ProcessInfo.processInfo.environment["SHIPSHAPE_TOOLS_VENV"].flatMap { value in
        value.isEmpty ? nil : (value.hasPrefix("/") ? value : packageRoot + "/" + value) + "/bin"
    }

    /// The one file in `dist` whose name has the prefix and suffix.
    static func file(prefix: String, suffix: String) throws -> String {
        guard let dist else { throw PackagingError("SHIPSHAPE_DIST is not set") }
        let names = try FileManager.default.contentsOfDirectory(atPath: dist).filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }
        guard names.count == 1, let name = names.first else {
            throw PackagingError("expected one \(prefix)*\(suffix) in \(dist), found \(names); run scripts/package.sh --wheel")
        }
        return dist + "/" + name
    }

    /// The release tarball.
    static func tarball() throws -> String { try file(prefix: "shipshape-", suffix: ".tar.gz") }

    /// The wheel.
    static func wheel() throws -> String { try file(prefix: "shipshape_hooks-", suffix: ".whl") }

    /// Unpacks the tarball into `directory`.
    ///
    /// - Returns: the release tree (`.../shipshape-VERSION-linux-ARCH`).
    static func unpack(into directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let tarball = try tarball()
        let result = try run("tar", ["-xzf", tarball, "-C", directory], in: directory, environment: ProcessInfo.processInfo.environment)
        guard result.status == 0 else { throw PackagingError("tar failed: \(result)") }
        let name = URL(fileURLWithPath: tarball).lastPathComponent.replacingOccurrences(of: ".tar.gz", with: "")
        return directory + "/" + name
    }

    /// A PATH with the test process' directories except the Swift toolchain's.
    static func pathWithoutSwift(prepending extra: [String] = []) -> String {
        let current = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        let kept = current.filter { !FileManager.default.isExecutableFile(atPath: $0 + "/swift") || $0 == "/usr/bin" || $0 == "/bin" }
        return (extra + kept).joined(separator: ":")
    }

    /// The real Python interpreter (not a pyenv shim, which needs the developer's HOME).
    static func python() throws -> String {
        let result = try run("python3", ["-c", "import sys; print(sys.executable)"], in: "/", environment: ProcessInfo.processInfo.environment)
        guard result.status == 0, !result.trimmedStdout.isEmpty else { throw PackagingError("python3 is needed: \(result)") }
        return result.trimmedStdout
    }
}

/// A packaging test could not set itself up.
struct PackagingError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
