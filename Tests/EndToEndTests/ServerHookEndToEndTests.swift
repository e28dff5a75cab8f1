import Foundation
import Testing
import ShipshapeTestSupport

/// How a client reaches the server repository.
enum Transport: String, CaseIterable, CustomTestStringConvertible {
    /// A local path (`git push /srv/origin.git`).
    case path
    /// The git protocol from `git daemon --enable=receive-pack` on 127.0.0.1.
    case daemon

    var testDescription: String { rawValue }
}

/// A bare server repository with `shipshape install --server`, and a client clone WITHOUT
/// Shipshape's hooks (its commits are made with --no-verify, as a client that skips the checks).
final class ServerFixture {
    let sandbox: GitSandbox
    let bare: String
    let bin = productsDirectory()
    private var daemon: GitDaemon?

    /// Where a hook that was on the server before Shipshape records what git gave it (nil: no
    /// such hook).
    let recording: String?
    private var verifyCount = 0

    init(_ transport: Transport, recording: Bool = false) throws {
        sandbox = try GitSandbox()
        bare = try sandbox.makeBareRemote()
        if recording {
            // A pre-receive that was there before: install chains it, and it sees the same input.
            let file = sandbox.temporaryDirectory + "/received"
            try "#!/bin/sh\ncat > '\(file)'\n".write(toFile: bare + "/hooks/pre-receive", atomically: true, encoding: .utf8)
            _ = try sandbox.run("chmod", ["+x", bare + "/hooks/pre-receive"])
            self.recording = file
        } else {
            self.recording = nil
        }
        let install = try sandbox.run(bin + "/shipshape", ["install", "--server", "--repo", bare])
        #expect(install.status == 0, "\(install)")
        #expect(install.stdout.contains(recording ? "(the existing hook was kept as" : "installed pre-receive hook: \(bare)/hooks/pre-receive"), "\(install)")
        #expect(!sandbox.exists(".git/hooks/pre-push") && !sandbox.exists(".git/hooks/commit-msg"))
        if transport == .daemon {
            let daemon = try GitDaemon(basePath: sandbox.temporaryDirectory + "/remotes", environment: sandbox.env)
            self.daemon = daemon
            try sandbox.gitOK("remote", "set-url", "origin", daemon.url("origin.git"))
        }
    }

    deinit { daemon?.stop() }

