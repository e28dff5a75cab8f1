import Testing
import ShipshapeTestSupport

/// Refs outside refs/heads and refs/tags: Gerrit's review pushes (`HEAD:refs/for/main`) and any
/// other namespace carry commits out too, so their commits are linted; tool data
/// (`refs/notes/*`, mirrored `refs/remotes/*`, `refs/stash`) is skipped, configurably.
@Suite struct OtherNamespacesEndToEndTests {
    let bin = productsDirectory()

    func pushed() throws -> GitSandbox {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        try sandbox.makeBareRemote()
        #expect(try sandbox.run(bin + "/shipshape", ["install"]).status == 0)
        try sandbox.gitOK("push", "-q", "origin", "main")
        try sandbox.commit(message: "not a conventional message")
        return sandbox
    }

    @Test func aReviewPushIsLinted() throws {
        let sandbox = try pushed()
        let gerrit = try sandbox.git("push", "origin", "HEAD:refs/for/main")
        #expect(gerrit.status == 1, "\(gerrit)")
        #expect(gerrit.stderr.contains("refs/for/main") && gerrit.stderr.contains("[pushed-commit-lint]"), "\(gerrit.stderr)")
        let other = try sandbox.git("push", "origin", "HEAD:refs/x/y")
        #expect(other.status == 1, "\(other)")
    }

    @Test func toolNamespacesAreSkippedAndTheListIsConfigurable() throws {
        let sandbox = try pushed()
        try sandbox.gitOK("notes", "add", "-m", "a note")
        let notes = try sandbox.git("push", "origin", "refs/notes/commits")
        #expect(notes.status == 0, "\(notes)")
        try sandbox.write(".shipshape.toml", "[push]\nskip-namespaces = [\"refs/notes/*\", \"refs/sandbox/*\"]\n")
        try sandbox.gitOK("add", ".shipshape.toml")
        try sandbox.gitOK("commit", "-q", "--no-verify", "-m", "chore: configure")
        let skipped = try sandbox.git("push", "origin", "HEAD:refs/sandbox/try")
        #expect(skipped.status == 0, "\(skipped)")
    }
}
