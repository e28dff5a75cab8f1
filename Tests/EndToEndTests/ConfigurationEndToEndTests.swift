import Foundation
import Testing
import ShipshapeTestSupport

/// `.shipshape.toml`'s `[versions]`, `[push]` and `[changelog]` with real git, the built
/// programs and the hooks installed by `shipshape install`.
@Suite struct ConfigurationEndToEndTests {
    let bin = productsDirectory()

    /// Commits everything with `--no-verify` (the message is checked again at push).
    @discardableResult
    func commitAll(_ sandbox: GitSandbox, _ message: String) throws -> String {
        try sandbox.gitOK("add", "-A")
        try sandbox.gitOK("commit", "-q", "--no-verify", "--allow-empty", "-m", message)
        return try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout
    }

    /// A repository with a bare remote, `.shipshape.toml` and the files given, committed as
    /// `chore: release` and pushed; then the hooks are installed.
    func sandbox(configuration: String, files: [String: String], tag: String? = nil) throws -> GitSandbox {
        let sandbox = try GitSandbox()
        try sandbox.makeBareRemote()
        try sandbox.write(".shipshape.toml", configuration)
        for (path, text) in files { try sandbox.write(path, text) }
        try commitAll(sandbox, "chore: release")
        var refs = ["main"]
        if let tag {
            try sandbox.gitOK("tag", "-a", tag, "-m", "Release")
            refs.append(tag)
        }
        try sandbox.gitOK(arguments: ["push", "-q", "origin"] + refs)
        let install = try sandbox.run(bin + "/shipshape", ["install"])
        #expect(install.status == 0, "install failed: \(install)")
        return sandbox
    }

    func push(_ sandbox: GitSandbox, _ args: String...) throws -> ProcessResult {
        try sandbox.git(arguments: ["push", "origin"] + args)
    }

    /// `count` occurrences of `needle` in `text`.
    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func explicitVersionSourceThatDisagreesBlocksThePushAndIsNamed() throws {
        let sandbox = try sandbox(
            configuration: """
                [[versions.sources]]
                path = "deploy/app.env"
                pattern = '^APP_VERSION=(?<version>\\S+)$'
                """,
            files: ["VERSION": "1.1.0\n", "deploy/app.env": "APP_NAME=demo\nAPP_VERSION=1.1.0\n", "CHANGELOG.md": "# Changelog\n"],
            tag: "v1.1.0")
        try sandbox.write("VERSION", "1.1.1\n")
        try commitAll(sandbox, "fix: handle empty input")
        let refused = try push(sandbox, "main")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("[version-agreement]"), "\(refused)")
        #expect(refused.stderr.contains("deploy/app.env:2"), "\(refused)")
        #expect(refused.stderr.contains("push refused"))

        try sandbox.write("deploy/app.env", "APP_NAME=demo\nAPP_VERSION=1.1.1\n")
        try commitAll(sandbox, "fix: bump the deployed version")
        let accepted = try push(sandbox, "main")
        #expect(accepted.status == 0, "\(accepted)")
        #expect(accepted.stderr.contains("pre-push: ok"))

