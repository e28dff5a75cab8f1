import Foundation
import Testing
import ShipshapeTestSupport

/// Drives real git with the hooks installed the way a user installs them (`shipshape install`).
@Suite struct CommitMsgEndToEndTests {
    let bin = productsDirectory()

    /// A repository on `main` with one commit and Shipshape's hooks installed.
    func installedSandbox(branch: String = "main", configure: (GitSandbox) throws -> Void = { _ in }) throws -> GitSandbox {
        let sandbox = try GitSandbox(initialBranch: branch)
        try sandbox.commit(message: "chore: start")
        try configure(sandbox)
        let install = try sandbox.run(bin + "/shipshape", ["install"])
        #expect(install.status == 0, "install failed: \(install)")
        return sandbox
    }

    /// An editor command (for `GIT_EDITOR`) that puts text above what git wrote in the message file.
    ///
    /// The script runs through `sh` rather than being executed itself, so that no other test
    /// thread forking while the file is still open for writing can make exec fail (ETXTBSY).
    func editor(_ sandbox: GitSandbox, prepending text: String) throws -> String {
        let script = sandbox.temporaryDirectory + "/editor.sh"
        let body = "{ printf '%s\\n' \(shellQuote(text)); cat \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n"
        try body.write(toFile: script, atomically: true, encoding: .utf8)
        return "sh " + shellQuote(script)
    }

    func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @Test func badMessageIsRefusedWithADiagnosticAndGoodOneAccepted() throws {
        let sandbox = try installedSandbox()
        try sandbox.write("a.txt", "a\n")
        try sandbox.gitOK("add", "a.txt")
        let bad = try sandbox.git("commit", "-m", "feature: add login")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("error: [type-enum]"))
        #expect(bad.stderr.contains("did you mean \"feat\"?"))
        #expect(bad.stderr.contains("^^^^^^^"))
        #expect(bad.stderr.contains("git commit -e -F \(sandbox.root)/.git/SHIPSHAPE_EDITMSG"))
        #expect(try sandbox.read(".git/SHIPSHAPE_EDITMSG") == "feature: add login\n")
        #expect(try sandbox.gitOK("rev-list", "--count", "HEAD").trimmedStdout == "1")

        let bare = try sandbox.git("commit", "-m", "bad")
        #expect(bare.status == 1)
        #expect(bare.stderr.contains("[type-empty]"))
        #expect(bare.stderr.contains("[subject-empty]"))

