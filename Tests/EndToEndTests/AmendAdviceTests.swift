import Foundation
import Testing
import ShipshapeTestSupport

/// After a refused amend or `reword`, following the advice replaces the commit instead of adding
/// one on top of it (issue 14, "smaller").
@Suite struct AmendAdviceTests {
    let bin = productsDirectory()

    /// Three commits that each change a file, with the hooks installed.
    func history() throws -> GitSandbox {
        let sandbox = try GitSandbox()
        try sandbox.commit(file: "f.txt", contents: "a\n", message: "chore: a")
        try sandbox.commit(file: "f.txt", contents: "a\nb\n", message: "feat: b")
        try sandbox.commit(file: "f.txt", contents: "a\nb\nc\n", message: "fix: c")
        #expect(try sandbox.run(bin + "/shipshape", ["install"]).status == 0)
        return sandbox
    }

    func count(_ sandbox: GitSandbox) throws -> String { try sandbox.gitOK("rev-list", "--count", "HEAD").trimmedStdout }

    @Test func aRefusedAmendIsFixedByAmending() throws {
        let sandbox = try history()
        let refused = try sandbox.git("commit", "--amend", "-m", "not conventional")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("git commit --amend -e -F \(sandbox.root)/.git/SHIPSHAPE_EDITMSG"), "\(refused)")
        #expect(!refused.stderr.contains("rebase --continue"))
        // Follow the advice (without an editor: the fixed message is written into the file).
        try sandbox.write(".git/SHIPSHAPE_EDITMSG", "fix: c, amended\n")
        try sandbox.gitOK("commit", "--amend", "-F", ".git/SHIPSHAPE_EDITMSG")
        #expect(try count(sandbox) == "3")
        #expect(try sandbox.gitOK("log", "-1", "--format=%s").trimmedStdout == "fix: c, amended")
    }

    @Test func aMessageThatMentionsAmendIsNotAnAmend() throws {
        let sandbox = try history()
        let refused = try sandbox.git("commit", "--allow-empty", "-m", "--amend")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("git commit -e -F"), "\(refused)")
        #expect(!refused.stderr.contains("--amend -e"), "\(refused)")
    }

    @Test func aRefusedRewordIsFixedByAmendingAndContinuing() throws {
        let sandbox = try history()
        var env = sandbox.env
        env["GIT_SEQUENCE_EDITOR"] = "sed -i '1s/^pick/reword/'"
        env["GIT_EDITOR"] = "sed -i '1s/.*/reworded badly/'"
        let rebase = try run("git", ["rebase", "-i", "HEAD~2"], in: sandbox.root, environment: env)
        #expect(rebase.status != 0)
        #expect(rebase.stderr.contains("git commit --amend -e -F"), "\(rebase)")
        #expect(rebase.stderr.contains("git rebase --continue"), "\(rebase)")
        try sandbox.write(".git/SHIPSHAPE_EDITMSG", "feat: b, reworded\n")
        try sandbox.gitOK("commit", "--amend", "-F", ".git/SHIPSHAPE_EDITMSG")
        env["GIT_EDITOR"] = ":"
        let continued = try run("git", ["rebase", "--continue"], in: sandbox.root, environment: env)
        #expect(continued.status == 0, "\(continued)")
        #expect(try count(sandbox) == "3")
        #expect(try sandbox.gitOK("log", "--format=%s").trimmedStdout == "fix: c\nfeat: b, reworded\nchore: a")
    }
}
