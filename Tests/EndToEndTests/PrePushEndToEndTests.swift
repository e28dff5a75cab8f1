import Foundation
import Testing
import ShipshapeTestSupport

/// Drives `git push` to a local bare remote with the hooks installed by `shipshape install`.
@Suite struct PrePushEndToEndTests {
    let bin = productsDirectory()

    /// Version files of a small Python + JavaScript project at a version.
    func writeVersion(_ sandbox: GitSandbox, _ version: String, skip: Set<String> = []) throws {
        if !skip.contains("VERSION") { try sandbox.write("VERSION", version + "\n") }
        if !skip.contains("package.json") {
            try sandbox.write("package.json", "{\n  \"name\": \"demo\",\n  \"version\": \"\(version)\",\n  \"dependencies\": { \"left-pad\": { \"version\": \"0.0.1\" } }\n}\n")
        }
        if !skip.contains("pyproject.toml") {
            try sandbox.write("pyproject.toml", "[project]\nname = \"demo-pkg\"\nversion = \"\(version)\"\n\n[tool.poetry.dependencies]\nrequests = { version = \"2.31.0\" }\n")
        }
    }

    /// Adds a changelog section for a version.
    func writeChangelog(_ sandbox: GitSandbox, _ versions: [String]) throws {
        var text = "# Changelog\n\n## [Unreleased]\n"
        for version in versions { text += "\n## [\(version)] - 2024-01-15\n\n### Added\n\n- things\n" }
        try sandbox.write("CHANGELOG.md", text)
    }

    /// Commits everything with `--no-verify` (the message is checked again at push).
    @discardableResult
    func commitAll(_ sandbox: GitSandbox, _ message: String) throws -> String {
        try sandbox.gitOK("add", "-A")
        try sandbox.gitOK("commit", "-q", "--no-verify", "--allow-empty", "-m", message)
        return try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout
    }

    /// A repository released as 1.1.0 (tag v1.1.0 pushed), hooks installed, with a bare remote.
    func releasedSandbox() throws -> GitSandbox {
        let sandbox = try GitSandbox()
        try sandbox.makeBareRemote()
        try writeVersion(sandbox, "1.1.0")
        try writeChangelog(sandbox, ["1.1.0"])
        try commitAll(sandbox, "chore: release 1.1.0")
        try sandbox.gitOK("tag", "-a", "v1.1.0", "-m", "Release 1.1.0")
        try sandbox.gitOK("push", "-q", "origin", "main", "v1.1.0")
        let install = try sandbox.run(bin + "/shipshape", ["install"])
        #expect(install.status == 0, "install failed: \(install)")
        return sandbox
    }

    func push(_ sandbox: GitSandbox, _ args: String...) throws -> ProcessResult {
        try sandbox.git(arguments: ["push", "origin"] + args)
    }

    @Test func aPythonPackageNamedUnlikeTheDistributionIsStillRead() throws {
        let sandbox = try releasedSandbox()
        try sandbox.write("pyproject.toml", "[project]\nname = \"scikit-thing\"\nversion = \"1.1.0\"\n")
        try sandbox.write("src/skthing/__init__.py", "__version__ = \"9.0.0\"\n")
        try commitAll(sandbox, "chore: add the python package")
        let check = try sandbox.run(bin + "/shipshape", ["check"])
        #expect(check.status == 1, "\(check)")
        #expect((check.stdout + check.stderr).contains("src/skthing/__init__.py"), "\(check)")
    }