    /// The release 1.0.0 on main (VERSION, package.json, CHANGELOG.md), tagged and pushed, and
    /// develop pushed.
    func start() throws {
        try sandbox.write("VERSION", "1.0.0\n")
        try sandbox.write("package.json", "{\n  \"name\": \"app\",\n  \"version\": \"1.0.0\"\n}\n")
        try sandbox.write("CHANGELOG.md", changelog(["1.0.0"]))
        try sandbox.gitOK("add", "-A")
        try sandbox.commit(file: "README", contents: "app\n", message: "chore: start at 1.0.0")
        try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "Release version 1.0.0")
        expectAccepted(try push("main", "v1.0.0"), "the first push")
        try sandbox.gitOK("branch", "develop")
        expectAccepted(try push("develop"), "develop")
    }

    /// A Keep-a-Changelog file with the given releases, newest first.
    func changelog(_ versions: [String]) -> String {
        "# Changelog\n\n## [Unreleased]\n" + versions.map { "\n## [\($0)] - 2026-12-01\n\n### Added\n\n- release \($0)\n" }.joined()
    }

    /// Sets VERSION and package.json.
    func setVersion(_ version: String, packageJSON: String? = nil) throws {
        try sandbox.write("VERSION", version + "\n")
        try sandbox.write("package.json", "{\n  \"name\": \"app\",\n  \"version\": \"\(packageJSON ?? version)\"\n}\n")
    }

    /// `git push origin REFS...` (no -q: the remote: lines are what the test asserts).
    func push(_ refs: String...) throws -> ProcessResult { try sandbox.git(arguments: ["push", "origin"] + refs) }

    /// The server's value of a ref, or nil.
    func serverRef(_ ref: String) throws -> String? {
        let result = try sandbox.git("rev-parse", "-q", "--verify", ref, in: bare)
        return result.status == 0 ? result.trimmedStdout : nil
    }

    /// What git showed the pusher from the hook: the `remote:` lines, without the prefix and the
    /// padding git adds.
    static func remoteLines(_ result: ProcessResult) -> [String] {
        result.stderr.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("remote: ") else { return nil }
            var text = String(line.dropFirst("remote: ".count))
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    func expectAccepted(_ result: ProcessResult, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 0, "\(step): refused: \(result)", sourceLocation: sourceLocation)
        let lines = Self.remoteLines(result)
        #expect(lines.contains { $0.hasPrefix("pre-receive: ok (") }, "\(step): \(lines)", sourceLocation: sourceLocation)
        #expect(!lines.contains { $0.contains("error:") }, "\(step): \(lines)", sourceLocation: sourceLocation)
        if let recording, result.status == 0 {
            // CI's view of the same push: shipshape verify on the pushed lines in the client's clone.
            let format = ["text", "json", "github"][verifyCount % 3]
            verifyCount += 1
            let received = (try? String(contentsOfFile: recording, encoding: .utf8)) ?? ""
            #expect(!received.isEmpty, "\(step): the chained hook saw no input", sourceLocation: sourceLocation)
            let verify = try? sandbox.run(bin + "/shipshape", ["verify", "--format", format], stdin: received)
            #expect(verify?.status == 0, "\(step): verify --format \(format) disagrees: \(verify.map(\.description) ?? "")", sourceLocation: sourceLocation)
        }
    }

    /// Asserts a refusal of `ref` for `rules`, as the pusher sees it, and that the server kept
    /// its old value.
    @discardableResult
    func expectRefused(
        _ result: ProcessResult, ref: String, rules: [String], before: String?, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String] {
        let lines = Self.remoteLines(result)
        #expect(result.status != 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("(pre-receive hook declined)"), "\(result)", sourceLocation: sourceLocation)
        for rule in rules {
            #expect(lines.contains { $0.hasPrefix("\(ref)") && $0.contains("error: [\(rule)]") }, "no [\(rule)] for \(ref): \(lines)", sourceLocation: sourceLocation)
        }
        let summary = lines.first { $0.hasPrefix("pre-receive: refused \(ref): ") }
        #expect(summary != nil, "no summary line for \(ref): \(lines)", sourceLocation: sourceLocation)
        for rule in rules { #expect(summary?.contains(rule) == true, "\(summary ?? "")", sourceLocation: sourceLocation) }
        #expect(lines.last?.hasPrefix("pre-receive: push refused: ") == true, "\(lines)", sourceLocation: sourceLocation)
        #expect(lines.last?.contains("git updates no ref of a refused push") == true, sourceLocation: sourceLocation)
        #expect(!lines.contains { $0.contains("\u{1B}[") }, "colour in remote: lines", sourceLocation: sourceLocation)
        #expect(try serverRef(ref) == before, "the server moved \(ref)", sourceLocation: sourceLocation)
        return lines
    }
}

/// The pre-receive hook end to end: a bare server repository with the hook installed, receiving
/// pushes from a client without Shipshape's hooks, over a local path and over `git daemon`.
@Suite struct ServerHookRefusalTests {
    @Test(arguments: Transport.allCases) func aBadMessageCommittedWithNoVerifyIsRefused(_ transport: Transport) throws {
        let server = try ServerFixture(transport)
        try server.start()
        let before = try server.serverRef("refs/heads/main")
        let bad = try server.sandbox.commit(file: "a.txt", message: "added stuff")  // --no-verify: commit-msg never ran
        let lines = try server.expectRefused(try server.push("main"), ref: "refs/heads/main", rules: ["pushed-commit-lint"], before: before)
        #expect(lines.contains { $0.contains("commit \(bad.prefix(7)) (\"added stuff\") breaks the commit-message rules") }, "\(lines)")
        #expect(lines.contains("pre-receive: refused refs/heads/main: 1 error (pushed-commit-lint)"), "\(lines)")
    }

