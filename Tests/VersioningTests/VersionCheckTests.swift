import Testing
import ShipshapeDiagnostics
import ShipshapeModel
import ShipshapeVersioning

@Suite struct VersionCheckTests {
    func v(_ text: String) -> SemanticVersion { SemanticVersion.lenient(text)! }
    func snapshot(_ pairs: [(String, String)]) -> VersionSnapshot {
        VersionSnapshot(readings: pairs.enumerated().map { VersionReading(path: $0.element.0, text: $0.element.1, line: $0.offset + 1, column: 1) })
    }
    func commit(_ message: String, _ id: String = "abc1234") -> CommitInfo { CommitInfo(shortID: id, message: message) }

    @Test func agreementNamesTheFileLeftBehind() {
        let s = snapshot([("VERSION", "1.2.0"), ("package.json", "1.2.0"), ("pyproject.toml", "1.1.0")])
        let findings = VersionChecks.agreement(s, commit: "c")
        #expect(findings.count == 1)
        #expect(findings[0].rule == "version-agreement")
        #expect(findings[0].message.contains("pyproject.toml:3:1 holds version 1.1.0"))
        #expect(findings[0].help?.contains("to 1.2.0") == true)
        #expect(VersionChecks.agreement(snapshot([("VERSION", "1.2.0rc1"), ("package.json", "v1.2.0-rc.1")]), commit: "c").isEmpty)
        var off = VersionSettings()
        off.enabledChecks.remove(.agreement)
        #expect(VersionChecks.agreement(s, commit: "c", settings: off).isEmpty)
    }

    @Test func validityGivesTheColumn() {
        let findings = VersionChecks.validity(VersionSnapshot(readings: [VersionReading(path: "VERSION", text: "1.02.0", line: 1, column: 5)]), commit: "c")
        #expect(findings.count == 1)
        #expect(findings[0].rule == "version-valid")
        #expect(findings[0].message.contains("VERSION:1:7"))
        #expect(findings[0].message.contains("leading zero"))
    }

    @Test func tagMatches() {
        let tag = ReleaseTag(name: "v1.2.0", version: v("1.2.0"), isAnnotated: true)
        let changelog = ChangelogSections.sections([v("1.2.0")])
        #expect(VersionChecks.tagMatches(tag, commit: "c", snapshot: snapshot([("VERSION", "1.2.0")]), changelog: changelog).isEmpty)
        let wrong = VersionChecks.tagMatches(tag, commit: "c", snapshot: snapshot([("VERSION", "1.1.0")]), changelog: changelog)
        #expect(wrong.map(\.rule) == ["tag-matches"])
        var light = tag
        light.isAnnotated = false
        #expect(VersionChecks.tagMatches(light, commit: "c", snapshot: snapshot([("VERSION", "1.2.0")]), changelog: changelog).first?.message.contains("lightweight") == true)
        var allow = VersionSettings()
        allow.allowLightweightTags = true
        #expect(VersionChecks.tagMatches(light, commit: "c", snapshot: snapshot([("VERSION", "1.2.0")]), changelog: changelog, settings: allow).isEmpty)
        let noSection = VersionChecks.tagMatches(tag, commit: "c", snapshot: snapshot([("VERSION", "1.2.0")]), changelog: .sections([v("1.1.0")]))
        #expect(noSection.first?.message.contains("## [1.2.0]") == true)
        let noChangelog = VersionChecks.tagMatches(tag, commit: "c", snapshot: snapshot([("VERSION", "1.2.0")]), changelog: .missing)
        #expect(noChangelog.allSatisfy { $0.severity == .warning })
    }

    @Test func branchMatches() {
        #expect(VersionChecks.branchMatches(branch: "release/v1.2.0", commit: "c", snapshot: snapshot([("VERSION", "1.2.0-rc.1")])).isEmpty)
        #expect(VersionChecks.branchMatches(branch: "hotfix/v1.2.1", commit: "c", snapshot: snapshot([("VERSION", "1.2.1")])).isEmpty)
        let bad = VersionChecks.branchMatches(branch: "release/v1.2.0", commit: "c", snapshot: snapshot([("VERSION", "1.1.0")]))
        #expect(bad.map(\.rule) == ["branch-matches"])
        #expect(VersionChecks.branchMatches(branch: "feature/x", commit: "c", snapshot: snapshot([("VERSION", "1.1.0")])).isEmpty)
    }