    @Test func consistentBumpWithTagPushes() throws {
        let sandbox = try releasedSandbox()
        try sandbox.write("export.py", "x = 1\n")
        try commitAll(sandbox, "feat: add export")
        try writeVersion(sandbox, "1.2.0")
        try writeChangelog(sandbox, ["1.2.0", "1.1.0"])
        try commitAll(sandbox, "chore: bump version to 1.2.0")
        try sandbox.gitOK("tag", "-a", "v1.2.0", "-m", "Release 1.2.0")
        let result = try push(sandbox, "main", "v1.2.0")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("pre-push: ok"))
    }

    @Test func oneFileLeftBehindBlocksAndIsNamed() throws {
        let sandbox = try releasedSandbox()
        try writeVersion(sandbox, "1.1.1", skip: ["pyproject.toml"])
        try commitAll(sandbox, "fix: bump to 1.1.1")
        let result = try push(sandbox, "main")
        #expect(result.status != 0)
        #expect(result.stderr.contains("[version-agreement]"))
        #expect(result.stderr.contains("pyproject.toml:3"))
        #expect(result.stderr.contains("push refused"))
    }

    @Test func tagNotMatchingTheVersionBlocks() throws {
        let sandbox = try releasedSandbox()
        try writeVersion(sandbox, "1.1.1")
        try writeChangelog(sandbox, ["1.1.1", "1.1.0"])
        try commitAll(sandbox, "fix: handle empty input")
        try sandbox.gitOK("tag", "-a", "v1.2.0", "-m", "Release 1.2.0")
        let result = try push(sandbox, "v1.2.0")
        #expect(result.status != 0)
        #expect(result.stderr.contains("[tag-matches]"))
        #expect(result.stderr.contains("tag v1.2.0 names version 1.2.0"))
    }

    @Test func lightweightTagBlocks() throws {
        let sandbox = try releasedSandbox()
        try writeVersion(sandbox, "1.1.1")
        try writeChangelog(sandbox, ["1.1.1", "1.1.0"])
        try commitAll(sandbox, "fix: handle empty input")
        #expect(try push(sandbox, "main").status == 0)
        try sandbox.gitOK("tag", "v1.1.1")
        let result = try push(sandbox, "v1.1.1")
        #expect(result.status != 0)
        #expect(result.stderr.contains("lightweight"))
    }

    @Test func releaseBranchWithAnotherVersionBlocks() throws {
        let sandbox = try releasedSandbox()
        try sandbox.gitOK("checkout", "-q", "-b", "release/v1.2.0")
        try commitAll(sandbox, "docs: prepare the release notes")
        let result = try push(sandbox, "release/v1.2.0")
        #expect(result.status != 0)
        #expect(result.stderr.contains("[branch-matches]"))
        #expect(result.stderr.contains("prepares version 1.2.0"))

        try writeVersion(sandbox, "1.2.0-rc.1")
        try commitAll(sandbox, "feat: last feature for 1.2.0")
        let fixed = try push(sandbox, "release/v1.2.0")
        #expect(fixed.status == 0, "\(fixed)")
    }

    @Test func versionGoingDownBlocks() throws {
        let sandbox = try releasedSandbox()
        try writeVersion(sandbox, "1.0.9")
        try commitAll(sandbox, "fix: go back")
        let result = try push(sandbox, "main")
        #expect(result.status != 0)
        #expect(result.stderr.contains("[version-monotonic]"))
        #expect(result.stderr.contains("goes down from 1.1.0 to 1.0.9"))
    }

    @Test func skippedVersionBlocks() throws {
        let sandbox = try releasedSandbox()
        try writeVersion(sandbox, "1.3.0")
        try commitAll(sandbox, "feat: jump ahead")
        let result = try push(sandbox, "main")
        #expect(result.status != 0)
        #expect(result.stderr.contains("[version-monotonic]"))
        #expect(result.stderr.contains("skips a version"))
    }

    @Test func featureWithOnlyAPatchBumpBlocks() throws {
        let sandbox = try releasedSandbox()
        let feat = try commitAll(sandbox, "feat(export): add CSV export")
        try writeVersion(sandbox, "1.1.1")
        try commitAll(sandbox, "chore: bump version to 1.1.1")
        let result = try push(sandbox, "main")
        #expect(result.status != 0)
        #expect(result.stderr.contains("[bump-level]"))
        #expect(result.stderr.contains(String(feat.prefix(7))))
        #expect(result.stderr.contains("1.2.0"))
    }

    @Test func breakingChangeWithAMinorBumpBlocks() throws {
        let sandbox = try releasedSandbox()
        try commitAll(sandbox, "feat(api)!: drop the v1 endpoints")
        try writeVersion(sandbox, "1.2.0")
        try commitAll(sandbox, "chore: bump version to 1.2.0")
        let result = try push(sandbox, "main")
        #expect(result.status != 0)
        #expect(result.stderr.contains("[bump-level]"))
        #expect(result.stderr.contains("breaking change"))
        #expect(result.stderr.contains("2.0.0"))
    }

    @Test func noVerifyCommitWithABadMessageIsCaughtAtPush() throws {
        let sandbox = try releasedSandbox()
        try sandbox.write("a.txt", "a\n")
        try sandbox.gitOK("add", "a.txt")
        try sandbox.gitOK("commit", "-q", "--no-verify", "-m", "feature: sneak this in")
        let result = try push(sandbox, "main")
        #expect(result.status != 0)
        #expect(result.stderr.contains("[pushed-commit-lint]"))
        #expect(result.stderr.contains("feature: sneak this in"))
        #expect(result.stderr.contains("[type-enum]"))
    }

    @Test func fixupCommitIsRefusedOnAProtectedBranchOnly() throws {
        let sandbox = try releasedSandbox()
        try sandbox.gitOK("checkout", "-q", "-b", "feature/export")
        try commitAll(sandbox, "feat: export")
        try sandbox.gitOK("commit", "-q", "--no-verify", "--allow-empty", "--fixup", "HEAD")
        let feature = try push(sandbox, "feature/export")
        #expect(feature.status == 0, "\(feature)")
        try sandbox.gitOK("checkout", "-q", "main")
        try sandbox.gitOK("merge", "-q", "--ff-only", "feature/export")
        let main = try push(sandbox, "main")
        #expect(main.status != 0)
        #expect(main.stderr.contains("fixup!"))
        #expect(main.stderr.contains("protected branch main"))
    }

    @Test func deletingARemoteBranchPasses() throws {
        let sandbox = try releasedSandbox()
        try sandbox.gitOK("checkout", "-q", "-b", "feature/old")
        try commitAll(sandbox, "feat: old idea")
        #expect(try push(sandbox, "feature/old").status == 0)
        let result = try push(sandbox, "--delete", "feature/old")
        #expect(result.status == 0, "\(result)")
    }

    @Test func newBranchesAreCheckedOnlyForTheirOwnCommits() throws {
        let sandbox = try releasedSandbox()
        // Everyday work: a feat commit without a version change pushes freely.
        try sandbox.gitOK("checkout", "-q", "-b", "feature/csv-export")
        try commitAll(sandbox, "feat: add CSV export")
        let good = try push(sandbox, "feature/csv-export")
        #expect(good.status == 0, "\(good)")
        #expect(good.stderr.contains("1 new commit"))

        // A badly named branch is refused.
        try sandbox.gitOK("checkout", "-q", "-b", "Feature_Bad")
        let bad = try push(sandbox, "Feature_Bad")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("[branch-name]"))
    }

    @Test func tagFirstThenPushingMainPasses() throws {
        let sandbox = try releasedSandbox()
        try writeVersion(sandbox, "1.1.1")
        try writeChangelog(sandbox, ["1.1.1", "1.1.0"])
        try commitAll(sandbox, "fix: release 1.1.1")
        try sandbox.gitOK("tag", "-a", "v1.1.1", "-m", "Release 1.1.1")
        // The tag on the pushed tip itself is not the release to beat, local or on the remote.
        let mainOnly = try push(sandbox, "main")
        #expect(mainOnly.status == 0, "\(mainOnly)")
        #expect(!mainOnly.stderr.contains("[version-monotonic]"), "\(mainOnly.stderr)")

        try writeVersion(sandbox, "1.1.2")
        try writeChangelog(sandbox, ["1.1.2", "1.1.1", "1.1.0"])
        try commitAll(sandbox, "fix: release 1.1.2")
        try sandbox.gitOK("tag", "-a", "v1.1.2", "-m", "Release 1.1.2")
        let tagOnly = try push(sandbox, "v1.1.2")
        #expect(tagOnly.status == 0, "\(tagOnly)")
        let thenMain = try push(sandbox, "main")
        #expect(thenMain.status == 0, "\(thenMain)")
    }

    @Test func bumpLevelOfATaggedTipIsMeasuredFromTheReleaseBefore() throws {
        let sandbox = try releasedSandbox()
        let feat = try commitAll(sandbox, "feat: add export")
        try writeVersion(sandbox, "1.1.1")
        try writeChangelog(sandbox, ["1.1.1", "1.1.0"])
        try commitAll(sandbox, "chore: bump version to 1.1.1")
        try sandbox.gitOK("tag", "-a", "v1.1.1", "-m", "Release 1.1.1")
        let result = try push(sandbox, "main")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("[bump-level]"), "\(result.stderr)")
        #expect(result.stderr.contains(String(feat.prefix(7))))
        #expect(result.stderr.contains("since v1.1.0"))
        #expect(!result.stderr.contains("[version-monotonic]"))
    }

    @Test func aTagOnlyPushLintsTheCommitsItCarries() throws {
        let sandbox = try releasedSandbox()
        try sandbox.write("a.txt", "a\n")
        try commitAll(sandbox, "feature: sneak this in")
        try writeVersion(sandbox, "1.1.1")
        try writeChangelog(sandbox, ["1.1.1", "1.1.0"])
        try commitAll(sandbox, "fix: release 1.1.1")
        try sandbox.gitOK("tag", "-a", "v1.1.1", "-m", "Release 1.1.1")
        let result = try push(sandbox, "v1.1.1")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("[pushed-commit-lint]"), "\(result.stderr)")
        #expect(result.stderr.contains("feature: sneak this in"))
        #expect(result.stderr.contains("2 new commits"), "\(result.stderr)")
        // Nothing the remote already has is linted again.
        #expect(!result.stderr.contains("release 1.1.0"))
    }

    @Test func aPreReleaseTagNeedsNoChangelogSectionUnlessConfigured() throws {
        let sandbox = try releasedSandbox()
        try commitAll(sandbox, "feat: add export")
        try writeVersion(sandbox, "1.2.0-rc.1")
        try commitAll(sandbox, "chore: bump version to 1.2.0-rc.1")
        try sandbox.gitOK("tag", "-a", "v1.2.0-rc.1", "-m", "Release candidate 1.2.0-rc.1")
        let rc1 = try push(sandbox, "main", "v1.2.0-rc.1")
        #expect(rc1.status == 0, "\(rc1)")

        try sandbox.write(".shipshape.toml", "[changelog]\nprerelease-tags-are-releases = true\n")
        try writeVersion(sandbox, "1.2.0-rc.2")
        try commitAll(sandbox, "chore: bump version to 1.2.0-rc.2")
        try sandbox.gitOK("tag", "-a", "v1.2.0-rc.2", "-m", "Release candidate 1.2.0-rc.2")
        let rc2 = try push(sandbox, "main", "v1.2.0-rc.2")
        #expect(rc2.status == 1, "\(rc2)")
        #expect(rc2.stderr.contains("[tag-matches]"))
        #expect(rc2.stderr.contains("## [1.2.0-rc.2]"), "\(rc2.stderr)")
    }

    @Test func emptyInputAndManyRefLinesAreHandled() throws {
        let sandbox = try releasedSandbox()
        let empty = try sandbox.run(bin + "/pre-push", ["origin", "url"], stdin: "")
        #expect(empty.status == 0, "\(empty)")
        let head = try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout
        let zero = String(repeating: "0", count: 40)
        var lines = ""
        for index in 0..<3000 { lines += "refs/heads/main@{\(index) minutes ago} \(zero) refs/heads/gone-\(index) \(head)\n" }
        let deletions = try sandbox.run(bin + "/pre-push", ["origin", "url"], stdin: lines)
        #expect(deletions.status == 0, "\(deletions)")
        let sha256 = try sandbox.run(bin + "/pre-push", ["origin", "url"], stdin: "refs/heads/main \(String(repeating: "a", count: 64)) refs/heads/main \(zero)\n")
        #expect(sha256.status == 2)
        #expect(sha256.stderr.contains("SHA-256"))
    }

    @Test func fiveThousandNewCommitsComplete() throws {
        let sandbox = try releasedSandbox()
        var stream = ""
        for index in 1...5000 {
            let message = "fix: change number \(index)\n"
            stream += "commit refs/heads/main\ncommitter T <t@example.com> \(1_700_000_000 + index) +0000\ndata \(message.utf8.count)\n\(message)"
            if index == 1 { stream += "from refs/heads/main^0\n" }
            stream += "\n"
        }
        try sandbox.gitOK("fast-import", "--quiet", stdin: stream)
        #expect(try sandbox.gitOK("rev-list", "--count", "origin/main..main").trimmedStdout == "5000")
        let result = try push(sandbox, "main")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("5000 new commits"))
    }
}

