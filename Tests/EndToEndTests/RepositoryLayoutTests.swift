import Foundation
import Testing
import ShipshapeTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Repository layouts and states that libgit2 1.5 does not open the way git does (issue 14,
/// items 7, 8 and 11, and the "smaller" git items): each is made with real git, and the hooks run
/// through `git commit` as a user's would.
@Suite struct RepositoryLayoutTests {
    let bin = productsDirectory()

    /// A repository with one commit and the hooks installed.
    func installed(_ configure: (GitSandbox) throws -> Void = { _ in }) throws -> GitSandbox {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        try configure(sandbox)
        let install = try sandbox.run(bin + "/shipshape", ["install"])
        #expect(install.status == 0, "install failed: \(install)")
        return sandbox
    }

    /// A bad message is refused for the message (exit 1, the rule named), a good one accepted,
    /// and no output says the repository is damaged.
    func expectMessagesChecked(_ sandbox: GitSandbox, git prefix: [String] = [], in directory: String? = nil) throws {
        let bad = try sandbox.git(arguments: prefix + ["commit", "-q", "--allow-empty", "-m", "bad message"], in: directory)
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stderr.contains("[type-empty]"), "\(bad)")
        #expect(!bad.stderr.contains("damaged"), "\(bad)")
        let good = try sandbox.git(arguments: prefix + ["commit", "-q", "--allow-empty", "-m", "feat: a good message"], in: directory)
        #expect(good.status == 0, "\(good)")
        #expect(!good.stderr.contains("damaged"), "\(good)")
        #expect(try sandbox.gitOK(arguments: prefix + ["log", "-1", "--format=%s"], in: directory).trimmedStdout == "feat: a good message")
    }

    @Test func aSplitIndexDoesNotKeepTheHookFromCheckingTheMessage() throws {
        let sandbox = try installed { sandbox in
            try sandbox.gitOK("config", "core.splitIndex", "true")
            try sandbox.write("a.txt", "a\n")
            try sandbox.gitOK("add", "a.txt")
            try sandbox.gitOK("update-index", "--split-index")
        }
        try expectMessagesChecked(sandbox)
    }

    @Test func aSparseIndexDoesNotKeepTheHookFromCheckingTheMessage() throws {
        let sandbox = try installed { sandbox in
            try sandbox.write("kept/a.txt", "a\n")
            try sandbox.write("dropped/b.txt", "b\n")
            try sandbox.gitOK("add", "-A")
            try sandbox.gitOK("commit", "-q", "--no-verify", "-m", "chore: two folders")
            try sandbox.gitOK("sparse-checkout", "init", "--cone", "--sparse-index")
            try sandbox.gitOK("sparse-checkout", "set", "kept")
        }
        try expectMessagesChecked(sandbox)
    }

    @Test func aSHA256RepositorySharingAHooksPathChecksTheMessageAndWarnsAboutTheBranch() throws {
        // A global core.hooksPath serves every repository of the user, SHA-256 ones too.
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        let hooks = sandbox.temporaryDirectory + "/shared-hooks"
        try sandbox.gitOK("config", "--global", "core.hooksPath", hooks)
        #expect(try sandbox.run(bin + "/shipshape", ["install"]).status == 0)
        let sha256 = sandbox.temporaryDirectory + "/sha256"
        try sandbox.gitOK(arguments: ["init", "-q", "--object-format=sha256", "-b", "main", sha256], in: sandbox.temporaryDirectory)
        try expectMessagesChecked(sandbox, in: sha256)
        let good = try sandbox.git(arguments: ["commit", "-q", "--allow-empty", "-m", "fix: another"], in: sha256)
        #expect(good.status == 0)
        #expect(good.stderr.contains("warning: branch name and git settings not checked"), "\(good)")
        #expect(good.stderr.contains("SHA-256"), "\(good)")
        // The refused message is saved cleaned, beside git's COMMIT_EDITMSG.
        let bad = try sandbox.git(arguments: ["commit", "-q", "--allow-empty", "-m", "still bad"], in: sha256)
        #expect(bad.stderr.contains("saved in \(sha256)/.git/SHIPSHAPE_EDITMSG"), "\(bad)")
        #expect(try sandbox.read(sha256 + "/.git/SHIPSHAPE_EDITMSG") == "still bad\n")
    }

    @Test func theBareDotfilesLayoutWithAWorkTreeIsChecked() throws {
        let sandbox = try GitSandbox()
        let home = sandbox.temporaryDirectory + "/dotfiles-home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try sandbox.gitOK(arguments: ["init", "-q", "--bare", "-b", "main", home + "/.dotfiles"], in: home)
        let prefix = ["--git-dir=" + home + "/.dotfiles", "--work-tree=" + home]
        try sandbox.write(home + "/.bashrc", "alias ll='ls -l'\n")
        try sandbox.gitOK(arguments: prefix + ["add", ".bashrc"], in: home)
        try sandbox.gitOK(arguments: prefix + ["commit", "-q", "--no-verify", "-m", "chore: start"], in: home)
        var env = sandbox.env
        env["GIT_DIR"] = home + "/.dotfiles"
        env["GIT_WORK_TREE"] = home
        let install = try run(bin + "/shipshape", ["install"], in: home, environment: env)
        #expect(install.status == 0, "\(install)")
        #expect(FileManager.default.fileExists(atPath: home + "/.dotfiles/hooks/commit-msg"))
        try expectMessagesChecked(sandbox, git: prefix, in: home)
    }

    @Test func installHonoursGitDir() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        let elsewhere = sandbox.temporaryDirectory + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        var env = sandbox.env
        env["GIT_DIR"] = sandbox.root + "/.git"
        let install = try run(bin + "/shipshape", ["install"], in: elsewhere, environment: env)
        #expect(install.status == 0, "\(install)")
        #expect(FileManager.default.fileExists(atPath: sandbox.root + "/.git/hooks/commit-msg"))
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/.git"))
    }

    @Test(.enabled(if: geteuid() == 0, "changing a repository's owner needs root"))
    func safeDirectoryWildcardTrustsARepositoryOfAnotherUser() throws {
        let sandbox = try installed()
        try sandbox.write("MSG", "fix: in a repository of another user\n")
        // git itself refuses to commit here, so the hook is run as git would run it.
        #expect(chown(sandbox.root, 4242, 4242) == 0)
        let untrusted = try sandbox.run(bin + "/commit-msg", ["MSG"])
        #expect(untrusted.status == 2, "\(untrusted)")
        #expect(untrusted.stderr.contains("safe.directory \(sandbox.root)"), "\(untrusted)")
        #expect(!untrusted.stderr.contains("not inside a git repository"), "\(untrusted)")

        try sandbox.gitOK("config", "--global", "--add", "safe.directory", "*")
        let trusted = try sandbox.run(bin + "/commit-msg", ["MSG"])
        #expect(trusted.status == 0, "\(trusted)")
        let lint = try sandbox.run(bin + "/shipshape", ["lint", "--from", "HEAD"])
        #expect(lint.status == 0, "\(lint)")
        let commit = try sandbox.git("commit", "-q", "--allow-empty", "-m", "not conventional")
        #expect(commit.status == 1, "\(commit)")
        #expect(commit.stderr.contains("[type-empty]"), "\(commit)")

        try sandbox.gitOK("config", "--global", "--unset-all", "safe.directory")
        try sandbox.gitOK("config", "--global", "--add", "safe.directory", sandbox.root)
        #expect(try sandbox.run(bin + "/commit-msg", ["MSG"]).status == 0)
    }

    @Test func perWorktreeCommentCharIsHonoured() throws {
        let sandbox = try installed { sandbox in
            try sandbox.gitOK("config", "extensions.worktreeConfig", "true")
            try sandbox.gitOK("config", "--worktree", "core.commentChar", ";")
        }
        // With `;` as the comment character the long line is a comment git strips.
        try sandbox.write("MSG", "feat: a subject\n; " + String(repeating: "x", count: 150) + "\n")
        let result = try sandbox.run(bin + "/commit-msg", ["MSG"])
        #expect(result.status == 0, "\(result)")
        #expect(!result.stderr.contains("warning: branch name"), "\(result)")
    }

    @Test func perWorktreePostMergeSettingIsHonoured() throws {
        let sandbox = try installed { sandbox in
            try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "v1.0.0")
            try sandbox.gitOK("config", "extensions.worktreeConfig", "true")
            try sandbox.gitOK("config", "--worktree", "shipshape.changelog.postMerge", "false")
        }
        try sandbox.gitOK("checkout", "-q", "-b", "feature/thing")
        try sandbox.commit(message: "feat: a thing")
        try sandbox.gitOK("checkout", "-q", "main")
        let merge = try sandbox.git("merge", "-q", "--no-ff", "-m", "chore: merge feature/thing", "feature/thing")
        #expect(merge.status == 0, "\(merge)")
        #expect(!sandbox.exists("CHANGELOG.md"), "post-merge synced although config.worktree turned it off")
    }

    @Test func aBrokenGlobalGitconfigIsNotCalledADamagedRepository() throws {
        let sandbox = try installed()
        try sandbox.write(sandbox.home + "/.gitconfig", "[user\n\tname = broken\n")
        let check = try sandbox.run(bin + "/shipshape", ["check"])
        #expect(check.status == 2, "\(check)")
        #expect(check.stderr.contains(".gitconfig"), "\(check)")
        #expect(!check.stderr.contains("damaged"), "\(check)")
        try sandbox.write("MSG", "fix: while the configuration is broken\n")
        let hook = try sandbox.run(bin + "/commit-msg", ["MSG"])
        #expect(hook.status == 0, "\(hook)")
        #expect(hook.stderr.contains("warning: branch name and git settings not checked"), "\(hook)")
        #expect(!hook.stderr.contains("damaged"), "\(hook)")
    }

    @Test func aPartialClonesMissingObjectIsExplainedAndTheHintWorks() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(file: "VERSION", contents: "1.0.0\n", message: "chore: one")
        try sandbox.commit(file: "VERSION", contents: "1.1.0\n", message: "feat: two")
        try sandbox.gitOK("config", "uploadpack.allowFilter", "true")
        let clone = sandbox.temporaryDirectory + "/partial"
        try sandbox.gitOK(arguments: ["clone", "-q", "--filter=blob:none", "file://" + sandbox.root, clone], in: sandbox.temporaryDirectory)
        let check = try sandbox.run(bin + "/shipshape", ["check", "--rev", "HEAD~1"], in: clone)
        #expect(check.status == 2, "\(check)")
        #expect(check.stderr.contains("partial clone"), "\(check)")
        #expect(!check.stderr.contains("damaged;"), "\(check)")
        let hint = try #require(check.stderr.range(of: "git cat-file -e ")).upperBound
        let id = String(check.stderr[hint...].prefix { $0.isHexDigit })
        #expect(id.count == 40)
        try sandbox.gitOK(arguments: ["cat-file", "-e", id], in: clone)
        let again = try sandbox.run(bin + "/shipshape", ["check", "--rev", "HEAD~1"], in: clone)
        #expect(again.status == 0, "\(again)")
    }

    @Test func extensionsThatChangeNothingForAReaderAreOpened() throws {
        for (key, value) in [("extensions.preciousObjects", "true"), ("extensions.partialClone", "origin")] {
            let sandbox = try installed { sandbox in
                try sandbox.gitOK("config", "core.repositoryformatversion", "1")
                try sandbox.gitOK("config", key, value)
            }
            let check = try sandbox.run(bin + "/shipshape", ["check"])
            #expect(check.status == 0, "\(key): \(check)")
            try expectMessagesChecked(sandbox)
        }
    }
}