    @Test func monotonic() {
        let tag = Release(name: "v1.1.0", version: v("1.1.0"), commit: ObjectID(hex: String(repeating: "a", count: 40))!)
        func check(old: String?, new: String, _ change: (inout VersionProgress) -> Void = { _ in }) -> [Finding] {
            var progress = VersionProgress(old: old.map(v), new: v(new), previous: tag)
            change(&progress)
            return VersionChecks.monotonic(progress, commit: "c")
        }
        #expect(check(old: "1.1.0", new: "1.2.0").isEmpty)
        #expect(check(old: "1.2.0-rc.1", new: "1.2.0-rc.2").isEmpty)
        #expect(check(old: "1.2.0-rc.2", new: "1.2.0").isEmpty)
        #expect(check(old: "1.1.0", new: "2.0.0-rc.1").isEmpty)
        #expect(check(old: "1.0.0", new: "1.2.0").isEmpty)  // released on main meanwhile: 1.1.0 is the base
        let skip = check(old: "1.0.0", new: "1.3.0")
        #expect(skip.first?.message.contains("skips a version; after 1.1.0 (tag v1.1.0) comes 1.1.1, 1.2.0, 2.0.0") == true)
        #expect(skip.first?.help?.contains("e.g. 1.2.0") == true)
        #expect(check(old: "1.1.0", new: "1.0.9").first?.message.contains("goes down") == true)
        let again = check(old: "1.0.0", new: "1.1.0") { $0.alreadyTagged = tag }
        #expect(again.first?.message.contains("already released as tag v1.1.0") == true)
        #expect(again.first?.help?.contains("e.g. 1.1.1") == true)
        let contained = Release(name: "v2.0.0", version: v("2.0.0"), commit: tag.commit)
        #expect(check(old: "1.1.0", new: "1.2.0") { $0.containedAbove = contained }.first?.message.contains("already contains") == true)
        let rc = Release(name: "v1.2.0-rc.2", version: v("1.2.0-rc.2"), commit: tag.commit)
        #expect(check(old: "1.1.0", new: "1.2.0-rc.1") { $0.higherPreRelease = rc }.first?.help?.contains("1.2.0-rc.3") == true)
        var off = VersionSettings()
        off.enabledChecks.remove(.monotonic)
        #expect(VersionChecks.monotonic(VersionProgress(old: v("2.0.0"), new: v("1.0.0"), previous: nil), commit: "c", settings: off).isEmpty)
    }

    @Test func bumpLevel() {
        let base = Release(name: "v1.1.0", version: v("1.1.0"), commit: ObjectID(hex: String(repeating: "b", count: 40))!)
        let feat = commit("feat(api): add export", "feat123")
        let fix = commit("fix: bug", "fix4567")
        let breaking = commit("refactor: x\n\nBREAKING CHANGE: removes y", "brk8901")
        #expect(VersionChecks.bumpLevel(base: base, new: v("1.2.0"), commits: [fix, feat], commit: "c").isEmpty)
        let patchOnly = VersionChecks.bumpLevel(base: base, new: v("1.1.1"), commits: [fix, feat], commit: "c")
        #expect(patchOnly.first?.rule == "bump-level")
        #expect(patchOnly.first?.message.contains("feat123") == true)
        #expect(patchOnly.first?.help?.contains("1.2.0") == true)
        let minorForBreaking = VersionChecks.bumpLevel(base: base, new: v("1.2.0"), commits: [feat, breaking], commit: "c")
        #expect(minorForBreaking.first?.message.contains("brk8901") == true)
        #expect(VersionChecks.bumpLevel(base: base, new: v("2.0.0-rc.1"), commits: [breaking], commit: "c").isEmpty)
        let zero = Release(name: "v0.3.0", version: v("0.3.0"), commit: base.commit)
        #expect(VersionChecks.bumpLevel(base: zero, new: v("0.4.0"), commits: [breaking], commit: "c").isEmpty)
        var strict = VersionSettings()
        strict.breakingChangeWhileZeroRequires = .major
        #expect(!VersionChecks.bumpLevel(base: zero, new: v("0.4.0"), commits: [breaking], commit: "c", settings: strict).isEmpty)
    }

    @Test func pushedCommits() {
        #expect(VersionChecks.temporaryCommitKind("fixup! feat: x") != nil)
        #expect(VersionChecks.temporaryCommitKind("WIP: try") != nil)
        #expect(VersionChecks.temporaryCommitKind("[wip] try") != nil)
        #expect(VersionChecks.temporaryCommitKind("wipe the cache") == nil)
        let commits = [commit("fixup! feat: x"), commit("feat: y")]
        #expect(VersionChecks.temporaryCommits(branch: "main", commits: commits, remoteBranch: "origin/main").count == 1)
        #expect(VersionChecks.temporaryCommits(branch: "release/v1.2.0", commits: commits, remoteBranch: "o").count == 1)
        #expect(VersionChecks.temporaryCommits(branch: "feature/x", commits: commits, remoteBranch: "o").isEmpty)
        let lint = [Finding(rule: "type-enum", severity: .error, message: "type must be one of feat, fix")]
        let finding = VersionChecks.pushedCommit(commit("feature: x"), ruleFindings: lint)
        #expect(finding?.rule == "pushed-commit-lint")
        #expect(finding?.message.contains("abc1234") == true && finding?.message.contains("[type-enum]") == true)
        #expect(VersionChecks.pushedCommit(commit("feat: x"), ruleFindings: []) == nil)
    }
}
