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
