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
        ("Reapply \"feat(api): add pagination\"\n\nThis reverts commit 9e1f.\n", .reapply),
        ("reapply the cache change\n", .reapply),
        ("Reapply \"Revert \"fix: x\"\"\n", .reapply),
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

    /// Release commits as semantic-release, release-please and hand-rolled scripts write them.
    @Test(arguments: [
        "chore(release): 4.1.0-beta.2 [skip ci]\n", "chore(release): 4.1.0 [ci skip]\n\n## Notes\n",
        "7.0.1 [skip-ci]\n", "7.0.1 [ci-skip]\n", "7.0.1 (skip ci)\n", "7.0.1 (ci skip)\n", "7.0.1 (skip-ci)\n",
        "7.0.1 (ci-skip)\n", "chore: v3.2.1 [skip ci]\n", "v3.2.1\t[skip ci]\n", "3.2.1 [skip ci] [ci skip]\n",
        "chore(release): 3.2.1 [SKIP CI]\n", "  3.2.1 [skip ci]  \n", "chore(release):3.2.1 [skip ci]\r\n",
    ])
    func releaseCommitWithCISkipMarker(_ message: String) {
        #expect(matchDefaultIgnore(message) == .version)
        #expect(mayMatchDefaultIgnore(message))
    }

    /// Only a version with markers after it is a release commit; a marker alone, a marker glued to
    /// the version, words beside it or a marker on a later line are linted as usual.
    @Test(arguments: [
        "[skip ci]\n", "3.2.1[skip ci]\n", "chore(release): 3.2.1 and docs [skip ci]\n", "[skip ci] 3.2.1\n",
        "chore(release): bump to 3.2.1 [skip ci]\n", "3.2.1 [skip ci\n", "3.2.1 [skip ci)\n", "3.2.1 [no ci]\n",
        "3.2.x [skip ci]\n", "feat: 3.2.1 [skip ci]\n", "docs: x\n\n3.2.1 [skip ci]\n", "Reapply: x\n",
        "Reapplying \"x\"\n", "fix: x\n\nReapply \"y\"\n", "REAPPLY x\n",
    ])
    func notAReleaseCommitOrReapply(_ message: String) {
        #expect(matchDefaultIgnore(message) == nil)
    }

    @Test func defaultIgnorePrecheckNeverHidesAMatch() {
        // matchDefaultIgnore skips its full check when the byte pre-check says no: the pre-check
        // must say yes for every message the full check ignores.
        var messages = [
            "Merge pull request #57 from acme/feature/export\n", "Merge branch 'a' into b\n", "Merge tag 'v1'\n",
            "feat: Add Export\n\nMerge branch 'main' into feature/export\n", "feat: x\u{2028}Merge branch 'a'\n",
            "Revert \"feat: x\"\n", "revert thing\n", "fixup! x\n", "squash! x\n", "amend! x\n", "v2.0.0-rc.1\n",
            "1.4.0\n", " 1.4.0\n", "\t1.4.0\n", "\u{FEFF}1.4.0\n", "\u{A0}v1.4.0\n", "chore(release): 1.2.0\n",
            "chore: v1.2.3\n", "Merged PR 881: Add Billing Export\n", "Merged feature/x in main\n",
            "Merge remote-tracking branch 'origin/main'\n", "Automatic merge from CI\n", "Auto-merged a into b\n",
            "feat: x\n", "docs: y\n\nbody\n", "Update README.md\n", "=1.2.3\n", "V1.2.0\n", "wip\n", "",
            "Reapply \"feat: x\"\n", "reapply y\n", "chore(release): 1.2.0 [skip ci]\n", "1.2.0 (ci-skip)\n",
        ]
        for prefix in ["", "x", "feat: ", "é", "a\u{301}", "chore: ", "chore(x): ", "chore(): ", "chore:\t", "cho", "c"] {
            for ending in ["Merge branch 'a'", "1.2.3", "Revert x", "fixup! y", "Reapply z", "1.2.3 [skip ci]"] { messages.append(prefix + ending + "\n") }
        }
        for message in messages where matchDefaultIgnoreByLines(message) != nil {
            #expect(mayMatchDefaultIgnore(message), "\(message.debugDescription)")
        }
        #expect(!mayMatchDefaultIgnore("feat: add x\n\nmerge body\n"))
        #expect(!mayMatchDefaultIgnore("docs: y\n"))
        #expect(!mayMatchDefaultIgnore("ci: y\n"))
        #expect(mayMatchDefaultIgnore("chore(release): 1.2.0\n"))
        #expect(mayMatchDefaultIgnore("chore: tidy\n"))
    }

    @Test func everyIgnoreDescribesItself() {
        for ignore in DefaultIgnore.allCases { #expect(!ignore.description.isEmpty) }
    }
}
