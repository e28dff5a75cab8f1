import Foundation
import Testing
import ShipshapeTestSupport

/// Verdicts a team moving from commitlint must see unchanged: release commits, reapplied
/// reverts and where the footer begins, through `git commit` with the hooks installed and
/// through `shipshape lint` over the commits made.
@Suite struct CommitlintParityEndToEndTests {
    let bin = productsDirectory()

    /// A repository on `main` with one commit and Shipshape's hooks installed.
    func installedSandbox() throws -> GitSandbox {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        let install = try sandbox.run(bin + "/shipshape", ["install"])
        #expect(install.status == 0, "install failed: \(install)")
        return sandbox
    }

    /// The JSON array `shipshape lint --from REV --format json` prints, one object per commit.
    func lintRange(_ sandbox: GitSandbox, from: String) throws -> [[String: Any]] {
        let result = try sandbox.run(bin + "/shipshape", ["lint", "--from", from, "--format", "json", "--verbose"])
        #expect(result.status != 2, "\(result)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test func releaseCommitsWithCISkipMarkersAndReappliesAreCommittedUnlinted() throws {
        let sandbox = try installedSandbox()
        let start = try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout
        let skipped = [
            "chore(release): 2.4.0-beta.1 [skip ci]\n\n## 2.4.0-beta.1\n\n* Some Notes That Would Fail subject-case",
            "chore(release): 2.4.0 [ci skip]", "2.4.1 (skip-ci)", "v2.4.2 [ci-skip]",
            "Reapply \"Feat: Bring Back The Cache\"\n\nThis reverts commit 0123456789abcdef.",
        ]
        for message in skipped {
            let result = try sandbox.git("commit", "--allow-empty", "-m", message)
            #expect(result.status == 0, "\(message.debugDescription): \(result)")
        }
        // A marker does not turn an ordinary message into a release commit.
        let refused = try sandbox.git("commit", "--allow-empty", "-m", "Release 2.5.0 [skip ci]")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("[type-empty]"))

        let commits = try lintRange(sandbox, from: start)
        #expect(commits.count == skipped.count)
        for commit in commits { #expect(commit["ignored"] as? Bool == true, "\(commit)") }
    }