        // A configured file that disappears is named too.
        try sandbox.gitOK("rm", "-q", "deploy/app.env")
        try commitAll(sandbox, "chore: drop the env file")
        let missing = try push(sandbox, "main")
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.stderr.contains("deploy/app.env: the configured version file does not exist"), "\(missing)")
    }

    @Test func customTagFormatAndChangelogPathGovernReleaseTags() throws {
        let sandbox = try sandbox(
            configuration: """
                [versions]
                tag-format = "release-{version}"

                [changelog]
                path = "docs/CHANGES.md"
                """,
            files: ["VERSION": "1.1.0\n", "docs/CHANGES.md": "# Changes\n\n## [1.1.0] - 2024-01-15\n"],
            tag: "release-1.1.0")
        try sandbox.write("VERSION", "1.2.0\n")
        try sandbox.write("docs/CHANGES.md", "# Changes\n\n## [1.2.0] - 2024-02-01\n\n## [1.1.0] - 2024-01-15\n")
        try commitAll(sandbox, "feat: export to CSV")
        try sandbox.gitOK("tag", "-a", "release-1.2.0", "-m", "Release 1.2.0")
        let released = try push(sandbox, "main", "release-1.2.0")
        #expect(released.status == 0, "\(released)")

        // A tag in the configured format that names another version is refused...
        try sandbox.write("VERSION", "1.2.1\n")
        try commitAll(sandbox, "fix: rounding")
        try sandbox.gitOK("tag", "-a", "release-1.3.0", "-m", "Release 1.3.0")
        let mismatch = try push(sandbox, "release-1.3.0")
        #expect(mismatch.status == 1, "\(mismatch)")
        #expect(mismatch.stderr.contains("[tag-matches]"), "\(mismatch)")
        #expect(mismatch.stderr.contains("release-1.3.0"))
        // ...and so is a release whose section is missing from the configured changelog.
        try sandbox.gitOK("tag", "-a", "release-1.2.1", "-m", "Release 1.2.1")
        let noSection = try push(sandbox, "release-1.2.1")
        #expect(noSection.status == 1, "\(noSection)")
        #expect(noSection.stderr.contains("docs/CHANGES.md"), "\(noSection)")
        // A `v` tag is not a release tag under this format: nothing to check.
        try sandbox.gitOK("tag", "-a", "v9.9.9", "-m", "not a release")
        let other = try push(sandbox, "v9.9.9")
        #expect(other.status == 0, "\(other)")
        // The changelog's release tags follow the same format: only the commit after release-1.2.0 is listed.
        try sandbox.gitOK("tag", "-d", "release-1.3.0", "release-1.2.1")
        let sync = try sandbox.run(bin + "/changelog-sync", [])
        #expect(sync.status == 0, "\(sync)")
        let text = try sandbox.read("docs/CHANGES.md")
        #expect(text.contains("- rounding ("), "\(text)")
        #expect(!text.contains("export to CSV ("), "\(text)")
    }

    @Test func changelogPathAndRenamedCategoriesAreUsedBySyncAndPostMerge() throws {
        let sandbox = try sandbox(
            configuration: """
                [changelog]
                path = "docs/CHANGES.md"
                non-conventional = "Other"

                [[changelog.categories]]
                title = "Features"
                types = ["feat"]

                [[changelog.categories]]
                title = "Bug Fixes"
                types = ["fix", "perf"]
                """,
            files: ["docs/README.md": "demo\n"], tag: "v1.0.0")
        try sandbox.commit(message: "feat(api): add cursor pagination")
        try sandbox.commit(message: "perf: cache lookups")
        try sandbox.commit(message: "Update things")
        let sync = try sandbox.run(bin + "/changelog-sync", [])
        #expect(sync.status == 0, "\(sync)")
        #expect(sync.stdout.hasPrefix("docs/CHANGES.md: 3 entries added"), "\(sync)")
        #expect(!sandbox.exists("CHANGELOG.md"))
        let text = try sandbox.read("docs/CHANGES.md")
        #expect(text.contains("### Features\n\n- **api:** add cursor pagination ("), "\(text)")
        #expect(text.contains("### Bug Fixes\n\n- cache lookups ("), "\(text)")
        #expect(text.contains("### Other\n\n- Update things ("), "\(text)")
        #expect(!text.contains("### Added") && !text.contains("### Performance"))
        #expect(try sandbox.run(bin + "/shipshape", ["changelog", "sync", "--check"]).status == 0)

        // post-merge syncs the same file after a pull.
        try sandbox.gitOK("add", "-A")
        try sandbox.gitOK("commit", "-q", "--no-verify", "-m", "docs(changelog): sync")
        try sandbox.gitOK("push", "-q", "--no-verify", "origin", "main")
        try sandbox.gitOK("branch", "-q", "-u", "origin/main")
        let other = sandbox.temporaryDirectory + "/other"
        try sandbox.gitOK(arguments: ["clone", "-q", sandbox.temporaryDirectory + "/remotes/origin.git", other], in: sandbox.temporaryDirectory)
        try sandbox.gitOK(arguments: ["commit", "-q", "--allow-empty", "-m", "fix: from a teammate"], in: other)
        try sandbox.gitOK(arguments: ["push", "-q", "origin", "main"], in: other)
        let pull = try sandbox.git("pull", "-q", "--no-rebase")
        #expect(pull.status == 0, "\(pull)")
        #expect((pull.stdout + pull.stderr).contains("docs/CHANGES.md: 1 entry added in [Unreleased]"), "\(pull)")
        #expect(try sandbox.read("docs/CHANGES.md").contains("- cache lookups (") )
        #expect(try sandbox.read("docs/CHANGES.md").contains("- from a teammate ("))
    }

    @Test func aConfiguredChangelogInAFolderThatDoesNotExistYetIsCreated() throws {
        let sandbox = try GitSandbox()
        try sandbox.write(".shipshape.toml", "[changelog]\npath = \"docs/release/CHANGES.md\"\n")
        try sandbox.commit(file: "a.txt", message: "feat: add a")
        let sync = try sandbox.run(bin + "/changelog-sync", [])
        #expect(sync.status == 0, "\(sync)")
        #expect(try sandbox.read("docs/release/CHANGES.md").contains("- add a ("))
    }

    @Test func invalidConfigurationIsExitTwoWithFileAndLineOnce() throws {
        let sandbox = try sandbox(
            configuration: "# versions\n[versions]\n\n[[versions.sources]]\npath = \"VERSION\"\npattern = '^(\\d+\\.\\d+\\.\\d+)$'\n",
            files: ["VERSION": "1.0.0\n"])
        let check = try sandbox.run(bin + "/shipshape", ["check"])
        #expect(check.status == 2, "\(check)")
        let message = ".shipshape.toml:6: pattern \"^(\\d+\\.\\d+\\.\\d+)$\" for \"versions.sources[0].pattern\" lacks the named group (?<version>...)"
        #expect(check.stderr.contains(message), "\(check)")
        #expect(count(".shipshape.toml:6:", in: check.stderr + check.stdout) == 1, "\(check)")

        // The pre-push hook refuses the push with the same message (status 2).
        try sandbox.commit(message: "fix: something")
        let pushed = try push(sandbox, "main")
        #expect(pushed.status != 0)
        #expect(pushed.stderr.contains("shipshape pre-push: error: " + message), "\(pushed)")
        #expect(count(".shipshape.toml:6:", in: pushed.stderr) == 1, "\(pushed)")
        let prePush = try sandbox.run(bin + "/pre-push", ["origin", "x"], stdin: "refs/heads/main \(String(repeating: "1", count: 40)) refs/heads/main \(String(repeating: "0", count: 40))\n")
        #expect(prePush.status == 2, "\(prePush)")

        // changelog-sync too.
        try sandbox.write(".shipshape.toml", "[changelog]\npath = \"../CHANGELOG.md\"\n")
        let sync = try sandbox.run(bin + "/changelog-sync", [])
        #expect(sync.status == 2, "\(sync)")
        #expect(sync.stderr.contains(".shipshape.toml:2: invalid value \"../CHANGELOG.md\" for \"changelog.path\""), "\(sync)")
        #expect(!sandbox.exists("CHANGELOG.md"))

        // post-merge only warns and never fails the merge.
        let postMerge = try sandbox.run(bin + "/post-merge", ["0"])
        #expect(postMerge.status == 0, "\(postMerge)")
        #expect(postMerge.stderr.contains("warning: changelog not synced: .shipshape.toml:2:"), "\(postMerge)")
        #expect(count(".shipshape.toml:2:", in: postMerge.stderr) == 1)
    }
}
