import Foundation
import Testing
import ShipshapeTestSupport

/// `shipshape release`, `hotfix`, `bump` and `version` end to end: the whole cycle performed by
/// the commands with the hooks installed, pushing to a bare remote, and the refusals that must
/// leave the repository exactly as it was.
@Suite(.serialized) struct ReleaseCommandTests {
    let bin = productsDirectory()

    /// Version files in several forms, with dependency pins that hold the same version string.
    func files(_ version: String) -> [String: String] {
        [
            "VERSION": "\(version)\n",
            "package.json": "{\n  \"name\": \"demo\",\n  \"version\": \"\(version)\",\n  \"dependencies\": { \"some-dep\": \"1.0.0\" }\n}\n",
            "pyproject.toml": "[project]\nname = \"demo\"\nversion = \"\(version)\"  # keep in step\n\n[tool.poetry.dependencies]\nrequests = { version = \"1.0.0\" }\n",
            "Dockerfile": "FROM scratch\r\nLABEL version=\"\(version)\"\r\nLABEL base=\"1.0.0\"\r\n",
        ]
    }

    /// The files at a version must be byte for byte what `files` gives: only the values moved.
    func expectFiles(_ sandbox: GitSandbox, _ version: String, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (path, text) in files(version) {
            #expect(try sandbox.read(path) == text, "\(step): \(path)", sourceLocation: sourceLocation)
        }
    }

    func shipshape(_ sandbox: GitSandbox, _ arguments: [String]) throws -> ProcessResult {
        try sandbox.run(bin + "/shipshape", arguments)
    }

