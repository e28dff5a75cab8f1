import Foundation
import Testing
import ShipshapeTestSupport

/// The release tarball on a machine without Swift, libgit2 or PCRE2: what its programs load, and
/// `install.sh --from` followed by real commits and a push.
@Suite(.enabled(if: Artefacts.dist != nil, "set SHIPSHAPE_DIST (SHIPSHAPE_PACKAGING=1 ./scripts/test.sh does)"))
struct TarballTests {
    @Test func unpackedProgramsLoadOnlyTheirBundledLibrariesAndTheCRuntime() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        let release = try Artefacts.unpack(into: sandbox.temporaryDirectory + "/unpacked")
        let hidden = try HiddenLibraries.all(of: release)
        let trace = sandbox.temporaryDirectory + "/trace"
        try FileManager.default.createDirectory(atPath: trace, withIntermediateDirectories: true)
        sandbox.env["PATH"] = Artefacts.pathWithoutSwift()
        var traced = sandbox.env
        traced.merge(LoaderTrace.environment(into: trace)) { $1 }

        try sandbox.write(".git/MSG_BAD", "feature: add login\n")
        try sandbox.write(".git/MSG_GOOD", "feat: add login\n")
        // commit-msg opens the repository (the branch check), so libgit2 is loaded.
        let bad = try hidden.run(release + "/bin/commit-msg", [".git/MSG_BAD"], in: sandbox.root, environment: traced)
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stderr.contains("[type-enum]"))
        let good = try hidden.run(release + "/bin/commit-msg", [".git/MSG_GOOD"], in: sandbox.root, environment: traced)
        #expect(good.status == 0, "\(good)")
        let lint = try hidden.run(release + "/bin/shipshape", ["lint", "--message", "fix: Wrong Case"], in: sandbox.root, environment: sandbox.env)
        #expect(lint.status == 1, "\(lint)")
        #expect(lint.stdout.contains("[subject-case]") || lint.stderr.contains("[subject-case]"), "\(lint)")

        // Two commit-msg processes, each having loaded nothing but the C runtime: libgit2 and
        // PCRE2 are in the executable (the repository was opened: the branch check ran).
        let processes = try LoaderTrace(directory: trace).objects(ofProcessesRunning: ["commit-msg"])
        #expect(processes.count == 2, "one trace per commit-msg run: \(processes)")
        for objects in processes {
            #expect(objects.contains { $0.hasSuffix("/libc.so.6") }, "\(objects)")
            #expect(LoaderTrace.strangers(in: objects).isEmpty, "loaded besides the C runtime: \(objects)")
        }
        let doctor = try hidden.run(release + "/bin/shipshape", ["doctor"], in: sandbox.root, environment: sandbox.env)
        #expect(doctor.stdout.contains("libgit2: 1."), "\(doctor)")
        #expect(doctor.stdout.contains("from \(release)/bin/shipshape"), "linked into the program: \(doctor)")
    }

    @Test func installFromTheTarballWithoutSwiftThenCommitAndPush() throws {
        let sandbox = try GitSandbox()
        try sandbox.makeBareRemote()
        try sandbox.commit(message: "chore: start")
        try sandbox.gitOK("push", "-q", "--no-verify", "origin", "main")
        let unpackedForList = try Artefacts.unpack(into: sandbox.temporaryDirectory + "/list")
        let hidden = try HiddenLibraries.exceptGits(of: unpackedForList)
        #expect(hidden.sonames.contains { $0.hasPrefix("libgit2.so.") })
        let prefix = sandbox.temporaryDirectory + "/prefix"
        sandbox.env["PATH"] = Artefacts.pathWithoutSwift()
        #expect((try? resolveExecutable("swift", environment: ["PATH": Artefacts.pathWithoutSwift()])) == nil || FileManager.default.fileExists(atPath: "/usr/bin/swift"))

        let install = try hidden.run(
            Artefacts.packageRoot + "/install.sh", ["--from", try Artefacts.tarball(), "--prefix", prefix, "--repo", sandbox.root],
            in: sandbox.root, environment: sandbox.env)
        #expect(install.status == 0, "\(install)")
        #expect(install.stdout.contains("installed \(prefix)/bin/commit-msg"))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/shipshape/hooks/commit-msg"))

        let trace = sandbox.temporaryDirectory + "/trace"
        try FileManager.default.createDirectory(atPath: trace, withIntermediateDirectories: true)
        var traced = sandbox.env
        traced.merge(LoaderTrace.environment(into: trace)) { $1 }
        let refused = try hidden.run("git", ["commit", "--allow-empty", "-m", "feature: add login"], in: sandbox.root, environment: traced)
        #expect(refused.status == 1, "\(refused)")
        let accepted = try hidden.run("git", ["commit", "--allow-empty", "-m", "feat: add login"], in: sandbox.root, environment: sandbox.env)
        #expect(accepted.status == 0, "\(accepted)")
        let hooks = try LoaderTrace(directory: trace).objects(ofProcessesRunning: ["commit-msg"])
        #expect(hooks.count == 1, "the hook ran once: \(hooks)")
        for objects in hooks {
            #expect(LoaderTrace.strangers(in: objects).isEmpty, "loaded besides the C runtime: \(objects)")
        }

        try sandbox.gitOK("commit", "-q", "--no-verify", "--allow-empty", "-m", "feature: sneak this in")
        let push = try hidden.run("git", ["push", "origin", "main"], in: sandbox.root, environment: sandbox.env)
        #expect(push.status != 0, "\(push)")
        #expect(push.stderr.contains("[pushed-commit-lint]"), "\(push)")

        // The unpacked release's own install.sh installs that release (no --from needed).
        let second = sandbox.temporaryDirectory + "/second"
        let own = try hidden.run(unpackedForList + "/install.sh", ["--prefix", second, "--no-hooks"], in: sandbox.root, environment: sandbox.env)
        #expect(own.status == 0, "\(own)")
        #expect(try run(second + "/bin/shipshape", ["--version"], in: "/", environment: sandbox.env).status == 0)

        let uninstall = try hidden.run(
            Artefacts.packageRoot + "/install.sh", ["--uninstall", "--prefix", prefix, "--repo", sandbox.root], in: sandbox.root, environment: sandbox.env)
        #expect(uninstall.status == 0, "\(uninstall)")
        #expect(!FileManager.default.fileExists(atPath: prefix + "/share/shipshape"))
        #expect(!FileManager.default.fileExists(atPath: prefix + "/bin/commit-msg"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/.git/hooks/commit-msg"))
    }

    @Test func installFromSomethingElseSaysWhatItExpected() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("not-a-release.tar.gz", "hello\n")
        let result = try sandbox.run(Artefacts.packageRoot + "/install.sh", ["--from", sandbox.path("not-a-release.tar.gz"), "--prefix", sandbox.temporaryDirectory + "/p"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a Shipshape release tarball"), "\(result)")
    }
}