/// New branches without remote-tracking refs, force pushes, `--mirror`, SHA-256 and shallow
/// repositories.
@Suite struct PrePushHistoryEndToEndTests {
    let bin = productsDirectory()
    let helper = PrePushEndToEndTests()

    /// A released repository whose history (before the release) has a commit that breaks the
    /// rules, as an imported legacy project would.
    func legacySandbox() throws -> GitSandbox {
        let sandbox = try GitSandbox()
        try sandbox.makeBareRemote()
        try helper.commitAll(sandbox, "legacy: imported from svn")
        try helper.writeVersion(sandbox, "1.1.0")
        try helper.writeChangelog(sandbox, ["1.1.0"])
        try helper.commitAll(sandbox, "chore: release 1.1.0")
        try sandbox.gitOK("tag", "-a", "v1.1.0", "-m", "Release 1.1.0")
        try sandbox.gitOK("push", "-q", "--no-verify", "origin", "main", "v1.1.0")
        let install = try sandbox.run(bin + "/shipshape", ["install"])
        #expect(install.status == 0, "install failed: \(install)")
        return sandbox
    }

    /// An empty bare repository beside the sandbox's remotes, for pushes to a URL.
    func emptyBare(_ sandbox: GitSandbox, _ name: String) throws -> String {
        let path = sandbox.temporaryDirectory + "/remotes/" + name + ".git"
        try sandbox.gitOK(arguments: ["init", "-q", "--bare", "-b", "main", path], in: sandbox.temporaryDirectory)
        return path
    }

