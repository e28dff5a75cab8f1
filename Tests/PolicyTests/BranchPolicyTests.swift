import ShipshapeDiagnostics
import ShipshapePatterns
import Testing

@testable import ShipshapePolicy

@Suite("Branch policy")
struct BranchPolicyTests {
    @Test(arguments: [
        "main", "master", "develop", "feature/login", "feature/jira-12-login", "bugfix/null-ids", "hotfix/crash",
        "hotfix/v1.2.1", "release/v1.2.0", "release/v1.2.0-rc.1", "release/v2.0.0+build.5", "release/v0.1.0-alpha.0",
    ])
    func acceptsTheBuiltInForms(_ name: String) throws {
        #expect(try BranchPolicy().check(name).isEmpty)
    }

    @Test(arguments: [
        ("release/1.2.0", "release/v1.2.0"), ("release/V1.2.0", "release/v1.2.0"), ("release/v1.2", "release/v1.2.0"),
        ("release/v01.2.0", "release/v1.2.0"), ("feature/Login_Page", "feature/login-page"),
        ("feature/JIRA-12-login", "feature/jira-12-login"), ("feat/x", "feature/x"), ("fix/null-ids", "bugfix/null-ids"),
        ("featrue/x", "feature/x"), ("Main", "main"), ("my-branch", "feature/my-branch"),
        ("feature/auth/login", "feature/auth-login"), ("hotfix/1.2.1", "hotfix/v1.2.1"),
        ("dev", "develop"), ("Dev", "develop"), ("development", "develop"), ("devlop", "develop"), ("mian", "main"),
        ("trunk", "main"), ("Feature/NoCommits", "feature/no-commits"), ("feature/HTTPServer", "feature/http-server"),
        ("bugfix/parseJSONFile", "bugfix/parse-json-file"), ("feature/OAuth2Login", "feature/o-auth2-login"),
        ("feature/v2API", "feature/v2-api"), ("feature/ABC1", "feature/abc1"), ("wipStuff", "feature/wip-stuff"),
    ])
    func suggestsAFix(_ name: String, _ expected: String) throws {
        let findings = try BranchPolicy().check(name)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.rule == "branch-name")
        #expect(finding.severity == .error)
        #expect(finding.help?.hasPrefix("did you mean \"\(expected)\"?") == true, "\(finding.help ?? "")")
        #expect(finding.message.contains("release/vX.Y.Z"))
    }

    @Test(arguments: ["release/v1.2.03", "release/v1.2.0-01", "release/next", "feature/", "feature/-x", "feature/a--b", "", "HEAD"])
    func rejects(_ name: String) throws {
        #expect(try BranchPolicy().check(name).count == 1)
    }

    /// The fix for a pushed ref never renames a local branch that is not the one with that name.
    @Test func pushedRefHintsPushToAValidName() throws {
        let policy = try BranchPolicy()
        let other = try #require(try policy.check("wip-stuff", origin: .pushed(source: "develop", remote: "origin")).first?.help)
        #expect(other == "did you mean \"feature/wip-stuff\"? push to that name instead: git push origin develop:refs/heads/feature/wip-stuff")
        #expect(!other.contains("branch -m"))
        let head = try #require(try policy.check("Bad_Name", origin: .pushed(source: "HEAD", remote: "origin")).first?.help)
        #expect(head.contains("git push origin HEAD:refs/heads/feature/bad-name") && !head.contains("branch -m"))
        let same = try #require(try policy.check("Feature/NoCommits", origin: .pushed(source: "Feature/NoCommits", remote: "up")).first?.help)
        #expect(same == "did you mean \"feature/no-commits\"? (git branch -m feature/no-commits, then git push up feature/no-commits)")
        let local = try #require(try policy.check("Feature/NoCommits").first?.help)
        #expect(local == "did you mean \"feature/no-commits\"? (git branch -m feature/no-commits)")
        // Without a guess, and with configured patterns, the wording follows the origin too.
        #expect(try policy.check("release/next", origin: .pushed(source: "develop", remote: "origin")).first?.help
            == "push to a name of one of the allowed forms")
        var settings = BranchSettings()
        settings.patterns = [try Pattern("^team/.+$")]
        let custom = try BranchPolicy(settings: settings)
        #expect(try custom.check("x", origin: .pushed(source: "develop", remote: "origin")).first?.help?.hasPrefix("push to a name that matches") == true)
        #expect(try custom.check("x").first?.help?.hasPrefix("rename the branch to a name that matches") == true)
    }

    @Test func levelsAndPatterns() throws {
        var settings = BranchSettings()
        settings.level = .off
        #expect(try BranchPolicy(settings: settings).check("whatever").isEmpty)
        settings.level = .warning
        #expect(try BranchPolicy(settings: settings).check("whatever").first?.severity == .warning)
        settings.extraPatterns = [try Pattern("renovate/.+")]
        #expect(try BranchPolicy(settings: settings).check("renovate/swift-6").isEmpty)
        settings.patterns = [try Pattern("(main|dev|feat/[a-z-]+)")]
        let policy = try BranchPolicy(settings: settings)
        #expect(try policy.check("feat/x").isEmpty)
        #expect(try policy.check("main").isEmpty)
        let finding = try #require(try policy.check("feature/x").first)
        #expect(finding.help?.contains("feat/[a-z-]+") == true)
        #expect(try !policy.check("feat/x-y2").isEmpty)
    }

    @Test func describesTheDefaults() {
        #expect(BranchPolicy.defaultPatternDescriptions.contains("hotfix/vX.Y.Z"))
        #expect(BranchPolicy.defaultPatternDescriptions.count == 8)
    }
}
