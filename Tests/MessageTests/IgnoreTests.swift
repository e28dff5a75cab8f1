import Testing

@testable import ShipshapeMessage

@Suite("commitlint's default ignores")
struct IgnoreTests {
    @Test(arguments: [
        ("Merge pull request #57 from acme/feature/export\n\nAdd CSV Export.\n", DefaultIgnore.mergePullRequest),
        ("Merge branch 'feature/login' into develop\n", .mergeInto),
        ("Merge branch 'feature/login'\n", .mergeBranch),
        ("Merge commit '0123' into release\n", .mergeInto),
        ("Merge tag 'v1.2.0'\n", .mergeTag),
        ("feat: Add Export\n\nMerge branch 'main' into feature/export\n", .mergeInto),
        ("Revert \"feat(api): add pagination\"\n\nThis reverts commit 4f2a1c9.\n", .revert),
        ("revert thing\n", .revert),
        ("fixup! feat: x\n", .autosquash), ("fixup!feat: glued\n", .autosquash), ("squash! x\n", .autosquash),
        ("amend! x\n", .autosquash), ("v2.0.0-rc.1\n", .version), ("1.4.0\n", .version), ("1.4.0\r\nnotes\r\n", .version),
        ("chore(release): 1.2.0\n", .version), ("chore: v1.2.3\n", .version),
        ("Merged PR 881: Add Billing Export\n", .merged), ("Merged feature/x in main\n", .merged),
        ("Merge remote-tracking branch 'origin/main'\n", .mergeRemoteTrackingBranch),
        ("Automatic merge from CI\n", .automaticMerge), ("Auto-merged release/v3 into main\n", .autoMerged),
    ])
    func ignored(_ message: String, _ expected: DefaultIgnore) {
        #expect(matchDefaultIgnore(message) == expected)
    }

    @Test(arguments: [
        "revert: \"feat(api): add pagination\"\n", "Merge branch\n", "Merge branches 'a' and 'b'\n",
        "Fixup! feat: glued\n", "release 1.4.0\n", "Update README.md\n", "feat: merge branch handling\n",
        "fix: x\n\nfixup! later line\n", "v01.2.0\n", "V1.2.0\n", "chore(): 1.2.0\n",
    ])
    func linted(_ message: String) {
        #expect(matchDefaultIgnore(message) == nil)
    }

    @Test func everyIgnoreDescribesItself() {
        for ignore in DefaultIgnore.allCases { #expect(!ignore.description.isEmpty) }
    }
}
