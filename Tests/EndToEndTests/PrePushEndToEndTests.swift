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
