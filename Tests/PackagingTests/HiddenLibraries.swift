import Foundation
import ShipshapeTestSupport

/// Runs commands as on a machine without the build machine's libgit2, PCRE2 (and the rest of
/// what the release links in statically) and without the Swift toolchain.
///
/// Each command runs in its own mount namespace (`unshare -m`, as root) in which every system copy
/// of the bundled libraries is covered by `/dev/null` (so the loader fails loudly if it reaches
/// one: "file too short"), the toolchain's runtime directory by an empty tmpfs and its `swift` by
/// `/dev/null`. The rest of the machine is untouched.
struct HiddenLibraries {
    /// The sonames to hide.
    let sonames: [String]

    /// Hides every library a release replaces (read from its `share/shipshape/replaced-libraries`).
    static func all(of release: String) throws -> HiddenLibraries {
        let list = try String(contentsOfFile: release + "/share/shipshape/replaced-libraries", encoding: .utf8)
        return HiddenLibraries(sonames: list.split(separator: "\n").map(String.init))
    }

    /// Hides the replaced libraries that git itself does not need (git links PCRE2 and zlib, and
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
    /// The program each traced process ran ("initialize program: NAME") and the shared objects it
    /// initialised ("calling init: PATH"), by trace file (one per process).
    let processes: [(program: String, objects: [String])]

    /// The environment variables that make the loader write a trace into `directory`.
    static func environment(into directory: String) -> [String: String] {
        ["LD_DEBUG": "libs", "LD_DEBUG_OUTPUT": directory + "/ld"]
    }

    /// Reads the trace files in `directory`.
    ///
    /// The loader logs the objects it initialises, then "initialize program" for the image they
    /// belong to; objects initialised after that (dlopen) belong to that image too. An exec in
    /// the same process starts a new image in the same file.
    init(directory: String) throws {
        var processes: [(program: String, objects: [String])] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() where name.hasPrefix("ld.") {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            var pending: [String] = []
            var images: [(program: String, objects: [String])] = []
            for line in text.split(separator: "\n") {
                if let marker = line.range(of: "initialize program: ") {
                    images.append((String(line[marker.upperBound...]), pending))
                    pending = []
                } else if let marker = line.range(of: "calling init: ") {
                    pending.append(URL(fileURLWithPath: String(line[marker.upperBound...])).standardizedFileURL.path)
                }
            }
            if !pending.isEmpty, !images.isEmpty { images[images.count - 1].objects += pending }
            processes += images
        }
        self.processes = processes
    }

    /// The shared objects loaded by the processes that ran one of `programs`.
    func objects(ofProcessesRunning programs: Set<String>) -> [[String]] {
        processes.filter { programs.contains(URL(fileURLWithPath: $0.program).lastPathComponent) }.map(\.objects)
    }

    /// The C runtime's libraries, which every Linux machine has and a release may load from it.
    static let cRuntime = ["ld-linux", "libc.so", "libm.so", "libgcc_s.so", "libstdc++.so", "libdl.so", "libpthread.so", "librt.so"]

    /// The objects of one process that are not the C runtime.
    static func strangers(in objects: [String]) -> [String] {
        objects.filter { path in !cRuntime.contains { URL(fileURLWithPath: path).lastPathComponent.hasPrefix($0) } }
    }
}
