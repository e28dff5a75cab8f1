import Foundation
import Testing
import ShipshapeTestSupport

/// Two unreleased commits whose ids share their first seven digits: each gets its own entry,
/// and reverting one removes that one's entry, not the other's.
@Suite struct AbbreviationEndToEndTests {
    let bin = productsDirectory()

    /// Finds two messages whose commits (children of `parent`, with `tree`) share seven digits,
    /// by hashing commit objects the way git does (birthday search over two sets of variants).
    func collidingMessages(tree: String, parent: String) throws -> (String, String) {
        let stamp = "\(GitSandbox.userName) <\(GitSandbox.userEmail)> 1705320000 +0000"
        let script = """
            import hashlib, sys
            tree, parent, stamp = sys.argv[1:4]
            def sha(message):
                body = f"tree {tree}\\nparent {parent}\\nauthor {stamp}\\ncommitter {stamp}\\n\\n{message}\\n".encode()
                return hashlib.sha1(b"commit %d\\0" % len(body) + body).hexdigest()
            seen = {}
            for i in range(200000):
                a = f"feat: alpha {i}"
                seen.setdefault(sha(a)[:7], a)
                b = f"feat: beta {i}"
                other = seen.get(sha(b)[:7])
                if other is not None and other.startswith("feat: alpha"):
                    print(other); print(b); break
            """
        let result = try ShipshapeTestSupport.run("/usr/bin/env", ["python3", "-c", script, tree, parent, stamp], in: "/", environment: [:])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 2, "\(result)")
        return (lines[0], lines[1])
    }

    @Test func collidingPrefixesGetLongerIDsAndRevertsRemoveTheRightEntry() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "Release version 1.0.0")
        let parent = try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout
        let tree = try sandbox.gitOK("rev-parse", "HEAD^{tree}").trimmedStdout
        let (alpha, beta) = try collidingMessages(tree: tree, parent: parent)
        sandbox.env["GIT_AUTHOR_DATE"] = "@1705320000 +0000"
        sandbox.env["GIT_COMMITTER_DATE"] = "@1705320000 +0000"
        let a = try sandbox.gitOK("commit-tree", tree, "-p", parent, stdin: alpha + "\n").trimmedStdout
        let b = try sandbox.gitOK("commit-tree", tree, "-p", parent, stdin: beta + "\n").trimmedStdout
        #expect(a.prefix(7) == b.prefix(7) && a != b)
        let merge = try sandbox.gitOK("commit-tree", tree, "-p", a, "-p", b, "-m", "Merge two features").trimmedStdout
        try sandbox.gitOK("reset", "-q", "--hard", merge)

        let sync = try sandbox.run(bin + "/changelog-sync", [])
        #expect(sync.status == 0 && sync.stdout.contains("2 entries added"), "\(sync)")
        var text = try sandbox.read("CHANGELOG.md")
        #expect(text.contains("(\(a.prefix(8)))") && text.contains("(\(b.prefix(8)))"), "\(text)")

        try sandbox.gitOK("add", "CHANGELOG.md")
        try sandbox.gitOK("commit", "-q", "-m", "docs(changelog): sync")
        // git's revert message (the commits change no file, so `git revert` has nothing to commit).
        try sandbox.gitOK("commit", "-q", "--allow-empty", "-m", "Revert \"\(alpha)\"", "-m", "This reverts commit \(a).")
        let after = try sandbox.run(bin + "/changelog-sync", [])
        #expect(after.status == 0, "\(after)")
        text = try sandbox.read("CHANGELOG.md")
        #expect(!text.contains(alpha.dropFirst(6)), "the reverted entry stays: \(text)")
        #expect(text.contains(beta.dropFirst(6)), "the other entry went: \(text)")
    }
}
