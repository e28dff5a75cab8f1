import Foundation
import Testing
import ShipshapeTestSupport

/// A hooks directory committed to the repository (`core.hooksPath=.githooks`) used from a
/// teammate's clone: the shims find the programs on PATH, whatever prefix each person installed
/// into, and say how to install them when they are missing.
@Suite struct CommittedHooksEndToEndTests {
    let bin = productsDirectory()
    static let programs = ["shipshape", "commit-msg", "pre-push", "post-merge"]

    /// Copies the hook programs into `prefix/bin`, as an install into that prefix would.
    func installPrograms(into prefix: String) throws -> String {
        let directory = prefix + "/bin"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for program in Self.programs {
            try FileManager.default.copyItem(atPath: bin + "/" + program, toPath: directory + "/" + program)
        }
        return directory
    }

    /// A repository whose `.githooks` holds shims installed from `installer/bin` (since deleted:
    /// only the author's machine had it) and is committed, and a clone of it with
    /// `core.hooksPath` set, with a PATH that has no Shipshape on it.
    func teammateClone() throws -> (GitSandbox, clone: String, recorded: String) {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        try sandbox.gitOK("config", "core.hooksPath", ".githooks")
        let installer = try installPrograms(into: sandbox.temporaryDirectory + "/installer")
        let install = try sandbox.run(installer + "/shipshape", ["install"])
        #expect(install.status == 0, "\(install)")
        try sandbox.gitOK("add", ".githooks")
        try sandbox.gitOK("commit", "-m", "build: commit the shipshape hooks")
        try FileManager.default.removeItem(atPath: sandbox.temporaryDirectory + "/installer")
        let clone = sandbox.temporaryDirectory + "/clone"
        try sandbox.gitOK("clone", "-q", sandbox.root, clone)
        try sandbox.gitOK("config", "core.hooksPath", ".githooks", in: clone)
        return (sandbox, clone, installer + "/commit-msg")
    }

    @Test func committedShimsRunTheProgramsFoundOnPathInASecondClone() throws {
        var (sandbox, clone, _) = try teammateClone()
        let other = try installPrograms(into: sandbox.temporaryDirectory + "/elsewhere")
        sandbox.env["PATH"] = other + ":" + (sandbox.env["PATH"] ?? "")
        let bad = try sandbox.git("commit", "--allow-empty", "-m", "feature: add login", in: clone)
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stderr.contains("[type-enum]"))
        let good = try sandbox.git("commit", "--allow-empty", "-m", "feat: add login", in: clone)
        #expect(good.status == 0, "\(good)")
    }

    @Test func missingProgramsRefuseTheCommitWithAnInstallHint() throws {
        let (sandbox, clone, recorded) = try teammateClone()
        let result = try sandbox.git("commit", "--allow-empty", "-m", "feat: add login", in: clone)
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("shipshape:") }
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("the commit-msg program is not on PATH nor at \(recorded)"))
        #expect(result.stderr.contains("./install.sh --from"))
        #expect(result.stderr.contains("git config shipshape.ifMissing allow"))
        #expect(try sandbox.git("rev-list", "--count", "HEAD", in: clone).trimmedStdout == "2")
    }

    @Test func missingProgramsLetTheCommitThroughWhenConfiguredTo() throws {
        var (sandbox, clone, _) = try teammateClone()
        try sandbox.gitOK("config", "shipshape.ifMissing", "allow", in: clone)
        let allowed = try sandbox.git("commit", "--allow-empty", "-m", "not conventional at all", in: clone)
        #expect(allowed.status == 0, "\(allowed)")
        #expect(allowed.stderr.contains("shipshape: warning: the commit-msg program is not on PATH"))
        // The environment variable wins over the configuration, for one command.
        sandbox.env["SHIPSHAPE_IF_MISSING"] = "refuse"
        #expect(try sandbox.git("commit", "--allow-empty", "-m", "feat: more", in: clone).status != 0)
    }

    @Test func installIfMissingAllowBakesThePolicyIntoTheShims() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        try sandbox.gitOK("config", "core.hooksPath", ".githooks")
        let installer = try installPrograms(into: sandbox.temporaryDirectory + "/installer")
        #expect(try sandbox.run(installer + "/shipshape", ["install", "--if-missing", "allow"]).status == 0)
        try FileManager.default.removeItem(atPath: sandbox.temporaryDirectory + "/installer")
        let result = try sandbox.git("commit", "--allow-empty", "-m", "whatever", in: sandbox.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("check was skipped"))
    }

    @Test func programOnPathWinsOverTheRecordedOne() throws {
        var sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        #expect(try sandbox.run(bin + "/shipshape", ["install"]).status == 0)
        // A commit-msg earlier on PATH that accepts everything and leaves a trace.
        let fake = sandbox.temporaryDirectory + "/fake"
        try FileManager.default.createDirectory(atPath: fake, withIntermediateDirectories: true)
        try "#!/bin/sh\necho \"fake $1\" >> \"$(git rev-parse --git-dir)/fake.log\"\n".write(
            toFile: fake + "/commit-msg", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake + "/commit-msg")
        sandbox.env["PATH"] = fake + ":" + (sandbox.env["PATH"] ?? "")
        #expect(try sandbox.git("commit", "--allow-empty", "-m", "not conventional").status == 0)
        #expect(try sandbox.read(".git/fake.log").hasPrefix("fake "))
    }
}
