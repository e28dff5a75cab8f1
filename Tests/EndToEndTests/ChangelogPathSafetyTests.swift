import Foundation
import Testing
import ShipshapeTestSupport

/// Where the changelog sync may write (issue 14, items 1, 4 and 5): never into the git
/// directory, never through the lock file's link, never a new file over a tracked one that a
/// sparse checkout left out. Each case runs the built programs with real git.
@Suite struct ChangelogPathSafetyTests {
    let bin = productsDirectory()

    /// A released repository with the hooks installed and a feature commit after the release.
    func released() throws -> GitSandbox {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "v1.0.0")
        try sandbox.commit(message: "feat: add a thing")
        return sandbox
    }

    func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map(Array.init) }

    @Test func aCommittedLinkIntoTheGitDirectoryIsRefusedBySyncAndPostMerge() throws {
        let sandbox = try released()
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("CHANGELOG.md"), withDestinationPath: ".git/config")
        try sandbox.gitOK("add", "CHANGELOG.md")
        try sandbox.gitOK("commit", "-q", "--no-verify", "-m", "chore: a changelog link")
        let config = bytes(sandbox.path(".git/config"))

        let sync = try sandbox.run(bin + "/changelog-sync", [])
        #expect(sync.status == 2, "\(sync)")
        #expect(sync.stderr.contains("inside the git directory"), "\(sync)")
        #expect(bytes(sandbox.path(".git/config")) == config)

        let postMerge = try sandbox.run(bin + "/post-merge", ["0"])
        #expect(postMerge.status == 0, "\(postMerge)")
        #expect(postMerge.stderr.contains("inside the git directory"), "\(postMerge)")
        #expect(bytes(sandbox.path(".git/config")) == config)
        #expect(try sandbox.git("status", "--short").status == 0)
    }

    @Test func aLinkedWorktreesGitFileTargetIsRefused() throws {
        let sandbox = try released()
        let worktree = sandbox.temporaryDirectory + "/wt"
        try sandbox.gitOK("worktree", "add", "-q", "-b", "feature/linked", worktree)
        // The worktree's git directory lives in the main repository's .git/worktrees/wt.
        let gitDirectory = try sandbox.gitOK(arguments: ["rev-parse", "--absolute-git-dir"], in: worktree).trimmedStdout
        try FileManager.default.createSymbolicLink(atPath: worktree + "/CHANGELOG.md", withDestinationPath: gitDirectory + "/HEAD")
        let head = bytes(gitDirectory + "/HEAD")
        let sync = try sandbox.run(bin + "/changelog-sync", [], in: worktree)
        #expect(sync.status == 2, "\(sync)")
        #expect(bytes(gitDirectory + "/HEAD") == head)
    }

    @Test func aConfiguredPathIntoTheGitDirectoryIsAConfigurationError() throws {
        for path in [".git/config", ".git/hooks/pre-commit", "./.GIT/info/exclude"] {
            let sandbox = try released()
            try sandbox.write(".shipshape.toml", "[changelog]\npath = \"\(path)\"\n")
            let config = bytes(sandbox.path(".git/config"))
            let sync = try sandbox.run(bin + "/changelog-sync", [])
            #expect(sync.status == 2, "\(path): \(sync)")
            #expect(sync.stderr.contains("git directory"), "\(path): \(sync)")
            #expect(bytes(sandbox.path(".git/config")) == config)
            #expect(!FileManager.default.fileExists(atPath: sandbox.path(".git/hooks/pre-commit")))
        }
        let sandbox = try released()
        try sandbox.write(".shipshape.toml", "[[versions.sources]]\npath = \".git/config\"\npattern = '(?<version>\\d+)'\n")
        let check = try sandbox.run(bin + "/shipshape", ["check"])
        #expect(check.status == 2, "\(check)")
        #expect(check.stderr.contains("git directory"), "\(check)")
    }

    @Test func theGitDirectoryOfADotfilesLayoutIsRefusedWhateverItsName() throws {
        let sandbox = try GitSandbox()
        let home = sandbox.temporaryDirectory + "/dotfiles-home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try sandbox.gitOK(arguments: ["init", "-q", "--bare", "-b", "main", home + "/.dotfiles"], in: home)
        let prefix = ["--git-dir=" + home + "/.dotfiles", "--work-tree=" + home]
        try sandbox.write(home + "/.shipshape.toml", "[changelog]\npath = \".dotfiles/config\"\n")
        try sandbox.gitOK(arguments: prefix + ["add", ".shipshape.toml"], in: home)
        try sandbox.gitOK(arguments: prefix + ["commit", "-q", "--no-verify", "-m", "feat: start"], in: home)
        var env = sandbox.env
        env["GIT_DIR"] = home + "/.dotfiles"
        env["GIT_WORK_TREE"] = home
        let config = bytes(home + "/.dotfiles/config")
        let sync = try run(bin + "/changelog-sync", [], in: home, environment: env)
        #expect(sync.status == 2, "\(sync)")
        #expect(sync.stderr.contains("inside the git directory"), "\(sync)")
        #expect(bytes(home + "/.dotfiles/config") == config)
    }

    @Test func theLockFileIsNeverFollowedThroughALink() throws {
        let sandbox = try released()
        let victim = sandbox.temporaryDirectory + "/victim.txt"
        try sandbox.write(victim, "precious\n")
        try FileManager.default.createSymbolicLink(atPath: sandbox.path(".git/shipshape-changelog.lock"), withDestinationPath: victim)
        let sync = try sandbox.run(bin + "/changelog-sync", [])
        #expect(sync.status == 2, "\(sync)")
        #expect(sync.stderr.contains("shipshape-changelog.lock"), "\(sync)")
        #expect(sync.stderr.contains("symbolic link"), "\(sync)")
        #expect(try sandbox.read(victim) == "precious\n")
        #expect(!sandbox.exists("CHANGELOG.md"))

        // A hard link to the victim is refused too.
        try FileManager.default.removeItem(atPath: sandbox.path(".git/shipshape-changelog.lock"))
        try FileManager.default.linkItem(atPath: victim, toPath: sandbox.path(".git/shipshape-changelog.lock"))
        let hard = try sandbox.run(bin + "/changelog-sync", [])
        #expect(hard.status == 2, "\(hard)")
        #expect(try sandbox.read(victim) == "precious\n")
    }

    @Test func aTrackedChangelogLeftOutOfASparseCheckoutIsNeverRecreated() throws {
        let sandbox = try released()
        try sandbox.write(".shipshape.toml", "[changelog]\npath = \"docs/CHANGELOG.md\"\n")
        try sandbox.write("src/main.c", "int main(void) { return 0; }\n")
        #expect(try sandbox.run(bin + "/changelog-sync", []).status == 0)
        let released = try sandbox.read("docs/CHANGELOG.md")
        try sandbox.gitOK("add", "-A")
        try sandbox.gitOK("commit", "-q", "--no-verify", "-m", "docs: the changelog")
        try sandbox.gitOK("sparse-checkout", "set", "src")
        #expect(!sandbox.exists("docs/CHANGELOG.md"))
        try sandbox.commit(file: "src/more.c", message: "fix: mend the thing")

        let sync = try sandbox.run(bin + "/changelog-sync", [])
        #expect(sync.status == 2, "\(sync)")
        #expect(sync.stderr.contains("not in the work tree"), "\(sync)")
        #expect(sync.stderr.contains("git sparse-checkout add docs"), "\(sync)")
        #expect(!sandbox.exists("docs/CHANGELOG.md"))
        let postMerge = try sandbox.run(bin + "/post-merge", ["0"])
        #expect(postMerge.status == 0)
        #expect(!sandbox.exists("docs/CHANGELOG.md"))
        #expect(try sandbox.gitOK("status", "--porcelain").trimmedStdout.isEmpty)

        // Once checked out again, it syncs as usual.
        try sandbox.gitOK("sparse-checkout", "add", "docs")
        let again = try sandbox.run(bin + "/changelog-sync", [])
        #expect(again.status == 0, "\(again)")
        #expect(try sandbox.read("docs/CHANGELOG.md").hasPrefix(String(released.prefix(20))))
        #expect(try sandbox.read("docs/CHANGELOG.md").contains("mend the thing"))
    }
}