    @Test(arguments: Transport.allCases) func aBadBranchNameIsRefused(_ transport: Transport) throws {
        let server = try ServerFixture(transport)
        try server.start()
        try server.sandbox.gitOK("checkout", "-q", "-b", "Feature_Export")
        try server.sandbox.commit(file: "a.txt", message: "feat: export to CSV")
        let lines = try server.expectRefused(
            try server.push("Feature_Export"), ref: "refs/heads/Feature_Export", rules: ["branch-name"], before: nil)
        #expect(lines.contains { $0.contains("did you mean \"feature/feature-export\"?") || $0.contains("did you mean") }, "\(lines)")
    }

    @Test(arguments: Transport.allCases) func aLightweightReleaseTagIsRefused(_ transport: Transport) throws {
        let server = try ServerFixture(transport)
        try server.start()
        try server.sandbox.commit(file: "a.txt", message: "feat: export to CSV")
        try server.setVersion("1.1.0")
        try server.sandbox.write("CHANGELOG.md", server.changelog(["1.1.0", "1.0.0"]))
        try server.sandbox.gitOK("add", "-A")
        try server.sandbox.commit(file: "VERSION", contents: "1.1.0\n", message: "chore: bump version to 1.1.0")
        server.expectAccepted(try server.push("main"), "main at 1.1.0")
        try server.sandbox.gitOK("tag", "v1.1.0")
        let lines = try server.expectRefused(try server.push("v1.1.0"), ref: "refs/tags/v1.1.0", rules: ["tag-matches"], before: nil)
        #expect(lines.contains { $0.contains("tag v1.1.0 is a lightweight tag; release tags must be annotated") }, "\(lines)")
    }

    @Test(arguments: Transport.allCases) func aTagWhoseFilesDisagreeIsRefused(_ transport: Transport) throws {
        let server = try ServerFixture(transport)
        try server.start()
        try server.sandbox.commit(file: "a.txt", message: "feat: export to CSV")
        // VERSION says 1.1.0, package.json still 1.0.0: the files disagree at the tag.
        try server.setVersion("1.1.0", packageJSON: "1.0.0")
        try server.sandbox.write("CHANGELOG.md", server.changelog(["1.1.0", "1.0.0"]))
        try server.sandbox.gitOK("add", "-A")
        try server.sandbox.commit(file: "VERSION", contents: "1.1.0\n", message: "chore: bump version to 1.1.0")
        try server.sandbox.gitOK("tag", "-a", "v1.1.0", "-m", "Release version 1.1.0")
        let lines = try server.expectRefused(try server.push("v1.1.0"), ref: "refs/tags/v1.1.0", rules: ["version-agreement"], before: nil)
        #expect(lines.contains { $0.contains("package.json:3:15 holds version 1.0.0, but VERSION:1 holds 1.1.0") }, "\(lines)")
        // A tag naming another version than its commit's files.
        try server.setVersion("1.1.0")
        try server.sandbox.gitOK("add", "-A")
        try server.sandbox.commit(file: "VERSION", contents: "1.1.0\n", message: "chore: align package.json")
        try server.sandbox.gitOK("tag", "-a", "v1.2.0", "-m", "Release version 1.2.0")
        let second = try server.expectRefused(try server.push("v1.2.0"), ref: "refs/tags/v1.2.0", rules: ["tag-matches"], before: nil)
        #expect(second.contains { $0.contains("tag v1.2.0 names version 1.2.0, but at") && $0.contains("the version is 1.1.0") }, "\(second)")
    }

    @Test(arguments: Transport.allCases) func aSkippedVersionIsRefused(_ transport: Transport) throws {
        let server = try ServerFixture(transport)
        try server.start()
        let before = try server.serverRef("refs/heads/main")
        try server.sandbox.commit(file: "a.txt", message: "feat: export to CSV")
        try server.setVersion("1.2.0")
        try server.sandbox.gitOK("add", "-A")
        try server.sandbox.commit(file: "VERSION", contents: "1.2.0\n", message: "chore: bump version to 1.2.0")
        let lines = try server.expectRefused(try server.push("main"), ref: "refs/heads/main", rules: ["version-monotonic"], before: before)
        #expect(lines.contains { $0.contains("version 1.2.0 skips a version; after 1.0.0 (tag v1.0.0) comes 1.0.1, 1.1.0, 2.0.0") }, "\(lines)")
    }

