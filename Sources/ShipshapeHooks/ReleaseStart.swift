#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ShipshapeChangelog
import ShipshapeConfiguration
import ShipshapeModel
import ShipshapeVersioning

/// `shipshape release start`, `hotfix start` and `bump`: the version chosen, every version file
/// set to it, the changelog rolled, one commit — checked first, all or nothing.
package enum ReleaseStart {
    /// Runs the command.
    ///
    /// - Throws: `ReleaseError`; when it refuses, the repository is as it was.
    package static func run(_ request: BumpRequest, directory: String, invocation: Invocation) throws(ReleaseError) -> ReleaseOutcome {
        let ws = try ReleaseWorkspace(directory: directory, invocation: invocation)
        try ws.requireCleanWorkTree()
        let newBranchPrefix = try branchMode(request.kind, ws)
        let snapshot = try ws.snapshot()
        let current = try ws.agreedVersion(snapshot, force: request.forceVersionFiles)
        let graph = try ws.releases()
        let commits: [CommitInfo]
        do { commits = try ws.gate.commitInfos(graph.unreleasedRange(of: ws.head, finalOnly: true)) } catch { throw .hook(error) }
        let wanted = request.version ?? (request.kind == .hotfix && newBranchPrefix != nil ? .level(.patch) : .auto)
        let choice: VersionChoice
        do {
            choice = try NextVersion.choose(
                wanted, current: current, history: graph.history, commits: commits, preLabel: request.preLabel, settings: ws.settings)
        } catch {
            throw .cannotChoose(error)
        }
        let version = choice.version
        let tag = ws.settings.tagFormat.tagName(for: version)
        if let tagged = graph.history.tag(of: version) { throw .alreadyTagged(tag: tagged.name, commit: tagged.commit.short()) }
        let branch = newBranchPrefix.map { "\($0)v\(version.core)" }
        if let branch, ws.branchExists(branch) { throw .branchExists(branch) }

        var changes = try ws.versionFileChanges(snapshot, to: version)
        if let changelog = try rolledChangelog(ws, version: version, tag: tag, date: request.date ?? today()) { changes.append(changelog) }
        let message = ReleaseSettings.fill(ws.release.commitMessage, version: version)
        var steps: [[String]] = []
        if let branch { steps.append(["checkout", "-q", "-b", branch]) }
        if request.commit || request.kind != .bump {
            steps.append(["add", "--"] + changes.map(\.path))
            steps.append(["commit", "-q", "-m", message])
            if request.tag { steps.append(["tag", "-a", tag, "-m", ReleaseSettings.fill(ws.release.tagMessage, version: version)]) }
        }
        var lines = ["version \(version): \(choice.reason)"]
        if request.dryRun {
            lines += ReleasePlanText.render(changes: changes, steps: steps)
            lines.append("dry run: nothing changed")
            return ReleaseOutcome(lines: lines, version: version.description)
        }
        try execute(steps, writing: changes, in: ws, branch: branch)
        lines.append("set \(version) in \(changes.map(\.path).joined(separator: ", "))")
        if request.commit || request.kind != .bump { lines.append("committed \"\(message)\"\(branch.map { " on \($0)" } ?? "")") }
        if let branch { lines.append("next: push it (git push -u \(ws.release.remote) \(branch)), stabilise, then shipshape \(request.kind.rawValue) finish") }
        return ReleaseOutcome(lines: lines, version: version.description)
    }

    /// The prefix of the branch to create, or nil to commit on the current branch; refuses the
    /// wrong branch.
    private static func branchMode(_ kind: ReleaseKind, _ ws: ReleaseWorkspace) throws(ReleaseError) -> String? {
        let (from, prefix): (String, String)
        switch kind {
        case .bump: return nil
        case .release: (from, prefix) = (ws.release.base, ws.release.releasePrefix)
        case .hotfix: (from, prefix) = (ws.release.main, ws.release.hotfixPrefix)
        }
        if ws.branch == from { return prefix }
        // On the release branch itself: the next pre-release or the final version, in place.
        if let branch = ws.branch, branch.hasPrefix(prefix) { return nil }
        throw .wrongBranch(command: "shipshape \(kind.rawValue) start", expected: from, actual: ws.branch)
    }

    /// The changelog synced and rolled into the version's section, or nil when nothing changes
    /// (a pre-release that is no release, rolling turned off, the section there already).
    private static func rolledChangelog(_ ws: ReleaseWorkspace, version: SemanticVersion, tag: String, date: String) throws(ReleaseError) -> FileChange? {
        guard ws.release.rollsChangelog, !version.isPreRelease || ws.configuration.changelog.prereleaseTagsAreReleases else { return nil }
        var (document, old, existed) = try ws.syncedChangelog()
        document.rollUnreleased(version: version.description, date: date, tag: tag)
        let new = document.rendered()
        return new == old ? nil : FileChange(path: ws.configuration.changelog.path, old: old, new: new, existed: existed)
    }

    /// Runs the steps; on a failure puts files, branch and HEAD back as they were.
    private static func execute(_ steps: [[String]], writing changes: [FileChange], in ws: ReleaseWorkspace, branch: String?) throws(ReleaseError) {
        var created = false
        func undo() {
            ws.restore(changes)
            _ = try? ws.git.run(["reset", "-q", "--"] + changes.map(\.path))
            if created, let original = ws.branch {
                _ = try? ws.git.run(["checkout", "-q", original])
                _ = try? ws.git.run(["branch", "-q", "-D", branch ?? ""])
            }
        }
        var wrote = false
        for step in steps {
            if !wrote && step.first != "checkout" {
                do { try ws.write(changes) } catch {
                    undo()
                    throw error
                }
                wrote = true
            }
            let status = try ws.run(step)
            if status != 0 {
                undo()
                throw .stepFailed(
                    step: "git " + step.filter { $0 != "-q" }.prefix(2).joined(separator: " "), status: status,
                    state: "nothing changed: the files, the branch and HEAD are as before (if a hook refused, its message is above)")
            }
            if step.first == "checkout" { created = true }
        }
        if !wrote { try ws.write(changes) }
    }

    /// Today's date in UTC, `YYYY-MM-DD`.
    static func today() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
    }
}