        let good = try sandbox.git("commit", "-m", "feat: add login")
        #expect(good.status == 0, "\(good)")
        #expect(try sandbox.gitOK("log", "-1", "--format=%s").trimmedStdout == "feat: add login")
    }

    @Test func theSystemCertificateBundleCanStillBeLoadedOnRequest() throws {
        // By default libgit2 is kept from parsing the CA bundle it never needs here
        // (Sources/CGit2Loader/ca-bundle.c); the opt-out loads it through mbedTLS as usual.
        let sandbox = try installedSandbox()
        var env = sandbox.env
        env["SHIPSHAPE_LOAD_CA_BUNDLE"] = "1"
        let result = try run("git", ["commit", "--allow-empty", "-m", "feat: with the bundle"], in: sandbox.root, environment: env)
        #expect(result.status == 0, "\(result)")
    }

    @Test func warningsLetTheCommitThrough() throws {
        let sandbox = try installedSandbox()
        let result = try sandbox.git("commit", "--allow-empty", "-m", "fix: a\nbody right after the header")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("warning: [body-leading-blank]"))
    }

    @Test func verboseCommitScissorsDiffIsNotLinted() throws {
        let sandbox = try installedSandbox()
        // The diff below the scissors line has a 300-character line and a bad "header".
        try sandbox.write("long.txt", "FEAT: NOT A HEADER " + String(repeating: "x", count: 300) + "\n")
        try sandbox.gitOK("add", "long.txt")
        var env = sandbox.env
        env["GIT_EDITOR"] = try editor(sandbox, prepending: "docs: add a long file")
        let result = try run("git", ["commit", "-v"], in: sandbox.root, environment: env)
        #expect(result.status == 0, "\(result)")
        #expect(try sandbox.gitOK("log", "-1", "--format=%B").trimmedStdout == "docs: add a long file")

        // Refused with -v: the saved message has neither git's comments nor the diff, so
        // following the advice cannot commit the diff into history.
        try sandbox.write("other.txt", "o\n")
        try sandbox.gitOK("add", "other.txt")
        env["GIT_EDITOR"] = try editor(sandbox, prepending: "Add other")
        let refused = try run("git", ["commit", "-v"], in: sandbox.root, environment: env)
        #expect(refused.status == 1)
        #expect(try sandbox.read(".git/SHIPSHAPE_EDITMSG") == "Add other\n")
    }

    @Test func customCommentCharIsHonoured() throws {
        let sandbox = try installedSandbox()
        try sandbox.gitOK("config", "core.commentChar", ";")
        var env = sandbox.env
        // With ';' as comment char, '#42' is body text and the ';' line is a comment.
        env["GIT_EDITOR"] = try editor(sandbox, prepending: "fix: handle tabs\n\n#42 was the report\n; FEAT: not a header, a comment")
        let result = try run("git", ["commit", "--allow-empty"], in: sandbox.root, environment: env)
        #expect(result.status == 0, "\(result)")
        #expect(try sandbox.gitOK("log", "-1", "--format=%B").trimmedStdout == "fix: handle tabs\n\n#42 was the report")
    }

    @Test func messageWithoutEditorKeepsHashLines() throws {
        // git commit -m does not strip '#' lines (GIT_EDITOR=: tells the hook no editor ran), so
        // the hook must judge the message git will store.
        let sandbox = try installedSandbox()
        let result = try sandbox.git("commit", "--allow-empty", "-m", "#12 fix the login")
        #expect(result.status == 1)
        #expect(result.stderr.contains("[type-empty]"))
    }

    @Test func mergeCommitsAndFixupsAreSkipped() throws {
        let sandbox = try installedSandbox()
        try sandbox.gitOK("checkout", "-q", "-b", "feature/export")
        try sandbox.write("e.txt", "e\n")
        try sandbox.gitOK("add", "e.txt")
        try sandbox.gitOK("commit", "-q", "-m", "feat: export")
        let fixup = try sandbox.git("commit", "--allow-empty", "--fixup", "HEAD")
        #expect(fixup.status == 0, "\(fixup)")
        try sandbox.gitOK("checkout", "-q", "main")
        let merge = try sandbox.git("merge", "--no-ff", "--no-edit", "feature/export")
        #expect(merge.status == 0, "\(merge)")
        #expect(try sandbox.gitOK("log", "-1", "--format=%s").trimmedStdout == "Merge branch 'feature/export'")
    }

    @Test func badBranchNameIsRefusedAndDetachedHeadIsNot() throws {
        let sandbox = try installedSandbox()
        try sandbox.gitOK("checkout", "-q", "-b", "Feature/Login_Page")
        let result = try sandbox.git("commit", "--allow-empty", "-m", "feat: add login")
        #expect(result.status == 1)
        #expect(result.stderr.contains("[branch-name]"))
        #expect(result.stderr.contains("Feature/Login_Page"))
        #expect(result.stderr.contains("git branch -m"))
        #expect(!result.stderr.contains("SHIPSHAPE_EDITMSG"))

        try sandbox.gitOK("checkout", "-q", "--detach", "main")
        let detached = try sandbox.git("commit", "--allow-empty", "-m", "feat: on a detached head")
        #expect(detached.status == 0, "\(detached)")
    }

    @Test func unbornBranchNameIsChecked() throws {
        let sandbox = try GitSandbox(initialBranch: "Bad_Branch")
        #expect(try sandbox.run(bin + "/shipshape", ["install"]).status == 0)
        let result = try sandbox.git("commit", "--allow-empty", "-m", "feat: first")
        #expect(result.status == 1)
        #expect(result.stderr.contains("[branch-name]"))
        try sandbox.gitOK("checkout", "-q", "-b", "main")
        #expect(try sandbox.git("commit", "--allow-empty", "-m", "feat: first").status == 0)
    }

    @Test func linkedWorktreeUsesTheSharedHooks() throws {
        let sandbox = try installedSandbox()
        let tree = sandbox.temporaryDirectory + "/wt"
        try sandbox.gitOK("worktree", "add", "-q", "-b", "feature/in-worktree", tree)
        let bad = try sandbox.git("commit", "--allow-empty", "-m", "Add a thing", in: tree)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("[type-empty]"))
        let good = try sandbox.git("commit", "--allow-empty", "-m", "feat: add a thing", in: tree)
        #expect(good.status == 0, "\(good)")
    }

    @Test func coreHooksPathIsRespected() throws {
        let sandbox = try installedSandbox { try $0.gitOK("config", "core.hooksPath", ".githooks") }
        #expect(sandbox.exists(".githooks/commit-msg"))
        #expect(!sandbox.exists(".git/hooks/commit-msg"))
        let again = try sandbox.run(bin + "/shipshape", ["install"])
        #expect(again.stdout.contains("note: core.hooksPath is relative (.githooks)"))
        #expect(try sandbox.git("commit", "--allow-empty", "-m", "nope").status == 1)
    }

    @Test func foreignHookIsKeptChainedAndRestored() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        let foreign = "#!/bin/sh\necho ran >> \"$(git rev-parse --git-dir)/foreign.log\"\n"
        try sandbox.write(".git/hooks/commit-msg", foreign)
        chmod(sandbox.path(".git/hooks/commit-msg"), 0o755)

        let install = try sandbox.run(bin + "/shipshape", ["install"])
        #expect(install.status == 0)
        #expect(install.stdout.contains("kept as"))
        #expect(try sandbox.read(".git/hooks/commit-msg.shipshape-chained") == foreign)

        #expect(try sandbox.git("commit", "--allow-empty", "-m", "feat: both run").status == 0)
        #expect(try sandbox.read(".git/foreign.log") == "ran\n")
        #expect(try sandbox.git("commit", "--allow-empty", "-m", "bad").status == 1)
        #expect(try sandbox.read(".git/foreign.log") == "ran\nran\n")

        // Installing again changes nothing; uninstalling puts the foreign hook back.
        let again = try sandbox.run(bin + "/shipshape", ["install"])
        #expect(again.stdout.contains("already installed"))
        #expect(try sandbox.read(".git/hooks/commit-msg.shipshape-chained") == foreign)
        let uninstall = try sandbox.run(bin + "/shipshape", ["uninstall"])
        #expect(uninstall.status == 0)
        #expect(try sandbox.read(".git/hooks/commit-msg") == foreign)
        #expect(!sandbox.exists(".git/hooks/commit-msg.shipshape-chained"))
    }

    @Test func failingForeignHookStillBlocks() throws {
        let sandbox = try GitSandbox()
        try sandbox.write(".git/hooks/commit-msg", "#!/bin/sh\necho 'foreign says no' >&2\nexit 3\n")
        chmod(sandbox.path(".git/hooks/commit-msg"), 0o755)
        #expect(try sandbox.run(bin + "/shipshape", ["install"]).status == 0)
        let result = try sandbox.git("commit", "--allow-empty", "-m", "feat: fine by shipshape")
        #expect(result.status != 0)
        #expect(result.stderr.contains("foreign says no"))
    }

    @Test func configurationChangesTheRulesAndBadConfigurationIsExitTwo() throws {
        let sandbox = try installedSandbox()
        try sandbox.write(".shipshape.toml", "[commit]\ntypes = [\"feat\", \"fix\", \"release\"]\n")
        #expect(try sandbox.git("commit", "--allow-empty", "-m", "release: cut 1.0").status == 0)
        #expect(try sandbox.git("commit", "--allow-empty", "-m", "feature: not listed").status == 1)
        try sandbox.write(".shipshape.toml", "[commit]\ntypes = [\"feat\"]\n\n[commit.rulez]\n")
        // git reports any hook failure as its own status 1; the hook itself exits 2.
        let broken = try sandbox.git("commit", "--allow-empty", "-m", "feat: x")
        #expect(broken.status != 0)
        #expect(broken.stderr.contains(".shipshape.toml:4: unknown key \"commit.rulez\""))
        #expect(broken.stderr.contains("did you mean \"commit.rules\"?"))
        try sandbox.write("MSG", "feat: x\n")
        let direct = try sandbox.run(bin + "/commit-msg", ["MSG"])
        #expect(direct.status == 2)
    }

    @Test func aStuckHookGivesUpInsteadOfHangingTheCommit() throws {
        // A FIFO with no writer blocks open(2) forever: the watchdog must end the hook.
        let sandbox = try GitSandbox()
        let fifo = sandbox.path("MSG")
        #expect(mkfifo(fifo, 0o600) == 0)
        var env = sandbox.env
        env["SHIPSHAPE_TIMEOUT"] = "1"
        let result = try run(bin + "/commit-msg", ["MSG"], in: sandbox.root, environment: env, timeout: 20)
        #expect(!result.timedOut)
        #expect(result.status == 2)
        #expect(result.stderr.contains("gave up after 1 s"))
    }

    @Test func hookProgramCalledWronglyIsAUsageError() throws {
        let result = try run(bin + "/commit-msg", [], in: nil, environment: [:])
        #expect(result.status == 2)
        #expect(result.stderr.contains("usage"))
        let missing = try run(bin + "/commit-msg", ["/nonexistent/MSG"], in: "/", environment: [:])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/MSG"))
    }
}
