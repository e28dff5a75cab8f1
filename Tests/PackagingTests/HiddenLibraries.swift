import Foundation
import ShipshapeTestSupport

/// Runs commands as on a machine without the build machine's libgit2, PCRE2 (and the rest of
/// what the release bundles) and without the Swift toolchain.
///
/// Each command runs in its own mount namespace (`unshare -m`, as root) in which every system copy
/// of the bundled libraries is covered by `/dev/null` (so the loader fails loudly if it reaches
/// one: "file too short"), the toolchain's runtime directory by an empty tmpfs and its `swift` by
/// `/dev/null`. The rest of the machine is untouched.
struct HiddenLibraries {
    /// The sonames to hide.
    let sonames: [String]

    /// Hides every library a release bundles (read from its `share/shipshape/bundled-libraries`).
    static func all(of release: String) throws -> HiddenLibraries {
        let list = try String(contentsOfFile: release + "/share/shipshape/bundled-libraries", encoding: .utf8)
        return HiddenLibraries(sonames: list.split(separator: "\n").map(String.init))
    }

    /// Hides the bundled libraries that git itself does not need (git links PCRE2 and zlib, and
    /// the tests drive real git); the programs' loading of those is checked by `all(of:)` runs.
    static func exceptGits(of release: String) throws -> HiddenLibraries {
        let all = try all(of: release)
        let git = try resolveExecutable("git", environment: ProcessInfo.processInfo.environment)
        let ldd = try ShipshapeTestSupport.run("ldd", [git], in: "/", environment: ProcessInfo.processInfo.environment)
        var needed: Set<String> = []
        for line in ldd.stdout.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if let soname = words.first { needed.insert(String(soname)) }
        }
        return HiddenLibraries(sonames: all.sonames.filter { !needed.contains($0) })
    }

    /// The shell script that sets up the namespace, then execs its arguments.
    private static let script = #"""
        set -eu
        list=$1; swift=$2; shift 2
        arch=$(uname -m)-linux-gnu
        targets=
        for so in $list; do
            for dir in /lib /usr/lib /lib64 /usr/lib64 /lib/$arch /usr/lib/$arch /usr/local/lib; do
                if [ -e "$dir/$so" ]; then targets="$targets $(readlink -f "$dir/$so")"; fi
            done
        done
        last=
        for target in $(printf '%s\n' $targets | sort -u); do
            # mount itself needs PCRE2 (through libselinux): cover it last.
            case $target in */libpcre2-8.so*) last=$target; continue ;; esac
            mount --bind /dev/null "$target"
        done
        if [ -n "$swift" ]; then
            runtime=$(dirname "$(dirname "$swift")")/lib/swift
            if [ -d "$runtime" ]; then mount -t tmpfs none "$runtime"; fi
            mount --bind /dev/null "$swift"
        fi
        if [ -n "$last" ]; then mount --bind /dev/null "$last"; fi
        exec "$@"
        """#

    /// The toolchain's `swift`, symbolic links resolved, if it is on PATH.
    private static let swift: String = {
        guard let path = try? resolveExecutable("swift", environment: ProcessInfo.processInfo.environment) else { return "" }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }()

    /// Runs a command with the libraries and the toolchain hidden.
    ///
    /// - Parameters:
    ///   - executable: absolute path or a name on `environment["PATH"]`.
    ///   - arguments: its arguments.
    ///   - directory: the working directory.
    ///   - environment: the command's environment.
    ///   - stdin: text on standard input.
    /// - Returns: the command's result.
    func run(
        _ executable: String, _ arguments: [String], in directory: String, environment: [String: String], stdin: String? = nil
    ) throws -> ProcessResult {
        let program = try resolveExecutable(executable, environment: environment)
        let wrapped = ["-m", "/bin/sh", "-c", Self.script, "sh", sonames.joined(separator: " "), Self.swift, program] + arguments
        return try ShipshapeTestSupport.run("/usr/bin/unshare", wrapped, in: directory, environment: environment, stdin: stdin)
    }
}

/// What the dynamic loader loaded, from the files `LD_DEBUG=libs LD_DEBUG_OUTPUT=prefix` leaves.
struct LoaderTrace {
    /// The objects each process initialised ("calling init: PATH"), by trace file.
    let objectsByProcess: [String: [String]]

    /// The environment variables that make the loader write a trace into `directory`.
    static func environment(into directory: String) -> [String: String] {
        ["LD_DEBUG": "libs", "LD_DEBUG_OUTPUT": directory + "/ld"]
    }

    /// Reads the trace files in `directory`.
    init(directory: String) throws {
        var objects: [String: [String]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasPrefix("ld.") {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            objects[name] = text.split(separator: "\n").compactMap { line in
                line.range(of: "calling init: ").map { URL(fileURLWithPath: String(line[$0.upperBound...])).standardizedFileURL.path }
            }
        }
        objectsByProcess = objects
    }

    /// The processes that loaded libgit2, with everything they loaded.
    var processesWithLibgit2: [[String]] {
        objectsByProcess.values.filter { $0.contains { $0.contains("/libgit2.so") } }
    }

    /// The C runtime's libraries, which every Linux machine has and a release may load from it.
    static let cRuntime = ["ld-linux", "libc.so", "libm.so", "libgcc_s.so", "libstdc++.so", "libresolv.so", "libdl.so", "libpthread.so", "librt.so"]

    /// The objects of one process that are neither bundled (under `bundle`) nor the C runtime.
    static func strangers(in objects: [String], bundle: String) -> [String] {
        objects.filter { path in
            !path.hasPrefix(bundle + "/") && !cRuntime.contains { URL(fileURLWithPath: path).lastPathComponent.hasPrefix($0) }
        }
    }
}