    @Test(arguments: Transport.allCases) func aMinorBumpOverABreakingChangeIsRefused(_ transport: Transport) throws {
        let server = try ServerFixture(transport)
        try server.start()
        let before = try server.serverRef("refs/heads/main")
        try server.sandbox.commit(file: "a.txt", message: "feat!: drop the legacy API")
        try server.setVersion("1.1.0")
        try server.sandbox.gitOK("add", "-A")
        try server.sandbox.commit(file: "VERSION", contents: "1.1.0\n", message: "chore: bump version to 1.1.0")
        let lines = try server.expectRefused(try server.push("main"), ref: "refs/heads/main", rules: ["bump-level"], before: before)
        #expect(lines.contains { $0.contains("2.0.0") }, "\(lines)")
    }

    /// The release branch and its version file exist nowhere but in the push (git's quarantine):
    /// the hook reads them there.
    @Test(arguments: Transport.allCases) func aReleaseBranchIsJudgedByTheFilesOnlyInThePush(_ transport: Transport) throws {
        let server = try ServerFixture(transport)
        try server.start()
        try server.sandbox.gitOK("checkout", "-q", "-b", "release/v1.1.0", "develop")
        try server.setVersion("1.2.0")
        try server.sandbox.gitOK("add", "-A")
        try server.sandbox.commit(file: "VERSION", contents: "1.2.0\n", message: "chore: bump version to 1.2.0")
        let lines = try server.expectRefused(
            try server.push("release/v1.1.0"), ref: "refs/heads/release/v1.1.0", rules: ["branch-matches"], before: nil)
        #expect(lines.contains { $0.contains("branch release/v1.1.0 prepares version 1.1.0, but at") && $0.contains("the version is 1.2.0") }, "\(lines)")
        #expect(try server.sandbox.git("cat-file", "-e", try server.sandbox.gitOK("rev-parse", "HEAD").trimmedStdout, in: server.bare).status != 0,
            "the refused objects stayed in the quarantine")
    }

    @Test(arguments: Transport.allCases) func aPushThatTurnsOffTheRuleItBreaksIsStillJudgedByIt(_ transport: Transport) throws {
        let server = try ServerFixture(transport)
        try server.start()
        let before = try server.serverRef("refs/heads/main")
        try server.sandbox.write(".shipshape.toml", "[push]\nlint-commits = false\n")
        try server.sandbox.gitOK("add", ".shipshape.toml")
        try server.sandbox.commit(file: "a.txt", message: "added stuff")
        let lines = try server.expectRefused(try server.push("main"), ref: "refs/heads/main", rules: ["pushed-commit-lint"], before: before)
        #expect(lines.contains { $0.hasPrefix("pre-receive: rules from the defaults (no .shipshape.toml at refs/heads/main (\(before!.prefix(7))))") }, "\(lines)")

        // The server's administrator may relax it: git config shipshape.config PATH.
        let relaxed = server.sandbox.temporaryDirectory + "/relaxed.toml"
        try "[push]\nlint-commits = false\n".write(toFile: relaxed, atomically: true, encoding: .utf8)
        try server.sandbox.gitOK("config", "shipshape.config", relaxed, in: server.bare)
        let accepted = try server.push("main")
        server.expectAccepted(accepted, "with the server's configuration")
        #expect(ServerFixture.remoteLines(accepted).contains { $0.hasSuffix("rules from \(relaxed)") }, "\(ServerFixture.remoteLines(accepted))")
    }

    /// An invalid `.shipshape.toml` on the default branch would stop every later push: refused
    /// there, accepted on other branches (nothing reads it from them).
    @Test(arguments: Transport.allCases) func anInvalidConfigurationCannotReachTheDefaultBranch(_ transport: Transport) throws {
        let server = try ServerFixture(transport)
        try server.start()
        let before = try server.serverRef("refs/heads/main")
        try server.sandbox.write(".shipshape.toml", "[commit]\ntypoo = 1\n")
        try server.sandbox.gitOK("add", ".shipshape.toml")
        try server.sandbox.commit(file: "a.txt", message: "chore: configure shipshape")
        let lines = try server.expectRefused(try server.push("main"), ref: "refs/heads/main", rules: ["configuration-valid"], before: before)
        #expect(lines.contains { $0.contains("typoo") && $0.contains("the server judges every later push by this file") }, "\(lines)")
        server.expectAccepted(try server.push("HEAD:refs/heads/feature/config"), "the same commit on a feature branch")
    }

    @Test func aConfigurationOnTheDefaultBranchIsTheOneThatApplies() throws {
        let server = try ServerFixture(.path)
        try server.start()
        // The rule is relaxed by a push that breaks nothing, so it reaches main...
        try server.sandbox.write(".shipshape.toml", "[push]\nlint-commits = false\n")
        try server.sandbox.gitOK("add", ".shipshape.toml")
        let relaxing = try server.sandbox.commit(file: "a.txt", message: "chore: stop linting pushed commits")
        server.expectAccepted(try server.push("main"), "the relaxed configuration")
        // ...and judges the next push.
        try server.sandbox.commit(file: "b.txt", message: "added stuff")
        let result = try server.push("main")
        server.expectAccepted(result, "judged by main's configuration")
        #expect(ServerFixture.remoteLines(result).contains { $0.contains("rules from .shipshape.toml at refs/heads/main (\(relaxing.prefix(7)))") })
        // Colour only when the server asks for it.
        try server.sandbox.gitOK("config", "shipshape.color", "always", in: server.bare)
        try server.sandbox.commit(file: "d.txt", message: "feat!: drop the legacy API")
        try server.setVersion("1.0.1")
        try server.sandbox.gitOK("add", "-A")
        try server.sandbox.commit(file: "VERSION", contents: "1.0.1\n", message: "chore: bump version to 1.0.1")
        let coloured = try server.push("main")
        #expect(coloured.status != 0)
        #expect(ServerFixture.remoteLines(coloured).contains { $0.contains("\u{1B}[1;31merror\u{1B}[0m") }, "\(coloured)")
        try server.sandbox.gitOK("reset", "-q", "--hard", "HEAD~2")
        // A broken trusted configuration refuses with exit 2 and says how to recover.
        try server.sandbox.gitOK("config", "shipshape.config", server.sandbox.temporaryDirectory + "/missing.toml", in: server.bare)
        try server.sandbox.commit(file: "c.txt", message: "fix: a good one")
        let broken = try server.push("main")
        #expect(broken.status != 0)
        #expect(ServerFixture.remoteLines(broken).contains { $0.contains("missing.toml (git config shipshape.config) does not exist") }, "\(broken)")
    }
}

