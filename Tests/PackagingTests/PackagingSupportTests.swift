import Foundation
import ShipshapeTestSupport
import Testing

/// The packaging suites' own tools, checked on what they are built to see: a loader trace, the
/// hidden libraries, the toolchain-free PATH.
@Suite struct PackagingSupportTests {
    @Test func aLoaderTraceGivesEachProgramItsObjects() throws {
        let directory = NSTemporaryDirectory() + "ld-trace-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // One process: two objects, the program, then a dlopen'ed object; then an exec.
        let trace = """
            1:	calling init: /lib/x86_64-linux-gnu/libc.so.6
            1:	calling init: /opt/nowhere/lib/../lib/libfake.so.1
            1:	initialize program: commit-msg
            1:	calling init: /lib/x86_64-linux-gnu/libgcc_s.so.1
            1:	initialize program: sh
            """
        try trace.write(toFile: directory + "/ld.1", atomically: true, encoding: .utf8)
        let parsed = try LoaderTrace(directory: directory)
        #expect(parsed.processes.map(\.program) == ["commit-msg", "sh"])
        let commitMsg = try #require(parsed.objects(ofProcessesRunning: ["commit-msg"]).first)
        #expect(commitMsg == ["/lib/x86_64-linux-gnu/libc.so.6", "/opt/nowhere/lib/libfake.so.1"])
        #expect(LoaderTrace.strangers(in: commitMsg) == ["/opt/nowhere/lib/libfake.so.1"])
        #expect(LoaderTrace.environment(into: directory)["LD_DEBUG"] == "libs")
    }

    @Test func thePathWithoutSwiftKeepsTheSystemDirectories() {
        let path = Artefacts.pathWithoutSwift(prepending: ["/opt/extra"]).split(separator: ":").map(String.init)
        #expect(path.first == "/opt/extra")
        #expect(path.allSatisfy { $0 == "/usr/bin" || $0 == "/bin" || !FileManager.default.isExecutableFile(atPath: $0 + "/swift") })
    }

    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"), "needs root and unshare"))
    func hiddenLibrariesReadAsEmptyAndTheRestOfTheMachineStays() throws {
        let arch = try ShipshapeTestSupport.run("uname", ["-m"], in: "/", environment: ProcessInfo.processInfo.environment).trimmedStdout
        let library = "/usr/lib/\(arch)-linux-gnu/libgit2.so.1.5"
        try #require(FileManager.default.fileExists(atPath: library), "libgit2-dev is installed")
        let environment = ProcessInfo.processInfo.environment
        let hidden = try HiddenLibraries(sonames: ["libgit2.so.1.5"]).run("wc", ["-c", library], in: "/", environment: environment)
        #expect(hidden.status == 0 && hidden.trimmedStdout.hasPrefix("0 "), "\(hidden)")
        let outside = try ShipshapeTestSupport.run("wc", ["-c", library], in: "/", environment: environment)
        #expect(!outside.trimmedStdout.hasPrefix("0 "), "the namespace leaked: \(outside)")
    }
}