    /// A repository at 1.0.0 on main (tagged) and develop, both pushed, hooks installed.
    func released() throws -> GitSandbox {
        let sandbox = try GitSandbox()
        for (path, text) in files("1.0.0") { try sandbox.write(path, text) }
        try sandbox.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- the first release\n\n[Unreleased]: https://example.com/o/r/compare/v1.0.0...HEAD\n[1.0.0]: https://example.com/o/r/releases/tag/v1.0.0\n")
        try sandbox.gitOK("add", "-A")
        try sandbox.gitOK("commit", "-q", "-m", "chore: start at 1.0.0")
        try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "Release version 1.0.0")
        try sandbox.makeBareRemote()
        #expect(try shipshape(sandbox, ["install"]).status == 0)
        try sandbox.gitOK("push", "-q", "origin", "main", "v1.0.0")
        try sandbox.gitOK("checkout", "-q", "-b", "develop")
        try sandbox.gitOK("push", "-q", "-u", "origin", "develop")
        return sandbox
    }

    /// A commit made through `git commit`, so commit-msg judges it.
    @discardableResult
    func commit(_ sandbox: GitSandbox, _ message: String, file: String) throws -> String {
        try sandbox.write(file, message + "\n")
        try sandbox.gitOK("add", file)
        try sandbox.gitOK("commit", "-q", "-m", message)
        return try sandbox.gitOK("rev-parse", "--short=7", "HEAD").trimmedStdout
    }

    /// What a team does after a commit straight on develop: sync the changelog and commit it.
    func syncChangelog(_ sandbox: GitSandbox) throws {
        #expect(try sandbox.run(bin + "/changelog-sync", []).status == 0)
        try sandbox.gitOK("commit", "-q", "-m", "docs(changelog): sync", "CHANGELOG.md")
    }

    func expectClean(_ sandbox: GitSandbox, on branch: String, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try sandbox.gitOK("status", "--porcelain").trimmedStdout == "", "\(step)", sourceLocation: sourceLocation)
        #expect(try sandbox.gitOK("branch", "--show-current").trimmedStdout == branch, "\(step)", sourceLocation: sourceLocation)
        let check = try sandbox.run(bin + "/changelog-sync", ["--check"])
        #expect(check.status == 0, "\(step): \(check)", sourceLocation: sourceLocation)
    }

    /// The section of a version in the changelog, up to the next release heading.
    func section(_ sandbox: GitSandbox, _ version: String) throws -> String {
        let text = try sandbox.read("CHANGELOG.md")
        guard let start = text.range(of: "## [\(version)]") else { return "" }
        let rest = text[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    @Test func theCycleRunsOnTheCommandsAndEveryPushIsAccepted() throws {
        let sandbox = try released()
        let feat = try commit(sandbox, "feat: export to CSV", file: "export.txt")
        try syncChangelog(sandbox)
        try sandbox.gitOK("push", "-q")

        // shipshape version --next says what auto chooses, and why.
        let next = try shipshape(sandbox, ["version", "--next"])
        #expect(next.status == 0 && next.stdout.contains("1.0.0\nnext: 1.1.0 (feat \(feat)"), "\(next)")

        // A dry run shows everything and changes nothing.
        let head = try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout
        let dry = try shipshape(sandbox, ["release", "start", "--dry-run", "--date", "2026-12-02"])
        #expect(dry.status == 0, "\(dry)")
        #expect(dry.stdout.contains("-1.0.0\n+1.1.0") && dry.stdout.contains("+## [1.1.0] - 2026-12-02"), "\(dry.stdout)")
        #expect(dry.stdout.contains("would run: git checkout -q -b release/v1.1.0"), "\(dry.stdout)")
        #expect(try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout == head)
        try expectClean(sandbox, on: "develop", "after the dry run")

        let start = try shipshape(sandbox, ["release", "start", "--date", "2026-12-02"])
        #expect(start.status == 0, "\(start)")
        try expectFiles(sandbox, "1.1.0", "release start")
        try expectClean(sandbox, on: "release/v1.1.0", "release start")
        #expect(try section(sandbox, "1.1.0").contains("export to CSV (\(feat))"))
        #expect(try sandbox.read("CHANGELOG.md").contains("[Unreleased]: https://example.com/o/r/compare/v1.1.0...HEAD\n[1.1.0]: https://example.com/o/r/compare/v1.0.0...v1.1.0\n"))
        #expect(try sandbox.gitOK("log", "-1", "--format=%s").trimmedStdout == "chore: bump version to 1.1.0")
        let pushRelease = try sandbox.git("push", "-q", "-u", "origin", "release/v1.1.0")
        #expect(pushRelease.status == 0, "\(pushRelease)")

        // A stabilisation fix on the release branch lands in the 1.1.0 section at finish.
        let fix = try commit(sandbox, "fix: a stabilisation fix", file: "fix.txt")
        let finish = try shipshape(sandbox, ["release", "finish", "--push"])
        #expect(finish.status == 0, "\(finish)")
        try expectClean(sandbox, on: "develop", "release finish")
        let changelog = try sandbox.read("CHANGELOG.md")
        #expect(try section(sandbox, "1.1.0").contains("a stabilisation fix (\(fix))"), "\(changelog)")
        #expect(try sandbox.gitOK("cat-file", "-t", "v1.1.0").trimmedStdout == "tag")
        #expect(try sandbox.gitOK("rev-parse", "v1.1.0^{}").trimmedStdout == sandbox.gitOK("rev-parse", "main").trimmedStdout)
        #expect(try sandbox.gitOK("ls-remote", "origin", "release/v1.1.0").trimmedStdout == "")
        #expect(try sandbox.gitOK("ls-remote", "origin", "refs/tags/v1.1.0").trimmedStdout != "")
        #expect(try sandbox.git("rev-parse", "--verify", "-q", "refs/heads/release/v1.1.0").status != 0)
        try expectFiles(sandbox, "1.1.0", "develop after the merge-back")
        try sandbox.gitOK("checkout", "-q", "main")
        try expectClean(sandbox, on: "main", "main after finish")
        #expect(try shipshape(sandbox, ["release", "notes"]).stdout.contains("a stabilisation fix (\(fix))"))

        // The hotfix.
        let hotfix = try shipshape(sandbox, ["hotfix", "start", "--date", "2026-12-03"])
        #expect(hotfix.status == 0, "\(hotfix)")
        try expectClean(sandbox, on: "hotfix/v1.1.1", "hotfix start")
        try expectFiles(sandbox, "1.1.1", "hotfix start")
        let urgent = try commit(sandbox, "fix: critical security vulnerability", file: "security.txt")
        let hotfixFinish = try shipshape(sandbox, ["hotfix", "finish", "--push"])
        #expect(hotfixFinish.status == 0, "\(hotfixFinish)")
        try expectClean(sandbox, on: "develop", "hotfix finish")
        #expect(try section(sandbox, "1.1.1").contains("critical security vulnerability (\(urgent))"))
        try expectFiles(sandbox, "1.1.1", "develop after the hotfix")

        // A pre-release, then the final release from the same branch.
        try commit(sandbox, "feat!: drop the legacy API", file: "api.txt")
        try syncChangelog(sandbox)
        try sandbox.gitOK("push", "-q")
        let rc = try shipshape(sandbox, ["release", "start", "--pre", "rc"])
        #expect(rc.status == 0, "\(rc)")
        try expectClean(sandbox, on: "release/v2.0.0", "rc")
        try expectFiles(sandbox, "2.0.0-rc.1", "rc")
        #expect(try sandbox.git("push", "-q", "-u", "origin", "release/v2.0.0").status == 0)
        let rc2 = try shipshape(sandbox, ["release", "start", "--pre", "rc"])
        #expect(rc2.status == 0, "\(rc2)")
        try expectFiles(sandbox, "2.0.0-rc.2", "rc.2")
        let final = try shipshape(sandbox, ["release", "start", "--date", "2026-12-04"])
        #expect(final.status == 0, "\(final)")
        try expectFiles(sandbox, "2.0.0", "final")
        #expect(try sandbox.git("push", "-q").status == 0)
        let done = try shipshape(sandbox, ["release", "finish", "--push"])
        #expect(done.status == 0, "\(done)")
        try expectClean(sandbox, on: "develop", "2.0.0 finished")
        #expect(try sandbox.gitOK("ls-remote", "origin", "refs/tags/v2.0.0").trimmedStdout != "")
        #expect(try section(sandbox, "2.0.0").contains("drop the legacy API"))
        try sandbox.gitOK("checkout", "-q", "main")
        try expectClean(sandbox, on: "main", "main at 2.0.0")
        #expect(try shipshape(sandbox, ["check"]).status == 0)
    }

    /// Signs the repository's commits and tags with a fresh SSH key, as `commit.gpgSign` and
    /// `tag.gpgSign` do for a team that requires signatures.
    func signEverything(_ sandbox: GitSandbox) throws {
        let key = sandbox.root + "/.git/signing-key"
        let made = try sandbox.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "releaser", "-f", key])
        #expect(made.status == 0, "ssh-keygen (openssh-client) is needed: \(made)")
        let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try sandbox.write(".git/allowed-signers", "* \(publicKey)\n")
        for (name, value) in [
            ("gpg.format", "ssh"), ("user.signingKey", key + ".pub"), ("commit.gpgSign", "true"), ("tag.gpgSign", "true"),
            ("gpg.ssh.allowedSignersFile", sandbox.root + "/.git/allowed-signers"),
        ] {
            try sandbox.gitOK("config", name, value)
        }
    }

    @Test func releaseStepsAreSignedWhenGitIsSetToSign() throws {
        let sandbox = try released()
        try signEverything(sandbox)
        try commit(sandbox, "feat: export to CSV", file: "export.txt")
        try syncChangelog(sandbox)
        #expect(try sandbox.git("push", "-q").status == 0)
        let start = try shipshape(sandbox, ["release", "start", "--date", "2026-12-02"])
        #expect(start.status == 0, "\(start)")
        let bump = try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout
        let finish = try shipshape(sandbox, ["release", "finish", "--push"])
        #expect(finish.status == 0, "\(finish)")
        try expectClean(sandbox, on: "develop", "signed release finish")

        // The bump commit, main's merge commit, the merge back into develop and the tag: every
        // object the commands wrote carries a good signature, because git wrote them.
        let merge = try sandbox.gitOK("rev-parse", "main").trimmedStdout
        let mergeBack = try sandbox.gitOK("rev-parse", "develop").trimmedStdout
        #expect(try sandbox.gitOK("rev-list", "--parents", "-1", merge).trimmedStdout.split(separator: " ").count == 3, "main's release commit is a merge")
        for (what, commit) in [("bump", bump), ("merge into main", merge), ("merge back", mergeBack)] {
            let verified = try sandbox.git("verify-commit", commit)
            #expect(verified.status == 0, "\(what): \(verified)")
            #expect(try sandbox.gitOK("log", "-1", "--format=%G?", commit).trimmedStdout == "G", "\(what)")
        }
        let tag = try sandbox.git("verify-tag", "v1.1.0")
        #expect(tag.status == 0 && tag.stderr.contains("Good \"git\" signature"), "\(tag)")
        #expect(try sandbox.gitOK("rev-parse", "v1.1.0^{}").trimmedStdout == merge)
    }

    /// Everything git can show of the repository's state.
    func state(_ sandbox: GitSandbox) throws -> String {
        try [
            sandbox.gitOK("for-each-ref").stdout, sandbox.gitOK("symbolic-ref", "HEAD").stdout,
            sandbox.gitOK("status", "--porcelain", "--untracked-files=all").stdout, sandbox.gitOK("ls-files", "-s").stdout,
        ].joined(separator: "\n--\n") + files("").keys.sorted().map { (try? sandbox.read($0)) ?? "" }.joined()
            + ((try? sandbox.read("CHANGELOG.md")) ?? "")
    }

    @Test func refusalsLeaveEverythingAsItWas() throws {
        let sandbox = try released()
        try commit(sandbox, "feat: something", file: "a.txt")

        // A dirty work tree.
        try sandbox.write("VERSION", "1.0.0\n# edited\n")
        var before = try state(sandbox)
        let dirty = try shipshape(sandbox, ["release", "start"])
        #expect(dirty.status == 1 && dirty.stderr.contains("uncommitted changes (VERSION)"), "\(dirty)")
        #expect(try state(sandbox) == before)
        try sandbox.gitOK("checkout", "--", "VERSION")

        // A version already tagged.
        before = try state(sandbox)
        let tagged = try shipshape(sandbox, ["release", "start", "1.0.0"])
        #expect(tagged.status == 1 && tagged.stderr.contains("v1.0.0"), "\(tagged)")
        #expect(try state(sandbox) == before)

        // Files that disagree.
        try sandbox.write("Dockerfile", "FROM scratch\r\nLABEL version=\"0.9.0\"\r\n")
        try sandbox.gitOK("commit", "-q", "-am", "chore: an old label")
        before = try state(sandbox)
        let disagree = try shipshape(sandbox, ["release", "start"])
        #expect(disagree.status == 1 && disagree.stderr.contains("Dockerfile") && disagree.stderr.contains("--force-version-files"), "\(disagree)")
        #expect(try state(sandbox) == before)
        let forced = try shipshape(sandbox, ["release", "start", "--force-version-files"])
        #expect(forced.status == 0, "\(forced)")
        #expect(try sandbox.read("Dockerfile").contains("LABEL version=\"1.1.0\""))

        // The wrong branch.
        let wrong = try shipshape(sandbox, ["hotfix", "finish"])
        #expect(wrong.status == 1 && wrong.stderr.contains("hotfix/vX.Y.Z"), "\(wrong)")

        // A merge-back conflict: main and the tag are done, develop is as it was, finish resumes.
        try sandbox.gitOK("checkout", "-q", "develop")
        try sandbox.write("conflict.txt", "develop\n")
        try sandbox.gitOK("add", "conflict.txt")
        try sandbox.gitOK("commit", "-q", "-m", "chore: develop side")
        try sandbox.gitOK("checkout", "-q", "release/v1.1.0")
        try sandbox.write("conflict.txt", "release\n")
        try sandbox.gitOK("add", "conflict.txt")
        try sandbox.gitOK("commit", "-q", "-m", "fix: release side")
        let developBefore = try sandbox.gitOK("rev-parse", "develop").trimmedStdout
        let conflict = try shipshape(sandbox, ["release", "finish"])
        #expect(conflict.status == 1 && conflict.stderr.contains("merging release/v1.1.0 back into develop conflicts"), "\(conflict)")
        #expect(try sandbox.gitOK("rev-parse", "develop").trimmedStdout == developBefore)
        #expect(try sandbox.gitOK("branch", "--show-current").trimmedStdout == "release/v1.1.0")
        #expect(try sandbox.gitOK("status", "--porcelain").trimmedStdout == "")
        #expect(try sandbox.gitOK("cat-file", "-t", "v1.1.0").trimmedStdout == "tag")
        // Resolve by hand as the message says, then finish again.
        try sandbox.gitOK("checkout", "-q", "develop")
        _ = try sandbox.git("merge", "-q", "--no-ff", "--no-edit", "release/v1.1.0")
        try sandbox.write("conflict.txt", "both\n")
        try sandbox.gitOK("add", "conflict.txt")
        try sandbox.gitOK("commit", "-q", "--no-edit")
        try sandbox.gitOK("checkout", "-q", "release/v1.1.0")
        let resumed = try shipshape(sandbox, ["release", "finish"])
        #expect(resumed.status == 0, "\(resumed)")
        #expect(resumed.stdout.contains("continuing"), "\(resumed)")
        #expect(try sandbox.git("rev-parse", "--verify", "-q", "refs/heads/release/v1.1.0").status != 0)
    }

    @Test func bumpOnOneBranchCommitsAndTags() throws {
        let sandbox = try released()
        try sandbox.gitOK("checkout", "-q", "main")
        try commit(sandbox, "fix: one", file: "one.txt")
        let bump = try shipshape(sandbox, ["bump", "--commit", "--tag", "--date", "2026-12-05"])
        #expect(bump.status == 0, "\(bump)")
        try expectFiles(sandbox, "1.0.1", "bump")
        #expect(try sandbox.gitOK("rev-parse", "v1.0.1^{}").trimmedStdout == sandbox.gitOK("rev-parse", "HEAD").trimmedStdout)
        let push = try sandbox.git("push", "-q", "origin", "main", "v1.0.1")
        #expect(push.status == 0, "\(push)")
        let notes = try shipshape(sandbox, ["release", "notes", "1.0.1"])
        #expect(notes.status == 0 && notes.stdout.hasPrefix("### Fixed\n\n- one ("), "\(notes)")
        let json = try shipshape(sandbox, ["version", "--format", "json"])
        #expect(json.stdout.contains("\"version\":\"1.0.1\""), "\(json)")
    }
}