/// A non-bare repository that receives pushes (to branches it has not checked out).
@Suite struct NonBareServerTests {
    @Test func aWorkTreeRepositoryIsJudgedByTheFileCommittedOnItsBranch() throws {
        let client = try GitSandbox()
        let server = try GitSandbox()
        let bin = productsDirectory()
        try server.write(".shipshape.toml", "[branches]\nextra-patterns = ['^team/.+$']\n")
        try server.write("VERSION", "1.0.0\n")
        try server.gitOK("add", "-A")
        try server.commit(file: "README", contents: "app\n", message: "chore: start at 1.0.0")
        let install = try server.run(bin + "/shipshape", ["install", "--server"])
        #expect(install.status == 0 && server.exists(".git/hooks/pre-receive"), "\(install)")
        #expect(!server.exists(".git/hooks/pre-push"))
        try client.gitOK("remote", "add", "origin", server.root)
        try client.gitOK("fetch", "-q", "origin")
        try client.gitOK("checkout", "-q", "-b", "team/export", "origin/main")
        try client.commit(file: "a.txt", message: "feat: export to CSV")
        let accepted = try client.git("push", "origin", "team/export")
        #expect(accepted.status == 0, "\(accepted)")
        #expect(ServerFixture.remoteLines(accepted).contains { $0.hasPrefix("pre-receive: ok (1 ref, 1 new commit checked); rules from .shipshape.toml at refs/heads/main (") })
        try client.commit(file: "b.txt", message: "more stuff")
        let refused = try client.git("push", "origin", "team/export")
        #expect(refused.status != 0)
        #expect(ServerFixture.remoteLines(refused).contains("pre-receive: refused refs/heads/team/export: 1 error (pushed-commit-lint)"), "\(refused)")
        let uninstall = try server.run(bin + "/shipshape", ["uninstall", "--server"])
        #expect(uninstall.status == 0 && !server.exists(".git/hooks/pre-receive"), "\(uninstall)")
        #expect(try client.git("push", "origin", "team/export").status == 0)
    }
}

