import Testing
import ShipshapeTestSupport

/// Release tags as pre-push reads them: one tag format, the changelog heading forms teams use,
/// and tags that look like releases but are none.
@Suite struct ReleaseTagEndToEndTests {
    let bin = productsDirectory()

    /// A repository at 1.0.0 (tag pushed), hooks installed, then version 1.1.0 committed with a
    /// changelog whose 1.1.0 heading is written as given.
    func sandbox(heading: String) throws -> GitSandbox {
        let sandbox = try GitSandbox()
        try sandbox.makeBareRemote()
        try sandbox.write("VERSION", "1.0.0\n")
        try sandbox.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n")
        try sandbox.gitOK("add", "-A")
        try sandbox.gitOK("commit", "-q", "-m", "chore: start")
        try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "Release version 1.0.0")
        try sandbox.gitOK("push", "-q", "origin", "main", "v1.0.0")
        #expect(try sandbox.run(bin + "/shipshape", ["install"]).status == 0)
        try sandbox.write("VERSION", "1.1.0\n")
        try sandbox.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n\(heading)\n\n### Fixed\n\n- a fix\n\n## [1.0.0] - 2026-01-01\n")
        try sandbox.gitOK("add", "-A")
        try sandbox.gitOK("commit", "-q", "-m", "fix: a fix")
        try sandbox.gitOK("tag", "-a", "v1.1.0", "-m", "Release version 1.1.0")
        return sandbox
    }

    @Test(arguments: ["## [1.1.0] - 2026-02-01", "## 1.1.0 - 2026-02-01", "## v1.1.0 (2026-02-01)", "## [v1.1.0](https://example.com/compare/v1.0.0...v1.1.0) (2026-02-01)"])
    func tagMatchesAcceptsTheHeadingFormsTeamsUse(heading: String) throws {
        let sandbox = try sandbox(heading: heading)
        let push = try sandbox.git("push", "origin", "main", "v1.1.0")
        #expect(push.status == 0, "\(push)")
    }

    @Test(arguments: ["<!--\n## [1.1.0] - 2026-02-01\n-->", "```\n## [1.1.0] - 2026-02-01\n```"])
    func aHeadingInACommentOrCodeBlockIsNoSection(heading: String) throws {
        let sandbox = try sandbox(heading: heading)
        let push = try sandbox.git("push", "origin", "main", "v1.1.0")
        #expect(push.status == 1, "\(push)")
        #expect(push.stderr.contains("has no \"## [1.1.0]\" section for tag v1.1.0"), "\(push.stderr)")
    }

    @Test func aTagOutsideTheFormatIsReportedWithTheExpectedName() throws {
        let sandbox = try sandbox(heading: "## [1.1.0] - 2026-02-01")
        try sandbox.gitOK("tag", "-a", "1.1.0", "-m", "looks like a release")
        let warned = try sandbox.git("push", "origin", "main", "1.1.0")
        #expect(warned.status == 0, "\(warned)")
        #expect(warned.stderr.contains("warning: [tag-matches] tag 1.1.0"), "\(warned.stderr)")
        #expect(warned.stderr.contains("does not follow the tag format v{version}"))
        #expect(warned.stderr.contains("name it v1.1.0 instead"))
        try sandbox.write(".shipshape.toml", "[versions]\noff-format-tags = \"error\"\n")
        try sandbox.gitOK("add", "-A")
        try sandbox.gitOK("commit", "-q", "-m", "chore: refuse tags outside the format")
        try sandbox.gitOK("tag", "-a", "v2.0.0rc2", "-m", "a PEP 440 spelling")
        let refused = try sandbox.git("push", "origin", "main", "v2.0.0rc2")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("error: [tag-matches] tag v2.0.0rc2"), "\(refused.stderr)")
        #expect(refused.stderr.contains("name it v2.0.0-rc.2 instead"), "\(refused.stderr)")
    }
}