    @Test func newBranchPushedToAURLIsCheckedForItsOwnCommitsOnly() throws {
        let sandbox = try legacySandbox()
        let url = try emptyBare(sandbox, "elsewhere")
        try sandbox.gitOK("checkout", "-q", "-b", "feature/csv")
        try helper.commitAll(sandbox, "feat: add CSV export")
        let good = try sandbox.git("push", url, "feature/csv")
        #expect(good.status == 0, "\(good)")
        #expect(good.stderr.contains("1 new commit checked"), "\(good.stderr)")
        #expect(!good.stderr.contains("legacy"))

        // Its own bad commit is still caught, and its version is compared with the fork point.
        try helper.commitAll(sandbox, "Added stuff")
        try helper.writeVersion(sandbox, "1.3.0")
        try helper.commitAll(sandbox, "feat: jump ahead")
        let bad = try sandbox.git("push", url, "feature/csv:refs/heads/feature/csv-2")
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stderr.contains("\"Added stuff\""))
        #expect(bad.stderr.contains("skips a version"), "\(bad.stderr)")
        #expect(!bad.stderr.contains("legacy"))
        #expect(bad.stderr.contains("3 new commits"))
    }

    @Test func newBranchPushedToARemoteWithoutRefsStopsAtTheForkPoint() throws {
        let sandbox = try legacySandbox()
        let url = try emptyBare(sandbox, "backup")
        try sandbox.gitOK("remote", "add", "backup", url)
        try sandbox.gitOK("checkout", "-q", "-b", "bugfix/empty-input")
        try helper.commitAll(sandbox, "fix: handle empty input")
        let result = try sandbox.git("push", "backup", "bugfix/empty-input")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("1 new commit checked"), "\(result.stderr)")
    }

    /// The remote is empty, so it has no release tag either: a release tag on the tip (or in its
    /// history) must not hide the commits it carries.
    @Test func theDefaultBranchPushedToAnEmptyRemoteIsLintedInFull() throws {
        let sandbox = try legacySandbox()
        let url = try emptyBare(sandbox, "fresh")
        let first = try sandbox.git("push", url, "main")
        #expect(first.status == 1, "\(first)")
        #expect(first.stderr.contains("\"legacy: imported from svn\""), "\(first.stderr)")
        #expect(first.stderr.contains("2 new commits"), "\(first.stderr)")

        // A clean history of 5,000+ commits with a release tag on the tip goes out in full.
        let clean = try GitSandbox()
        var stream = ""
        for index in 1...5000 {
            let message = "fix: change number \(index)\n"
            stream += "commit refs/heads/main\ncommitter T <t@example.com> \(1_700_000_000 + index) +0000\ndata \(message.utf8.count)\n\(message)"
            stream += "\n"  // each commit continues the branch of the one before
        }
        try clean.gitOK("fast-import", "--quiet", stdin: stream)
        try clean.gitOK("reset", "-q", "--hard", "main")
        try helper.writeVersion(clean, "1.0.0")
        try helper.writeChangelog(clean, ["1.0.0"])
        try helper.commitAll(clean, "chore: release 1.0.0")
        try clean.gitOK("tag", "-a", "v1.0.0", "-m", "Release 1.0.0")
        #expect(try clean.run(bin + "/shipshape", ["install"]).status == 0)
        let fresh = try emptyBare(clean, "fresh")
        let big = try clean.git("push", fresh, "main", "v1.0.0")
        #expect(big.status == 0, "\(big)")
        #expect(big.stderr.contains("5001 new commits"), "\(big.stderr)")
        try clean.gitOK("commit", "-q", "--no-verify", "--allow-empty", "-m", "oops no type")
        let bad = try clean.git("push", try emptyBare(clean, "fresh-2"), "main")
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stderr.contains("\"oops no type\""))
    }

    @Test func forcePushThatRewritesHistoryWithABadCommitIsCaught() throws {
        let sandbox = try helper.releasedSandbox()
        try helper.commitAll(sandbox, "fix: handle empty input")
        #expect(try helper.push(sandbox, "main").status == 0)
        try sandbox.gitOK("reset", "-q", "--hard", "HEAD~1")
        try helper.commitAll(sandbox, "handle empty input properly")
        let result = try helper.push(sandbox, "--force", "main")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("[pushed-commit-lint]"))
        #expect(result.stderr.contains("handle empty input properly"))
        #expect(result.stderr.contains("1 new commit"))
    }

    @Test func forcePushThatOnlyDropsCommitsPasses() throws {
        let sandbox = try helper.releasedSandbox()
        try helper.commitAll(sandbox, "fix: handle empty input")
        try helper.writeVersion(sandbox, "1.1.1")
        try helper.commitAll(sandbox, "chore: bump version to 1.1.1")
        #expect(try helper.push(sandbox, "main").status == 0)
        // Drop the bump (the version "goes back" to 1.1.0, which is where the history now ends).
        try sandbox.gitOK("reset", "-q", "--hard", "HEAD~1")
        let dropped = try helper.push(sandbox, "--force", "main")
        #expect(dropped.status == 0, "\(dropped)")
        #expect(dropped.stderr.contains("0 new commits"), "\(dropped.stderr)")

        // A rewrite is compared with where it forks from the old history, not the old tip.
        try helper.writeVersion(sandbox, "1.1.1")
        try helper.commitAll(sandbox, "chore: bump version to 1.1.1 again")
        let rewritten = try helper.push(sandbox, "--force", "main")
        #expect(rewritten.status == 0, "\(rewritten)")
    }

    @Test func mirrorPushChecksEachRefSensibly() throws {
        let sandbox = try helper.releasedSandbox()
        try sandbox.gitOK("branch", "develop")
        try sandbox.gitOK("checkout", "-q", "-b", "feature/a")
        try helper.commitAll(sandbox, "feat: a")
        try sandbox.gitOK("checkout", "-q", "-b", "feature/b", "main")
        try helper.commitAll(sandbox, "fix: b")
        try sandbox.gitOK("checkout", "-q", "main")
        try sandbox.gitOK("notes", "add", "-m", "reviewed", "HEAD")
        let mirror = try emptyBare(sandbox, "mirror")

        // Everything is new there: branches, the release tag, origin's remote-tracking refs, notes.
        let first = try sandbox.git("push", "--mirror", mirror)
        #expect(first.status == 0, "\(first)")
        #expect(first.stderr.contains("pre-push: ok"), "\(first.stderr)")
        #expect(try sandbox.gitOK("ls-remote", mirror).stdout.contains("refs/tags/v1.1.0"))

        // Deletions, a new release and an updated branch in one mirror push.
        try sandbox.gitOK("branch", "-q", "-D", "feature/a")
        try helper.writeVersion(sandbox, "1.1.1")
        try helper.writeChangelog(sandbox, ["1.1.1", "1.1.0"])
        try helper.commitAll(sandbox, "fix: release 1.1.1")
        try sandbox.gitOK("tag", "-a", "v1.1.1", "-m", "Release 1.1.1")
        try sandbox.gitOK("tag", "-d", "v1.1.0")
        let second = try sandbox.git("push", "--mirror", mirror)
        #expect(second.status == 0, "\(second)")
        let remote = try sandbox.gitOK("ls-remote", mirror).stdout
        #expect(!remote.contains("feature/a") && !remote.contains("v1.1.0") && remote.contains("v1.1.1"))

        // A bad commit on one branch and a lightweight release tag still stop a mirror push.
        try sandbox.gitOK("checkout", "-q", "feature/b")
        try helper.commitAll(sandbox, "bad commit without type")
        try sandbox.gitOK("tag", "v9.9.9", "main")
        let third = try sandbox.git("push", "--mirror", mirror)
        #expect(third.status == 1, "\(third)")
        #expect(third.stderr.contains("\"bad commit without type\""), "\(third.stderr)")
        #expect(third.stderr.contains("lightweight"))
        #expect(!third.stderr.contains("refs/remotes/"))
    }

    @Test func malformedInputExitsTwoNamingTheLine() throws {
        let sandbox = try helper.releasedSandbox()
        let zero = String(repeating: "0", count: 40)
        let result = try sandbox.run(bin + "/pre-push", ["origin", "url"], stdin: "refs/heads/main \(zero) refs/heads/main \(zero)\nnot a ref line\n")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("line 2"))
    }

    @Test func aSHA256RepositoryIsAClearErrorNotACrash() throws {
        let sandbox = try GitSandbox()
        let remote = sandbox.temporaryDirectory + "/remotes/sha256.git"
        let made = try sandbox.git(arguments: ["init", "-q", "--bare", "--object-format=sha256", remote], in: sandbox.temporaryDirectory)
        try #require(made.status == 0, "git cannot make SHA-256 repositories here: \(made)")
        let work = sandbox.temporaryDirectory + "/sha256-work"
        try sandbox.gitOK(arguments: ["init", "-q", "-b", "main", "--object-format=sha256", work], in: sandbox.temporaryDirectory)
        try sandbox.gitOK(arguments: ["commit", "-q", "--allow-empty", "-m", "feat: start"], in: work)
        try sandbox.gitOK(arguments: ["remote", "add", "origin", remote], in: work)
        // `shipshape install` cannot open a SHA-256 repository either: install the shim by hand.
        try sandbox.write(work + "/.git/hooks/pre-push", "#!/bin/sh\nexec '\(bin)/pre-push' \"$@\"\n")
        try sandbox.run("chmod", ["+x", work + "/.git/hooks/pre-push"])
        // git 2.39 now and then leaves git-receive-pack waiting on a SHA-256 remote after a hook
        // refused the push (seen once in many runs, with the hook long gone): bound git's wait,
        // and judge what the hook said whenever git returned.
        let result = try run("git", ["push", "origin", "main"], in: work, environment: sandbox.env, timeout: 60)
        if !result.timedOut {
            #expect(result.status != 0, "\(result)")
            #expect(result.stderr.contains("SHA-256"), "\(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"))
        }
        // The hook's own status is 2.
        let line = "refs/heads/main \(String(repeating: "a", count: 64)) refs/heads/main \(String(repeating: "0", count: 64))\n"
        let direct = try sandbox.run(bin + "/pre-push", ["origin", remote], in: work, stdin: line)
        #expect(direct.status == 2, "\(direct)")
    }

    /// A shallow clone works as far as its history goes (`.git/shallow` is read here, since
    /// libgit2 1.5 does not): a push whose commits and checks stay inside the clone is checked
    /// as usual; one whose checks need history the clone cut off (the commits since the last
    /// release, for a version change) stops with a clear message and exit 2 rather than pass a
    /// partial check.
    @Test func aShallowCloneIsCheckedAsFarAsItsHistoryGoes() throws {
        let sandbox = try helper.releasedSandbox()
        try helper.commitAll(sandbox, "fix: one")
        try helper.commitAll(sandbox, "fix: one more")
        #expect(try helper.push(sandbox, "main").status == 0)
        let clone = sandbox.temporaryDirectory + "/shallow"
        try sandbox.gitOK(arguments: ["clone", "-q", "--depth", "1", "file://" + sandbox.temporaryDirectory + "/remotes/origin.git", clone], in: sandbox.temporaryDirectory)
        #expect(try sandbox.run(bin + "/shipshape", ["install"], in: clone).status == 0)
        try sandbox.gitOK(arguments: ["commit", "-q", "--no-verify", "--allow-empty", "-m", "fix: two"], in: clone)
        let inside = try sandbox.git(arguments: ["push", "origin", "main"], in: clone)
        #expect(inside.status == 0, "\(inside)")

        // A version change: the bump check needs the commits since v1.1.0 (fetched as a tag,
        // shallow too), which the clone lacks.
        try sandbox.gitOK(arguments: ["fetch", "-q", "--depth", "1", "origin", "tag", "v1.1.0"], in: clone)
        let old = try sandbox.gitOK(arguments: ["rev-parse", "HEAD"], in: clone).trimmedStdout
        try "1.1.1\n".write(toFile: clone + "/VERSION", atomically: true, encoding: .utf8)
        for file in ["package.json", "pyproject.toml"] {
            let text = try String(contentsOfFile: clone + "/" + file, encoding: .utf8).replacingOccurrences(of: "\"1.1.0\"", with: "\"1.1.1\"")
            try text.write(toFile: clone + "/" + file, atomically: true, encoding: .utf8)
        }
        try sandbox.gitOK(arguments: ["commit", "-q", "--no-verify", "-am", "chore: bump version to 1.1.1"], in: clone)
        let tip = try sandbox.gitOK(arguments: ["rev-parse", "HEAD"], in: clone).trimmedStdout
        let push = try sandbox.git(arguments: ["push", "origin", "main"], in: clone)
        #expect(push.status != 0, "\(push)")
        #expect(push.stderr.contains("shallow clone"), "\(push.stderr)")
        #expect(push.stderr.contains("git fetch --unshallow"))
        let direct = try sandbox.run(bin + "/pre-push", ["origin", "url"], in: clone, stdin: "refs/heads/main \(tip) refs/heads/main \(old)\n")
        #expect(direct.status == 2, "\(direct)")

        // Once unshallowed, the same push goes through.
        try sandbox.gitOK(arguments: ["fetch", "-q", "--unshallow", "origin"], in: clone)
        let after = try sandbox.git(arguments: ["push", "origin", "main"], in: clone)
        #expect(after.status == 0, "\(after)")
    }
}