/// What the server accepts: the git-flow release cycle, deletions, and many refs at once.
@Suite struct ServerHookAcceptanceTests {
    @Test(arguments: Transport.allCases) func theGitFlowReleaseCycleIsAccepted(_ transport: Transport) throws {
        let server = try ServerFixture(transport, recording: true)
        let s = server.sandbox
        try server.start()
        func merge(_ branch: String, into target: String) throws {
            try s.gitOK("checkout", "-q", target)
            try s.gitOK("merge", "-q", "--no-ff", "--no-edit", branch)
        }
        // A feature, pushed on its own branch, merged into develop, its branch deleted.
        try s.gitOK("checkout", "-q", "-b", "feature/export", "develop")
        try s.commit(file: "export.txt", message: "feat: export to CSV")
        server.expectAccepted(try server.push("feature/export"), "feature/export")
        try merge("feature/export", into: "develop")
        server.expectAccepted(try server.push("develop"), "develop with the feature")
        let deletion = try server.push(":feature/export")
        server.expectAccepted(deletion, "branch deletion")
        #expect(ServerFixture.remoteLines(deletion).contains("pre-receive: ok (1 deletion, nothing to check)"))
        #expect(try server.serverRef("refs/heads/feature/export") == nil)

        // release/v1.1.0 from develop, into main with its tag, back into develop.
        try s.gitOK("checkout", "-q", "-b", "release/v1.1.0", "develop")
        try server.setVersion("1.1.0")
        try s.write("CHANGELOG.md", server.changelog(["1.1.0", "1.0.0"]))
        try s.gitOK("add", "-A")
        try s.commit(file: "VERSION", contents: "1.1.0\n", message: "chore: bump version to 1.1.0")
        server.expectAccepted(try server.push("release/v1.1.0"), "release/v1.1.0")
        try merge("release/v1.1.0", into: "main")
        try s.gitOK("tag", "-a", "v1.1.0", "-m", "Release version 1.1.0")
        server.expectAccepted(try server.push("main", "v1.1.0"), "main and v1.1.0")
        try merge("release/v1.1.0", into: "develop")
        server.expectAccepted(try server.push("develop", ":release/v1.1.0"), "the merge-back and the release branch's deletion")

        // hotfix/v1.1.1 from main, into main with its tag and into develop.
        try s.gitOK("checkout", "-q", "-b", "hotfix/v1.1.1", "main")
        try s.commit(file: "fix.txt", message: "fix: critical security vulnerability")
        try server.setVersion("1.1.1")
        try s.write("CHANGELOG.md", server.changelog(["1.1.1", "1.1.0", "1.0.0"]))
        try s.gitOK("add", "-A")
        try s.commit(file: "VERSION", contents: "1.1.1\n", message: "chore: bump version to 1.1.1")
        server.expectAccepted(try server.push("hotfix/v1.1.1"), "hotfix/v1.1.1")
        try merge("hotfix/v1.1.1", into: "main")
        try s.gitOK("tag", "-a", "v1.1.1", "-m", "Release version 1.1.1")
        server.expectAccepted(try server.push("main", "v1.1.1"), "main and v1.1.1")
        try merge("hotfix/v1.1.1", into: "develop")
        server.expectAccepted(try server.push("develop", ":hotfix/v1.1.1"), "the hotfix merged into develop")
        #expect(try server.serverRef("refs/tags/v1.1.1") == s.gitOK("rev-parse", "v1.1.1").trimmedStdout)

        // A tag that is no release, pushed and deleted.
        try s.gitOK("tag", "-a", "nightly", "-m", "nightly build")
        server.expectAccepted(try server.push("nightly"), "a tag outside the release format")
        server.expectAccepted(try server.push(":refs/tags/nightly"), "tag deletion")
        #expect(try server.serverRef("refs/tags/nightly") == nil)
    }

