import Foundation
import Testing
import ShipshapeTestSupport

/// `changelog-sync` and the `post-merge` hook with real git.
@Suite struct ChangelogEndToEndTests {
    let bin = productsDirectory()

    func sync(_ sandbox: GitSandbox, _ arguments: [String] = []) throws -> ProcessResult {
        try sandbox.run(bin + "/changelog-sync", arguments)
    }

    func short(_ id: String) -> String { String(id.prefix(7)) }

    /// `count` occurrences of `needle` in `text`.
    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func commitsSinceTheReleaseTagAreListedAndCheckTellsWhenOutOfDate() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "feat: before the release")
        try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "v1.0.0")
        let fix = try sandbox.commit(message: "fix(parser): handle tabs\n\nRefs: #12")
        let feat = try sandbox.commit(message: "feat: export to CSV")
        try sandbox.commit(message: "wip")
        let result = try sync(sandbox)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("2 entries added; 1 non-conventional commit skipped"))
        let text = try sandbox.read("CHANGELOG.md")
        #expect(text.contains("### Added\n\n- export to CSV (\(short(feat)))\n\n### Fixed\n\n- **parser:** handle tabs (\(short(fix))), refs #12\n"))
        #expect(!text.contains("before the release"))
        #expect(try sync(sandbox, ["--check"]).status == 0)
        try sandbox.commit(message: "perf: faster")
        let check = try sync(sandbox, ["--check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("out of date"))
        let dry = try sync(sandbox, ["--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("+### Performance"))
        #expect(try sandbox.read("CHANGELOG.md") == text)
        let json = try sync(sandbox, ["--format", "json"])
        #expect(json.stdout.contains("\"incremental\":true"))
        let viaShipshape = try sandbox.run(bin + "/shipshape", ["changelog", "sync", "--check"])
        #expect(viaShipshape.status == 0, "\(viaShipshape)")
    }

    @Test func pullRunsPostMergeAndTheSectionGrows() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        let remote = try sandbox.makeBareRemote()
        try sandbox.gitOK("push", "-q", "origin", "main")
        try sandbox.gitOK("branch", "-u", "origin/main")
        #expect(try sandbox.run(bin + "/shipshape", ["install"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: sandbox.path(".git/hooks/post-merge")))

        let other = sandbox.temporaryDirectory + "/other"
        try sandbox.gitOK(arguments: ["clone", "-q", remote, other], in: sandbox.temporaryDirectory)
        func commitInOther(_ message: String) throws {
            try sandbox.gitOK(arguments: ["commit", "-q", "--allow-empty", "-m", message], in: other)
            try sandbox.gitOK(arguments: ["push", "-q", "origin", "main"], in: other)
        }
        try commitInOther("feat: from a teammate")
        let pull = try sandbox.git("pull", "-q", "--no-rebase")
        #expect(pull.status == 0, "\(pull)")
        #expect((pull.stdout + pull.stderr).contains("CHANGELOG.md: 2 entries added in [Unreleased]"), "\(pull)")
        #expect(try sandbox.read("CHANGELOG.md").contains("- from a teammate ("))

        // Uncommitted changes to the changelog: the hook leaves it alone and says so.
        try commitInOther("fix: second")
        let skipped = try sandbox.git("pull", "-q", "--no-rebase")
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("uncommitted changes"), "\(skipped)")
        #expect(!(try sandbox.read("CHANGELOG.md")).contains("second"))

        try sandbox.gitOK("add", "CHANGELOG.md")
        try sandbox.gitOK("commit", "-q", "-m", "docs(changelog): sync")
        try commitInOther("fix: third")
        let grown = try sandbox.git("pull", "-q", "--no-rebase", "--no-edit")
        #expect(grown.status == 0, "\(grown)")
        let text = try sandbox.read("CHANGELOG.md")
        #expect(text.contains("- second (") && text.contains("- third (") && !text.contains("sync ("))
        #expect(count("- from a teammate (", in: text) == 1)
    }

    /// A repository with the hooks installed, a synced and committed changelog, pushed to a bare
    /// remote; and a teammate's clone of that remote.
    func sharedRepository() throws -> (sandbox: GitSandbox, other: String) {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        let remote = try sandbox.makeBareRemote()
        #expect(try sandbox.run(bin + "/shipshape", ["install"]).status == 0)
        #expect(try sync(sandbox).status == 0)
        try sandbox.gitOK("add", "CHANGELOG.md")
        try sandbox.gitOK("commit", "-q", "--no-verify", "-m", "docs(changelog): sync")
        try sandbox.gitOK("push", "-q", "origin", "main")
        try sandbox.gitOK("branch", "-q", "-u", "origin/main")
        let other = sandbox.temporaryDirectory + "/other"
        try sandbox.gitOK(arguments: ["clone", "-q", remote, other], in: sandbox.temporaryDirectory)
        return (sandbox, other)
    }

    @Test func postMergeLeavesTheFileAloneWhileAnAutostashIsPending() throws {
        let (sandbox, other) = try sharedRepository()
        try sandbox.gitOK(arguments: ["commit", "-q", "--allow-empty", "-m", "feat: from a teammate"], in: other)
        try sandbox.gitOK(arguments: ["push", "-q", "origin", "main"], in: other)
        // A hand edit not committed yet: git stashes it for the pull, runs post-merge, then
        // re-applies it. Writing the file in between would make the stash collide.
        let edited = try sandbox.read("CHANGELOG.md") + "\n- A line I am still writing.\n"
        try sandbox.write("CHANGELOG.md", edited)
        let pull = try sandbox.git("pull", "-q", "--no-rebase", "--autostash")
        #expect(pull.status == 0, "\(pull)")
        #expect(pull.stderr.contains("CHANGELOG.md not synced: git has an autostash to re-apply"), "\(pull)")
        #expect(pull.stderr.contains("run changelog-sync"))
        #expect(try sandbox.read("CHANGELOG.md") == edited)
        #expect(try sandbox.gitOK("stash", "list").stdout.isEmpty)
        // Once the stash is back, a manual sync catches up and keeps the edit.
        #expect(try sync(sandbox).status == 0)
        let text = try sandbox.read("CHANGELOG.md")
        #expect(text.contains("- from a teammate (") && text.contains("- A line I am still writing."))
    }

    @Test func postMergeLeavesUncommittedChangelogChangesAlone() throws {
        let (sandbox, other) = try sharedRepository()
        try sandbox.gitOK(arguments: ["commit", "-q", "--allow-empty", "-m", "fix: from a teammate"], in: other)
        try sandbox.gitOK(arguments: ["push", "-q", "origin", "main"], in: other)
        let edited = try sandbox.read("CHANGELOG.md").replacingOccurrences(of: "## [Unreleased]", with: "## [Unreleased]\n\nSome prose.")
        try sandbox.write("CHANGELOG.md", edited)
        let pull = try sandbox.git("pull", "-q", "--no-rebase")
        #expect(pull.status == 0, "\(pull)")
        #expect(pull.stderr.contains("CHANGELOG.md not synced: it has uncommitted changes"), "\(pull)")
        #expect(try sandbox.read("CHANGELOG.md") == edited)
    }

    /// Expects a git command that succeeded, said nothing about the changelog and left it as `synced`.
    func expectChangelogLeftAlone(
        by result: ProcessResult, in sandbox: GitSandbox, synced: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(!(result.stdout + result.stderr).contains("CHANGELOG.md"), "\(result)", sourceLocation: sourceLocation)
        #expect(try sandbox.read("CHANGELOG.md") == synced, sourceLocation: sourceLocation)
    }

    @Test func squashMergesAndOptedOutClonesAreNotSynced() throws {
        let (sandbox, _) = try sharedRepository()
        let synced = try sandbox.read("CHANGELOG.md")
        try sandbox.gitOK("checkout", "-q", "-b", "feature/x")
        try sandbox.commit(file: "x.txt", message: "feat: squashed away")
        try sandbox.gitOK("checkout", "-q", "main")

        // A squash merge commits nothing: post-merge gets "1" and does nothing.
        try expectChangelogLeftAlone(by: sandbox.git("merge", "-q", "--squash", "feature/x"), in: sandbox, synced: synced)
        try sandbox.gitOK("reset", "-q", "--hard")

        // Opted out for this clone.
        try sandbox.gitOK("config", "shipshape.changelog.postMerge", "false")
        try expectChangelogLeftAlone(by: sandbox.git("merge", "-q", "--no-edit", "feature/x"), in: sandbox, synced: synced)

        // Back on: the next merge syncs both commits.
        try sandbox.gitOK("config", "--unset", "shipshape.changelog.postMerge")
        try sandbox.gitOK("checkout", "-q", "feature/x")
        try sandbox.commit(file: "y.txt", message: "fix: after opting in")
        try sandbox.gitOK("checkout", "-q", "main")
        let merged = try sandbox.git("merge", "-q", "--no-edit", "feature/x")
        #expect(merged.status == 0, "\(merged)")
        #expect((merged.stdout + merged.stderr).contains("CHANGELOG.md: 2 entries added in [Unreleased]"), "\(merged)")
        let text = try sandbox.read("CHANGELOG.md")
        #expect(text.contains("- squashed away (") && text.contains("- after opting in ("))
    }

    @Test func handEditsSurviveAndDeletedEntriesAreNotReAdded() throws {
        let sandbox = try GitSandbox()
        let a = try sandbox.commit(message: "feat: alpha")
        let b = try sandbox.commit(message: "feat: beta")
        try sandbox.commit(message: "fix: gamma")
        #expect(try sync(sandbox).status == 0)
        var text = try sandbox.read("CHANGELOG.md")
        text = text.replacingOccurrences(of: "- alpha (\(short(a)))", with: "- Alpha, explained better (\(short(a)))\n- A line I wrote myself.")
        text = text.replacingOccurrences(of: "- beta (\(short(b)))\n", with: "")
        text = text.replacingOccurrences(of: "\n### Fixed\n\n- gamma", with: "\n### Fixed\n\n<!-- a note -->\n- gamma")
        try sandbox.write("CHANGELOG.md", text)
        let d = try sandbox.commit(message: "feat: delta")
        #expect(try sync(sandbox).status == 0)
        let after = try sandbox.read("CHANGELOG.md")
        #expect(after.contains("- Alpha, explained better (\(short(a)))\n- A line I wrote myself.\n- delta (\(short(d)))\n"))
        #expect(!after.contains("beta"))
        #expect(after.contains("<!-- a note -->\n- gamma"))
        #expect(try sync(sandbox, ["--check"]).status == 0)
    }

    @Test func rebaseThenSyncDoesNotDuplicate() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        try sandbox.gitOK("checkout", "-q", "-b", "feature/x")
        try sandbox.commit(file: "x.txt", message: "feat: x one")
        try sandbox.commit(file: "y.txt", message: "feat: x two")
        #expect(try sync(sandbox).status == 0)
        let synced = try sandbox.read("CHANGELOG.md")
        try sandbox.gitOK("stash", "-q", "-u")
        try sandbox.gitOK("checkout", "-q", "main")
        try sandbox.commit(file: "m.txt", message: "fix: on main", date: "2024-02-01T00:00:00Z")
        try sandbox.gitOK("checkout", "-q", "feature/x")
        try sandbox.gitOK("rebase", "-q", "main")
        try sandbox.gitOK("stash", "pop", "-q")
        #expect(try sandbox.read("CHANGELOG.md") == synced)
        let result = try sync(sandbox)
        #expect(result.status == 0, "\(result)")
        let text = try sandbox.read("CHANGELOG.md")
        #expect(count("x one", in: text) == 1 && count("x two", in: text) == 1)
        #expect(text.contains("- on main ("))
        let head = try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout
        #expect(text.contains("- x two (\(short(head)))"))
    }

    /// A reworded entry keeps its wording through a rebase and `--full`: it takes the rewritten
    /// commit's id (whether a plain sync runs first or not), and nothing is removed or re-added.
    @Test(arguments: [true, false]) func rewordedEntrySurvivesRebaseAndFullRebuild(syncFirst: Bool) throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        try sandbox.gitOK("tag", "-a", "v1.1.0", "-m", "v1.1.0")
        try sandbox.gitOK("checkout", "-q", "-b", "feature/pages")
        let feat = try sandbox.commit(file: "api.txt", message: "feat(api): add pagination")
        try sandbox.commit(file: "x.txt", message: "fix: x")
        #expect(try sync(sandbox).status == 0)
        try sandbox.gitOK("add", "CHANGELOG.md")
        try sandbox.gitOK("commit", "-q", "-m", "docs(changelog): sync")
        let reworded = "- **api:** Cursor pagination for lists (\(short(feat)))"
        try sandbox.write("CHANGELOG.md", try sandbox.read("CHANGELOG.md").replacingOccurrences(of: "- **api:** add pagination (\(short(feat)))", with: reworded))
        #expect(try sandbox.read("CHANGELOG.md").contains(reworded))
        try sandbox.gitOK("commit", "-q", "-am", "docs(changelog): reword")
        try sandbox.gitOK("checkout", "-q", "main")
        try sandbox.commit(file: "m.txt", message: "chore: on main", date: "2024-02-01T00:00:00Z")
        try sandbox.gitOK("checkout", "-q", "feature/pages")
        try sandbox.gitOK("rebase", "-q", "main")
        let newFeat = try sandbox.gitOK("rev-parse", "HEAD~3").trimmedStdout
        #expect(newFeat != feat)
        if syncFirst { #expect(try sync(sandbox).status == 0) }
        let full = try sync(sandbox, ["--full"])
        #expect(full.status == 0, "\(full)")
        #expect(!full.stdout.contains("removed"), "\(full)")
        let text = try sandbox.read("CHANGELOG.md")
        #expect(text.contains("- **api:** Cursor pagination for lists (\(short(newFeat)))"), "\(text)")
        #expect(!text.contains("add pagination") && !text.contains(short(feat)))
        #expect(count("- x (", in: text) == 1 && count("- on main (", in: text) == 1)
        #expect(try sync(sandbox, ["--full", "--check"]).status == 0)
    }

    /// `--full` removes the untouched entry of a commit that left the history, and keeps a line
    /// written by hand and an entry reworded by hand.
    @Test func fullRebuildRemovesOnlyUntouchedEntriesOfCommitsResetAway() throws {
        let sandbox = try GitSandbox()
        let a = try sandbox.commit(message: "feat: alpha")
        let b = try sandbox.commit(message: "feat: beta")
        let c = try sandbox.commit(message: "fix: gamma")
        #expect(try sync(sandbox).status == 0)
        var text = try sandbox.read("CHANGELOG.md")
        text = text.replacingOccurrences(of: "- gamma (\(short(c)))", with: "- Gamma, said by a person (\(short(c)))\n- A line I wrote myself.")
        try sandbox.write("CHANGELOG.md", text)
        try sandbox.gitOK("reset", "-q", "--soft", "HEAD~2")
        let full = try sync(sandbox, ["--full"])
        #expect(full.status == 0, "\(full)")
        let after = try sandbox.read("CHANGELOG.md")
        #expect(after.contains("- alpha (\(short(a)))"))
        #expect(!after.contains("beta") && !after.contains(short(b)))
        #expect(after.contains("- Gamma, said by a person (\(short(c)))\n- A line I wrote myself.\n"), "\(after)")
        #expect(full.stdout.contains("1 removed"), "\(full)")
    }

    /// Temporary files an interrupted write left next to the changelog.
    func leftovers(_ sandbox: GitSandbox) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sandbox.root).filter { $0.hasPrefix(".CHANGELOG.md.shipshape-") }
    }

    @Test(arguments: [2, 4, 16]) func concurrentRunsListEveryEntryOnce(runs: Int) throws {
        let sandbox = try GitSandbox()
        for i in 1...40 { try sandbox.commit(message: "feat: change \(i)") }
        // Every run in the background; a failed one reports on standard error.
        let script = """
            i=0
            while [ "$i" -lt "$2" ]; do
                ( "$1" >/dev/null || echo "a run failed with status $?" >&2 ) &
                i=$((i + 1))
            done
            wait
            """
        let result = try sandbox.run("/bin/sh", ["-c", script, "sh", bin + "/changelog-sync", String(runs)])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        let text = try sandbox.read("CHANGELOG.md")
        for i in 1...40 { #expect(count("- change \(i) (", in: text) == 1) }
        #expect(count("## [Unreleased]", in: text) == 1 && count("### Added", in: text) == 1)
        #expect(count("<!-- shipshape-changelog synced=", in: text) == 1)
        #expect(!FileManager.default.fileExists(atPath: sandbox.path(".git/shipshape-changelog.lock")))
        #expect(try leftovers(sandbox).isEmpty)
        // The file parses and is complete.
        let check = try sync(sandbox, ["--check"])
        #expect(check.status == 0, "\(check)")
    }

    /// SplitMix64: a seeded generator, so a failing trial can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func runsKilledAtRandomMomentsLeaveTheOldOrTheNewFileAndTheNextRunRecovers() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "v1.0.0")
        // A large file (a long released section), so a write takes long enough to be interrupted.
        var text = "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n"
        for i in 1...4000 { text += "- an earlier change, number \(i), described at some length to make the file larger\n" }
        try sandbox.write("CHANGELOG.md", text)
        for i in 1...20 { try sandbox.commit(message: "feat: first batch \(i)") }
        #expect(try sync(sandbox).status == 0)
        let old = try sandbox.readBytes("CHANGELOG.md")
        for i in 1...20 { try sandbox.commit(message: "fix: second batch \(i)") }
        var completed: ProcessResult?
        let duration = try ContinuousClock().measure { completed = try sync(sandbox) }
        #expect(completed?.status == 0)
        let new = try sandbox.readBytes("CHANGELOG.md")
        #expect(new != old)

        // Kill at a random moment between the start and a little after a whole run would end.
        let window = UInt32(max(2_000, duration / .microseconds(1) * 1.2))
        let seed = UInt64(UInt32.random(in: 1...UInt32.max))
        var random = SeededGenerator(state: seed)
        var outcomes = (old: 0, new: 0)
        let trials = 200
        for trial in 1...trials {
            let context = "trial \(trial), seed \(seed), window \(window) µs"
            try sandbox.write("CHANGELOG.md", bytes: old)
            let child = try start(bin + "/changelog-sync", [], in: sandbox.root, environment: sandbox.env)
            usleep(UInt32.random(in: 0...window, using: &random))
            child.send(SIGKILL)
            _ = child.wait()
            let after = try sandbox.readBytes("CHANGELOG.md")
            #expect(after == old || after == new, "a mixed file after \(context)")
            if after == old { outcomes.old += 1 } else if after == new { outcomes.new += 1 }

            // The next run takes the abandoned lock over, removes the temporary file a killed
            // write left behind, and finishes the job.
            let next = try sync(sandbox)
            #expect(next.status == 0, "\(context): \(next)")
            #expect(try sandbox.readBytes("CHANGELOG.md") == new, "\(context)")
            #expect(try leftovers(sandbox).isEmpty, "\(context)")
            #expect(!FileManager.default.fileExists(atPath: sandbox.path(".git/shipshape-changelog.lock")), "\(context)")
        }
        #expect(outcomes.old + outcomes.new == trials)
        // Both outcomes occur, so the kills do land before and after the rename.
        #expect(outcomes.old > 0 && outcomes.new > 0, "old \(outcomes.old), new \(outcomes.new), seed \(seed)")
    }

    @Test func anEditSavedWhileASyncRunsIsNeverLost() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "v1.0.0")
        // A long released section, so a sync spends a while between its read and its write.
        var text = "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n"
        for i in 1...4000 { text += "- an earlier change, number \(i), described at some length to make the file larger\n" }
        try sandbox.write("CHANGELOG.md", text)
        #expect(try sync(sandbox).status == 0)
        var saved: [String] = []
        for round in 1...30 {
            // Each round has an entry to add, so each sync writes; an editor saves meanwhile.
            try sandbox.commit(message: "feat: change \(round)")
            let child = try start(bin + "/changelog-sync", [], in: sandbox.root, environment: sandbox.env)
            usleep(UInt32.random(in: 0...20_000))
            let note = "note saved in round \(round)"
            let current = try sandbox.read("CHANGELOG.md")
            try (current + note + "\n").write(toFile: sandbox.path("CHANGELOG.md"), atomically: true, encoding: .utf8)
            saved.append(note)
            let status = child.wait()
            #expect(status == 0 || status == 2, "round \(round): status \(status)")
            let after = try sandbox.read("CHANGELOG.md")
            for note in saved { #expect(after.contains(note), "round \(round): \(note) was lost") }
        }
        #expect(try sync(sandbox).status == 0)
        let final = try sandbox.read("CHANGELOG.md")
        for round in 1...30 { #expect(final.contains("- change \(round) ("), "round \(round)'s entry") }
    }

    @Test func aRevertOfARevertBringsTheEntryBackWithoutAnInternalEntry() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "chore: start")
        try sandbox.gitOK("tag", "-a", "v1.0.0", "-m", "v1.0.0")
        let feature = try sandbox.commit(file: "f.txt", contents: "f\n", message: "feat: export to CSV")
        #expect(try sync(sandbox).status == 0)
        try sandbox.gitOK("add", "CHANGELOG.md")
        try sandbox.gitOK("commit", "-q", "--no-verify", "-m", "docs(changelog): sync")
        try sandbox.gitOK("revert", "--no-edit", feature)
        let revert = try sandbox.gitOK("rev-parse", "HEAD").trimmedStdout
        #expect(try sync(sandbox).status == 0)
        var text = try sandbox.read("CHANGELOG.md")
        #expect(!text.contains("export to CSV") && !text.contains("### Added"), "an empty heading is left: \(text)")
        try sandbox.gitOK("add", "CHANGELOG.md")
        try sandbox.gitOK("commit", "-q", "--no-verify", "-m", "docs(changelog): sync")
        try sandbox.gitOK("revert", "--no-edit", revert)
        #expect(try sync(sandbox).status == 0)
        text = try sandbox.read("CHANGELOG.md")
        #expect(text.contains("### Added\n\n- export to CSV ("), "the feature is not back: \(text)")
        #expect(!text.contains("Revert") && !text.contains("### Internal"), "\(text)")
    }

    @Test func aTemporaryFileLeftByAKilledWriteIsRemovedByTheNextRun() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "feat: one")
        try sandbox.write(".CHANGELOG.md.shipshape-Ab12Cd", "half a changelog")
        try sandbox.write(".CHANGELOG.md.shipshape-notmine", "another tool's file")
        try sandbox.write(".git/shipshape-changelog.lock", "999999999\n")
        let result = try sync(sandbox)
        #expect(result.status == 0, "\(result)")
        #expect(try leftovers(sandbox) == [".CHANGELOG.md.shipshape-notmine"])
        #expect(try sandbox.read("CHANGELOG.md").contains("- one ("))
    }

    @Test func noTagListsTheWholeHistoryAndNewRepositoryGetsAFile() throws {
        let empty = try GitSandbox()
        let created = try sync(empty)
        #expect(created.status == 0, "\(created)")
        #expect(try empty.read("CHANGELOG.md").hasSuffix("## [Unreleased]\n"))

        let sandbox = try GitSandbox()
        try sandbox.commit(message: "feat: first ever")
        try sandbox.commit(message: "docs: readme")
        #expect(try sync(sandbox).status == 0)
        let text = try sandbox.read("CHANGELOG.md")
        #expect(text.contains("- first ever (") && text.contains("- readme ("))
    }

    @Test func symlinkOutOfTheRepositoryIsRefused() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "feat: one")
        let outside = sandbox.temporaryDirectory + "/outside.md"
        try "# Outside\n".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("CHANGELOG.md"), withDestinationPath: outside)
        let result = try sync(sandbox)
        #expect(result.status == 2)
        #expect(result.stderr.contains("outside the work tree"), "\(result)")
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "# Outside\n")

        // A link inside the work tree is followed and stays a link.
        try FileManager.default.removeItem(atPath: sandbox.path("CHANGELOG.md"))
        try sandbox.write("docs/CHANGES.md", "# Changes\n")
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("CHANGELOG.md"), withDestinationPath: "docs/CHANGES.md")
        #expect(try sync(sandbox).status == 0)
        #expect(try sandbox.read("docs/CHANGES.md").contains("- one ("))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: sandbox.path("CHANGELOG.md"))) == "docs/CHANGES.md")
    }

    @Test func readOnlyFileAndMalformedFileAreClearErrors() throws {
        let sandbox = try GitSandbox()
        try sandbox.commit(message: "feat: one")
        try sandbox.write("CHANGELOG.md", "# C\n\n## [Unreleased]\n")
        chmod(sandbox.path("CHANGELOG.md"), 0o444)
        let readOnly = try sync(sandbox)
        #expect(readOnly.status == 2)
        #expect(readOnly.stderr.contains("CHANGELOG.md is read-only"), "\(readOnly)")
        #expect(try sandbox.read("CHANGELOG.md") == "# C\n\n## [Unreleased]\n")

        chmod(sandbox.path("CHANGELOG.md"), 0o644)
        try sandbox.write("CHANGELOG.md", "# C\n\n## [Unreleased]\n\n## [Unreleased]\n")
        let malformed = try sync(sandbox)
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("CHANGELOG.md:5: error: a second \"## [Unreleased]\" section"), "\(malformed)")
    }
}