    @Test func theFooterBeginsWhereCommitlintsParserBeginsIt() throws {
        let sandbox = try installedSandbox()
        // The issue comes before the closing keyword: body text, so a long line is a body line.
        let long = "After #1941 switched git to fix the ordering, the hook ran twice on every single commit in the repository."
        #expect(long.count > 100)
        let refused = try sandbox.git("commit", "--allow-empty", "-m", "fix: run the hook once\n\n" + long)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: [body-max-line-length]"), "\(refused)")
        #expect(!refused.stderr.contains("footer"), "\(refused)")

        let start = try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout
        // A `Token: value` trailer starts the footer, so the reference after it needs no blank line.
        let trailers = "fix: run the hook once\n\nThe ordering was wrong.\n\nSigned-off-by: Ada <ada@example.org>\nCloses #12"
        let accepted = try sandbox.git("commit", "--allow-empty", "-m", trailers)
        #expect(accepted.status == 0 && !accepted.stderr.contains("warning"), "\(accepted)")
        // A reference straight after a body line starts the footer without its blank line.
        let glued = try sandbox.git("commit", "--allow-empty", "-m", "fix: sign it\n\nBody.\nCloses #12")
        #expect(glued.status == 0 && glued.stderr.contains("warning: [footer-leading-blank]"), "\(glued)")

        let commits = try lintRange(sandbox, from: start)
        let warnings = commits.map { ($0["warnings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
        #expect(warnings == [[], ["footer-leading-blank"]])
    }

    @Test func headerHintsGiveTheRepairedHeaderAndItIsAccepted() throws {
        let sandbox = try installedSandbox()
        let cases = [
            ("feat(webhooks) add retries", "feat(webhooks): add retries"), ("feat:add retries", "feat: add retries"),
            ("feat : add retries", "feat: add retries"), ("feat[webhooks]: add retries", "feat(webhooks): add retries"),
            ("WIP", "chore: wip"),
        ]
        for (typed, repaired) in cases {
            let refused = try sandbox.git("commit", "--allow-empty", "-m", typed)
            #expect(refused.status == 1, "\(typed)")
            #expect(refused.stderr.contains("e.g. \"\(repaired)\""), "\(typed): \(refused.stderr)")
            #expect(!refused.stderr.contains("chore: feat"), "\(typed): \(refused.stderr)")
            let followed = try sandbox.git("commit", "--allow-empty", "-m", repaired)
            #expect(followed.status == 0 && !followed.stderr.contains("warning"), "\(repaired): \(followed)")
        }
        // `git commit -m "feat: "` stores "feat:": still type-empty, as in commitlint, but the
        // message does not claim there is no type.
        let empty = try sandbox.git("commit", "--allow-empty", "-m", "feat: ")
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("[type-empty] \"feat\" is not read as a type"), "\(empty.stderr)")
        #expect(!empty.stderr.contains("has no type"), "\(empty.stderr)")
        #expect(empty.stderr.contains("e.g. \"feat: add dark mode\""), "\(empty.stderr)")
        // A case hint keeps an acronym whole.
        let acronym = try sandbox.git("commit", "--allow-empty", "-m", "feat: WIP stuff")
        #expect(acronym.status == 1)
        #expect(acronym.stderr.contains("\"wip stuff\"") && !acronym.stderr.contains("wIP"), "\(acronym.stderr)")
    }

    @Test func aPushedRefWithAnotherNameIsFixedByPushingNotByRenaming() throws {
        let sandbox = try GitSandbox()
        try sandbox.makeBareRemote()
        try sandbox.commit(message: "chore: start")
        try sandbox.gitOK("push", "-q", "origin", "main")
        #expect(try sandbox.run(bin + "/shipshape", ["install"]).status == 0)
        try sandbox.gitOK("checkout", "-q", "-b", "develop")

        let refused = try sandbox.git("push", "origin", "develop:refs/heads/wip-stuff")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("[branch-name]"), "\(refused.stderr)")
        #expect(refused.stderr.contains("git push origin develop:refs/heads/feature/wip-stuff"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("git branch -m"), "\(refused.stderr)")
        // Following the hint pushes, and develop is still develop.
        let followed = try sandbox.git("push", "origin", "develop:refs/heads/feature/wip-stuff")
        #expect(followed.status == 0, "\(followed)")
        #expect(try sandbox.gitOK("branch", "--show-current").trimmedStdout == "develop")

        // Pushing a badly named branch under its own name: renaming it is the fix.
        try sandbox.gitOK("branch", "Feature/NoCommits")
        let own = try sandbox.git("push", "origin", "Feature/NoCommits")
        #expect(own.status != 0)
        #expect(own.stderr.contains("git branch -m feature/no-commits, then git push origin feature/no-commits"), "\(own.stderr)")
        try sandbox.gitOK("branch", "-m", "Feature/NoCommits", "feature/no-commits")
        #expect(try sandbox.git("push", "origin", "feature/no-commits").status == 0)

        // dev means develop.
        try sandbox.gitOK("checkout", "-q", "-b", "dev")
        let dev = try sandbox.git("commit", "--allow-empty", "-m", "feat: on dev")
        #expect(dev.status == 1)
        #expect(dev.stderr.contains("did you mean \"develop\"?"), "\(dev.stderr)")
    }

    @Test func rulesListEveryIdWithTheSettingsOfTheRepositorysFile() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        let plain = try sandbox.run(bin + "/shipshape", ["rules"])
        #expect(plain.status == 0, "\(plain)")
        #expect(plain.stdout.hasPrefix("Settings in effect: the defaults (no .shipshape.toml in \(sandbox.root)"), "\(plain.stdout.prefix(200))")
        for id in ["type-enum", "message-bytes", "branch-name", "version-agreement", "bump-level", "pushed-commit-lint"] {
            #expect(plain.stdout.contains("\n\(id)  ["), "\(id)")
        }
        try sandbox.write(".shipshape.toml", "[commit.rules]\nheader-max-length = 72\n[branches]\nlevel = \"warning\"\n")
        let configured = try sandbox.run(bin + "/shipshape", ["rules"])
        #expect(configured.stdout.hasPrefix("Settings in effect: from \(sandbox.root)/.shipshape.toml\n"), "\(configured.stdout.prefix(200))")
        #expect(configured.stdout.contains("header-max-length  [error, always, 100]\n    The header is at most N characters long.\n    in effect: error, always, 72\n"))
        #expect(configured.stdout.contains("branch-name  [error]\n"))
        let json = try sandbox.run(bin + "/shipshape", ["rules", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let branch = try #require(list.first { $0["id"] as? String == "branch-name" })
        #expect((branch["effective"] as? [String: Any])?["level"] as? String == "warning")
        // No annotation form for a catalogue: said so, exit 2.
        let github = try sandbox.run(bin + "/shipshape", ["rules", "--format", "github"])
        #expect(github.status == 2)
        #expect(github.stderr.contains("shipshape rules cannot give --format github; use text or json"), "\(github)")
    }

    @Test func checkSpeaksGitHubAndLintsVocabularyAndNamesAMissingRevision() throws {
        let sandbox = try GitSandbox()
        try sandbox.write("VERSION", "1.2.0\n")
        try sandbox.write("package.json", "{ \"version\": \"1.1.0\" }\n")
        try sandbox.gitOK("add", "-A")
        try sandbox.gitOK("commit", "-q", "-m", "chore: start")
        let github = try sandbox.run(bin + "/shipshape", ["check", "--format", "github"])
        #expect(github.status == 1)
        #expect(github.stdout.hasPrefix("::error file=package.json,line=1,col=15,title=version-agreement::"), "\(github.stdout)")
        let json = try sandbox.run(bin + "/shipshape", ["check", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        let failure = try #require((object["errors"] as? [[String: Any]])?.first)
        #expect(failure["rule"] as? String == "version-agreement")
        #expect(failure["check"] == nil)
        for arguments in [["check", "--rev", "nonexistent"], ["lint", "--from", "nonexistent"], ["lint", "--from", "HEAD", "--to", "nope"]] {
            let missing = try sandbox.run(bin + "/shipshape", arguments)
            #expect(missing.status == 2, "\(arguments)")
            let name = arguments.last ?? ""
            #expect(missing.stderr.contains("revision \"\(name)\" was not found"), "\(arguments): \(missing.stderr)")
            #expect(!missing.stderr.contains("git_revparse_single"), "\(arguments): \(missing.stderr)")
        }
        // A version without its patch number is named once, not as "patch version version".
        try sandbox.write("VERSION", "1.2\n")
        try sandbox.write("package.json", "{ \"version\": \"1.2\" }\n")
        try sandbox.gitOK("commit", "-q", "-a", "-m", "chore: short version")
        let short = try sandbox.run(bin + "/shipshape", ["check"])
        #expect(short.status == 1)
        #expect(short.stdout.contains("the patch version is missing") && !short.stdout.contains("version version"), "\(short.stdout)")
    }
}
