import Testing
@testable import ShipshapeChangelog

func sha(_ n: Int) -> String {
    let digits = Array("0123456789abcdef")
    var value = n &* 2654435761 &+ 12345
    var text = ""
    for _ in 0..<40 {
        text.append(digits[value & 15])
        value = (value >> 4) ^ (value &* 31 &+ 7)
    }
    return text
}

func commits(_ messages: [String], startingAt first: Int = 1) -> [ChangelogCommit] {
    messages.enumerated().map { ChangelogCommit(id: sha(first + $0.offset), message: $0.element + "\n") }
}

let sync = ChangelogSynchronizer(settings: ChangelogSettings(), repositoryURL: nil)

@Suite struct SynchronizerTests {
    @Test func newFileGetsCategoriesInOrder() {
        let history = commits(["docs: explain setup", "fix(api): handle empty body", "feat: add export", "feat!: drop the v1 API\n\nBREAKING CHANGE: v1 is gone", "perf: faster walk", "chore: tidy", "not conventional", "fixup! feat: add export"])
        let result = sync.sync(nil, SyncRequest(commits: history, head: sha(99)))
        let short = { (n: Int) in String(sha(n).prefix(7)) }
        #expect(result.document.text == """
            # Changelog

            All notable changes to this project will be documented in this file.

            The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
            and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

            ## [Unreleased]
            <!-- shipshape-changelog synced=\(sha(99)) -->

            ### ⚠ Breaking Changes

            - drop the v1 API (\(short(4)))
              v1 is gone

            ### Added

            - add export (\(short(3)))

            ### Fixed

            - **api:** handle empty body (\(short(2)))

            ### Performance

            - faster walk (\(short(5)))

            ### Documentation

            - explain setup (\(short(1)))

            ### Internal

            - tidy (\(short(6)))

            """)
        #expect(result.skipped[.nonConventional] == 1)
        #expect(result.skipped[.ignored] == 1)
    }

    @Test func incrementalIsIdempotentAndEqualsOneSync() throws {
        let all = commits(["feat: a", "fix: b", "feat: c", "docs: d"])
        let once = sync.sync(nil, SyncRequest(commits: all, head: sha(4)))
        let first = sync.sync(nil, SyncRequest(commits: Array(all.prefix(2)), head: sha(2)))
        let second = sync.sync(first.document, SyncRequest(commits: Array(all.suffix(2)), head: sha(4)))
        #expect(second.document.text == once.document.text)
        let again = sync.sync(second.document, SyncRequest(commits: [], head: sha(4)))
        #expect(!again.changed)
        let replayed = sync.sync(second.document, SyncRequest(commits: all, head: sha(4)))
        #expect(!replayed.changed)
    }

    /// Found by the property tests: the second of two commits with the same message took over
    /// the first one's entry when the two were synced one run apart.
    @Test func twoCommitsWithTheSameMessageGetTwoEntriesAtOnceOrOneRunApart() throws {
        let all = commits(["fix: typo", "fix: typo"])
        let once = sync.sync(nil, SyncRequest(commits: all, head: sha(2)))
        let first = sync.sync(nil, SyncRequest(commits: [all[0]], head: sha(1)))
        let second = sync.sync(first.document, SyncRequest(commits: [all[1]], head: sha(2)))
        #expect(second.document.text == once.document.text)
        #expect(second.added.map(\.commit) == [sha(2)] && second.refreshed == 0)
        for n in [1, 2] { #expect(second.document.text.contains("(\(sha(n).prefix(7)))")) }
    }

    @Test func manualEditsOrderAndDeletionsSurvive() throws {
        let first = sync.sync(nil, SyncRequest(commits: commits(["feat: a", "feat: b", "fix: c"]), head: sha(3)))
        var text = first.document.text
        let a = "- a (\(sha(1).prefix(7)))", b = "- b (\(sha(2).prefix(7)))"
        text = text.replacing(a + "\n" + b, with: "- B, reworded by hand (\(sha(2).prefix(7)))\n- a line by hand\n- Also A (\(sha(1).prefix(7)))")
        text = text.replacing("- c (\(sha(3).prefix(7)))\n", with: "")
        let edited = try parse(text)
        let next = sync.sync(edited, SyncRequest(commits: commits(["feat: d"], startingAt: 4), head: sha(4)))
        #expect(next.document.text.contains("- B, reworded by hand (\(sha(2).prefix(7)))\n- a line by hand\n- Also A (\(sha(1).prefix(7)))\n- d (\(sha(4).prefix(7)))\n"))
        #expect(!next.document.text.contains("- c ("))
        // Every byte before the marker and outside the Added list is unchanged.
        #expect(next.document.text.replacing("\n- d (\(sha(4).prefix(7)))", with: "").replacing(sha(4), with: sha(3)) == text)
    }

    @Test func rewrittenHistoryDoesNotDuplicateAndDeletedStaysDeleted() throws {
        let original = commits(["feat: login", "fix: typo", "feat: logout"])
        let synced = sync.sync(nil, SyncRequest(commits: original, head: sha(3)))
        let withoutTypo = try parse(synced.document.text.replacing("- typo (\(sha(2).prefix(7)))\n", with: ""))
        // A rebase rewrote every commit (new ids, same messages) and added one.
        let rebased = commits(["feat: login", "fix: typo", "feat: logout", "feat: profile"], startingAt: 50)
        let result = sync.sync(withoutTypo, SyncRequest(commits: rebased, head: sha(53), previouslySynced: original))
        let text = result.document.text
        #expect(text.ranges(of: "login").count == 1)
        #expect(!text.contains("typo"))
        #expect(text.contains("- login (\(sha(50).prefix(7)))"))
        #expect(text.contains("- profile (\(sha(53).prefix(7)))"))
        #expect(result.added.map(\.commit) == [sha(53)])
        #expect(result.refreshed == 2)
    }

    @Test func revertsRemoveTheRevertedEntry() throws {
        let first = sync.sync(nil, SyncRequest(commits: commits(["feat: a", "feat: b"]), head: sha(2)))
        let revert = ChangelogCommit(id: sha(3), message: "Revert \"feat: a\"\n\nThis reverts commit \(sha(1)).\n")
        let result = sync.sync(first.document, SyncRequest(commits: [revert], head: sha(3)))
        #expect(!result.document.text.contains("- a ("))
        #expect(result.removed == [sha(1)])
        // Reverting a commit that is not listed (released) lists the revert under Internal.
        let old = ChangelogCommit(id: sha(4), message: "revert: feat: old thing\n\nThis reverts commit \(sha(77)).\n")
        let listed = sync.sync(result.document, SyncRequest(commits: [old], head: sha(4)))
        #expect(listed.document.text.contains("### Internal\n\n- feat: old thing (\(sha(4).prefix(7)))"))
        // A commit and its revert in one batch cancel out.
        let pair = [ChangelogCommit(id: sha(5), message: "feat: x\n"), ChangelogCommit(id: sha(6), message: "Revert \"feat: x\"\n\nThis reverts commit \(sha(5)).\n")]
        #expect(sync.sync(listed.document, SyncRequest(commits: pair, head: sha(6))).added.isEmpty)
    }

    @Test func mergesAndIgnoredScopesAreSkippedAndLinksAdded() {
        let linked = ChangelogSynchronizer(settings: ChangelogSettings(), repositoryURL: "https://github.com/o/r/")
        let merge = ChangelogCommit(id: sha(2), message: "Merge branch 'x'\n", parentCount: 2)
        let result = linked.sync(nil, SyncRequest(commits: [ChangelogCommit(id: sha(1), message: "fix: y\n\nCloses #7\n"), merge, ChangelogCommit(id: sha(3), message: "docs(changelog): sync\n")], head: sha(3)))
        #expect(result.document.text.contains("- y ([\(sha(1).prefix(7))](https://github.com/o/r/commit/\(sha(1)))), closes #7\n"))
        #expect(result.skipped[.merge] == 1 && result.skipped[.ignoredScope] == 1)
    }

    @Test func existingLayoutIsRespected() throws {
        let text = "# Changelog\r\n\r\n## [Unreleased]\r\n\r\n### Fixed\r\n\r\n- old fix\r\n\r\n### Security\r\n\r\n- hand-written\r\n\r\n## [1.0.0] - 2024-01-01\r\n\r\n- first\r\n\r\n[1.0.0]: https://x"
        let document = try parse(text)
        let result = sync.sync(document, SyncRequest(commits: commits(["feat: new", "fix: another", "docs: more"]), head: sha(9)))
        #expect(result.document.text == "# Changelog\r\n\r\n## [Unreleased]\r\n<!-- shipshape-changelog synced=\(sha(9)) -->\r\n\r\n### Added\r\n\r\n- new (\(sha(1).prefix(7)))\r\n\r\n### Fixed\r\n\r\n- old fix\r\n- another (\(sha(2).prefix(7)))\r\n\r\n### Security\r\n\r\n- hand-written\r\n\r\n### Documentation\r\n\r\n- more (\(sha(3).prefix(7)))\r\n\r\n## [1.0.0] - 2024-01-01\r\n\r\n- first\r\n\r\n[1.0.0]: https://x")
    }

    @Test func missingUnreleasedIsInsertedAboveTheNewestRelease() throws {
        let document = try parse("# C\n\n## [1.0.0] - 2024-01-01\n\n- first\n")
        let result = sync.sync(document, SyncRequest(commits: commits(["feat: z"]), head: sha(1)))
        #expect(result.document.text == "# C\n\n## [Unreleased]\n<!-- shipshape-changelog synced=\(sha(1)) -->\n\n### Added\n\n- z (\(sha(1).prefix(7)))\n\n## [1.0.0] - 2024-01-01\n\n- first\n")
    }

    @Test func fullRebuildRemovesEntriesOfVanishedCommitsAndKeepsManualLines() throws {
        let first = sync.sync(nil, SyncRequest(commits: commits(["feat: a", "feat: b"]), head: sha(2)))
        let edited = try parse(first.document.text.replacing("- b (", with: "- hand line\n- b ("))
        let request = SyncRequest(commits: commits(["feat: a"]), head: sha(1), previouslySynced: commits(["feat: a", "feat: b"]), full: true)
        let result = sync.sync(edited, request)
        #expect(result.document.text.hasSuffix("- a (\(sha(1).prefix(7)))\n- hand line\n"))
        #expect(result.removed == [String(sha(2).prefix(7))])
        // An entry naming a commit nothing here knows is not provably generated: it stays.
        let unknown = sync.sync(edited, SyncRequest(commits: commits(["feat: a"]), head: sha(1), full: true))
        #expect(unknown.removed.isEmpty && unknown.document.text.contains("- b (\(sha(2).prefix(7)))"))
    }

    @Test func fullRebuildKeepsAnEntryRewordedByHandWhoseCommitLeftTheHistory() throws {
        let first = sync.sync(nil, SyncRequest(commits: commits(["feat: a", "feat: b"]), head: sha(2)))
        let edited = try parse(first.document.text.replacing("- b (", with: "- B, in my words ("))
        let request = SyncRequest(commits: commits(["feat: a"]), head: sha(1), previouslySynced: commits(["feat: a", "feat: b"]), full: true)
        let result = sync.sync(edited, request)
        #expect(result.removed.isEmpty && result.added.isEmpty)
        #expect(result.document.text.hasSuffix("- a (\(sha(1).prefix(7)))\n- B, in my words (\(sha(2).prefix(7)))\n"))
    }

    /// The review's case: an entry reworded by hand, then a rebase gives its commit a new id.
    @Test(arguments: [true, false]) func rewordedEntrySurvivesRebaseAndFullRebuild(syncFirst: Bool) throws {
        let original = commits(["feat(api): add pagination", "fix: x"])
        let first = sync.sync(nil, SyncRequest(commits: original, head: sha(2)))
        let short = { (n: Int) in String(sha(n).prefix(7)) }
        let edited = try parse(first.document.text.replacing("- **api:** add pagination (\(short(1)))", with: "- **api:** Cursor pagination for lists (\(short(1)))"))
        let rebased = commits(["feat(api): add pagination", "fix: x"], startingAt: 11)
        var document = edited
        if syncFirst {
            let plain = sync.sync(document, SyncRequest(commits: rebased, head: sha(12), previouslySynced: original))
            #expect(plain.added.isEmpty && plain.refreshed == 2)
            document = plain.document
        }
        let full = sync.sync(document, SyncRequest(commits: rebased, head: sha(12), previouslySynced: syncFirst ? [] : original, full: true))
        #expect(full.added.isEmpty && full.removed.isEmpty)
        let text = full.document.text
        #expect(text.contains("### Added\n\n- **api:** Cursor pagination for lists (\(short(11)))\n"), "\(text)")
        #expect(text.contains("### Fixed\n\n- x (\(short(12)))\n"))
        #expect(!text.contains("add pagination") && !text.contains(short(1)))
    }

    @Test func deterministic() {
        let history = commits((1...200).map { ["feat", "fix", "docs", "chore", "perf"][$0 % 5] + "(s\($0 % 7)): change \($0)" })
        let a = sync.sync(nil, SyncRequest(commits: history, head: sha(500)))
        let b = sync.sync(nil, SyncRequest(commits: history, head: sha(500)))
        #expect(a.document.rendered() == b.document.rendered())
        #expect(a.added.count == 200)
    }
}

@Suite struct ReleaseHistorySyncTests {
    let doc = { (text: String) in try ChangelogDocument(parsing: Array(text.utf8)) }

    @Test func bumpCommitsAreNotListedUnlessAsked() {
        let history = commits(["chore: bump version to 1.2.0", "chore(release): prepare 1.2.0", "feat: real work"])
        let result = sync.sync(nil, SyncRequest(commits: history, head: sha(9)))
        #expect(result.added.map(\.commit) == [sha(3)])
        #expect(result.skipped[.bump] == 2)
        var settings = ChangelogSettings()
        settings.listsBumpCommits = true
        let listed = ChangelogSynchronizer(settings: settings, repositoryURL: nil).sync(nil, SyncRequest(commits: history, head: sha(9)))
        #expect(listed.added.count == 3)
    }

    @Test func aCommitListedUnderAReleaseHeadingIsNotAddedAgain() throws {
        // A hand roll: the heading inserted directly under Unreleased, above the marker.
        let text = "## [Unreleased]\n\n## [1.1.0] - 2026-01-01\n<!-- shipshape-changelog synced=\(sha(1)) -->\n\n### Added\n\n- one (\(sha(1).prefix(7)))\n"
        let result = sync.sync(try doc(text), SyncRequest(commits: commits(["feat: one"]), head: sha(5)))
        #expect(!result.changed, "\(result.document.text)")
        #expect(result.document.syncedCommits == [sha(1)])
    }

    @Test func theMarkerChangesOnlyWithTheEntries() throws {
        let text = "## [Unreleased]\n<!-- shipshape-changelog synced=\(sha(1)) -->\n\n### Added\n\n- one (\(sha(1).prefix(7)))\n"
        let merge = ChangelogCommit(id: sha(7), message: "Merge branch 'release/v1.1.0'\n", parentCount: 2)
        let quiet = sync.sync(try doc(text), SyncRequest(commits: [merge], head: sha(7)))
        #expect(!quiet.changed)
        let busy = sync.sync(try doc(text), SyncRequest(commits: commits(["fix: two"], startingAt: 2), head: sha(8)))
        #expect(busy.changed && busy.document.syncedCommits == [sha(8)])
    }
}

@Suite struct EntryShapeTests {
    @Test func newEntriesGoBelowAnEntryWrittenWithATab() throws {
        let text = "## [Unreleased]\n\n### Added\n\n-\tan entry written with a tab\n"
        let result = sync.sync(try ChangelogDocument(parsing: Array(text.utf8)), SyncRequest(commits: commits(["feat: new"]), head: sha(9)))
        #expect(result.document.text.hasSuffix("-\tan entry written with a tab\n- new (\(sha(1).prefix(7)))\n"), "\(result.document.text)")
    }
}

@Suite struct SetextHeadingTests {
    @Test func aSetextUnreleasedSectionGetsItsEntriesAndItsMarkerBelowTheUnderline() throws {
        let text = "Changelog\n=========\n\nUnreleased\n----------\n\n### Added\n\n- old (1111111)\n\n1.0.0 - 2024-01-01\n------------------\n\n- first\n"
        let document = try ChangelogDocument(parsing: Array(text.utf8))
        #expect(document.unreleased?.bodyStart == 5)
        #expect(document.sections.map(\.isRelease) == [false, true])
        let result = sync.sync(document, SyncRequest(commits: commits(["feat: new"]), head: sha(9)))
        #expect(result.document.text == "Changelog\n=========\n\nUnreleased\n----------\n<!-- shipshape-changelog synced=\(sha(9)) -->\n\n### Added\n\n- old (1111111)\n- new (\(sha(1).prefix(7)))\n\n1.0.0 - 2024-01-01\n------------------\n\n- first\n")
    }

    @Test func aRuleAfterABlankLineIsNoHeading() throws {
        let document = try ChangelogDocument(parsing: Array("## [Unreleased]\n\nSome prose.\n\n---\n\nMore.\n".utf8))
        #expect(document.sections.count == 1)
    }
}
