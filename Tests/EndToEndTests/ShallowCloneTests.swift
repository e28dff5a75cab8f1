import Testing
import ShipshapeTestSupport

/// Shallow clones (CI bots clone with --depth 1): a range whose commits are all present works at
/// any depth, commits sharing a timestamp included.
@Suite struct ShallowCloneTests {
    let bin = productsDirectory()

    /// A repository of 20 commits (all with the sandbox's one timestamp) pushed to a bare remote,
    /// and a clone of that remote at a depth.
    func shallow(depth: Int) throws -> (sandbox: GitSandbox, clone: String) {
        let sandbox = try GitSandbox()
        try sandbox.write("VERSION", "1.0.0\n")
        for i in 1...20 { try sandbox.commit(message: "feat: change \(i)") }
        let remote = try sandbox.makeBareRemote()
        try sandbox.gitOK("push", "-q", "origin", "main")
        let clone = sandbox.temporaryDirectory + "/clone"
        try sandbox.gitOK(arguments: ["clone", "-q", "--depth", "\(depth)", "file://" + remote, clone], in: sandbox.temporaryDirectory)
        #expect(try sandbox.gitOK(arguments: ["rev-parse", "--is-shallow-repository"], in: clone).trimmedStdout == "true")
        return (sandbox, clone)
    }

    @Test func aBotPushesOneCommitFromADepthOneClone() throws {
        let (sandbox, clone) = try shallow(depth: 1)
        #expect(try sandbox.run(bin + "/shipshape", ["install"], in: clone).status == 0)
        try sandbox.gitOK(arguments: ["commit", "-q", "--allow-empty", "-m", "fix: a bot's change"], in: clone)
        let push = try sandbox.git(arguments: ["push", "origin", "main"], in: clone)
        #expect(push.status == 0, "\(push)")
        #expect(push.stderr.contains("pre-push: ok (1 ref, 1 new commit checked)"), "\(push.stderr)")
        let bad = try sandbox.git(arguments: ["commit", "-q", "--allow-empty", "--no-verify", "-m", "bad message"], in: clone)
        #expect(bad.status == 0)
        let refused = try sandbox.git(arguments: ["push", "origin", "main"], in: clone)
        #expect(refused.status == 1, "\(refused)")
    }

    @Test func aRangeThatIsPresentIsLintedAtAnyDepth() throws {
        let (sandbox, clone) = try shallow(depth: 2)
        let lint = try sandbox.run(bin + "/shipshape", ["lint", "--from", "HEAD~1"], in: clone)
        #expect(lint.status == 0, "\(lint)")
        let check = try sandbox.run(bin + "/shipshape", ["check"], in: clone)
        #expect(check.status == 0, "\(check)")
    }
}