    /// "New" is exact on the server: a commit the server already has on another branch is not
    /// judged again when it is merged, and a force push's rewritten commits are.
    @Test func onlyCommitsNewToTheServerAreLinted() throws {
        let server = try ServerFixture(.path)
        let s = server.sandbox
        try server.start()
        // A commit from before the rules (accepted under a relaxed server configuration).
        let relaxed = s.temporaryDirectory + "/relaxed.toml"
        try "[push]\nlint-commits = false\n".write(toFile: relaxed, atomically: true, encoding: .utf8)
        try s.gitOK("config", "shipshape.config", relaxed, in: server.bare)
        try s.gitOK("checkout", "-q", "-b", "feature/legacy", "develop")
        try s.commit(file: "legacy.txt", message: "legacy work")
        server.expectAccepted(try server.push("feature/legacy"), "the legacy branch")
        try s.gitOK("config", "--unset", "shipshape.config", in: server.bare)
        try s.gitOK("checkout", "-q", "develop")
        try s.gitOK("merge", "-q", "--no-ff", "--no-edit", "feature/legacy")
        let merged = try server.push("develop")
        server.expectAccepted(merged, "merging what the server has")
        #expect(ServerFixture.remoteLines(merged).contains { $0.hasPrefix("pre-receive: ok (1 ref, 1 new commit checked)") }, "\(merged)")
        // A force push rewrites develop's tip with a bad message: that commit is new.
        try s.gitOK("reset", "-q", "--hard", "HEAD~1")
        try s.commit(file: "b.txt", message: "oops")
        let before = try server.serverRef("refs/heads/develop")
        try server.expectRefused(try server.push("--force", "develop"), ref: "refs/heads/develop", rules: ["pushed-commit-lint"], before: before)
    }

    @Test(arguments: Transport.allCases) func aPushOfAHundredRefsIsAccepted(_ transport: Transport) throws {
        let server = try ServerFixture(transport)
        try server.start()
        let s = server.sandbox
        let develop = try s.gitOK("rev-parse", "develop").trimmedStdout
        var stream = ""
        for i in 0..<100 {
            let name = String(format: "f-%03d", i)
            let message = "feat: add \(name)\n"
            stream += "commit refs/heads/feature/\(name)\ncommitter \(GitSandbox.userName) <\(GitSandbox.userEmail)> 1705320000 +0000\n"
            stream += "data \(message.utf8.count)\n\(message)from \(develop)\nM 644 inline \(name).txt\ndata 2\nx\n\n"
        }
        try s.gitOK("fast-import", "--quiet", stdin: stream)
        let started = Date()
        let result = try s.git("push", "origin", "refs/heads/feature/*:refs/heads/feature/*")
        let seconds = Date().timeIntervalSince(started)
        server.expectAccepted(result, "100 feature branches")
        #expect(ServerFixture.remoteLines(result).contains { $0.hasPrefix("pre-receive: ok (100 refs, 100 new commits checked") }, "\(ServerFixture.remoteLines(result))")
        #expect(try s.gitOK("for-each-ref", "refs/heads/feature/", in: server.bare).stdout.split(separator: "\n").count == 100)
        print("push of 100 refs over \(transport.rawValue): \(String(format: "%.2f", seconds)) s")
    }
}
