import ShipshapeChangelog
import ShipshapeGit
import ShipshapeModel
import ShipshapeVersioning

/// Which commits to hand to the synchroniser: the unreleased ones (reachable from HEAD and from
/// no release tag, wherever the tags are), incrementally only those the marker has not covered.
struct SyncPlan {
    var request: SyncRequest
    var releaseTag: String?
    var incremental: Bool

    static func make(repository: Repository, markers: [String], full: Bool, settings: ChangelogSettings) throws(GitError) -> SyncPlan {
        guard let head = try repository.head().commit else {
            return SyncPlan(request: SyncRequest(commits: [], head: nil), releaseTag: nil, incremental: false)
        }
        let graph = try ReleaseGraph(
            repository: repository, format: settings.tagFormat, prereleasesAreReleases: settings.prereleaseTagsAreReleases)
        let latest = graph.history.releases.first?.name
        var markerIDs: [ObjectID] = []
        for id in markers.compactMap({ ObjectID(hex: $0) }) where try repository.contains(id) { markerIDs.append(id) }
        var covered = !markerIDs.isEmpty
        for id in markerIDs where covered { covered = try repository.isAncestor(id, of: head) }
        // Incremental: the unreleased commits after the marker. A release tagged since is hidden
        // like every other, wherever it is (on main while this is develop).
        if !full && covered {
            let commits = try walk(graph.unreleasedRange(of: head, alsoHidden: markerIDs), in: repository)
            let reverts = revertTargets(of: commits, in: repository)
            let request = SyncRequest(
                commits: commits, head: head.hex, revertedAbbreviations: reverts.abbreviations, reapplied: reverts.reapplied)
            return SyncPlan(request: request, releaseTag: latest, incremental: true)
        }
        // A rebuild, or history rewritten under the marker: every unreleased commit, and (for the
        // synchroniser to tell a rebased or reworded entry from one whose commit is gone) the
        // unreleased commits the marker covered.
        var previous: [ChangelogCommit] = []
        if !markerIDs.isEmpty && !covered {
            var range = graph.unreleasedRange(of: head)
            range.included = markerIDs
            previous = try walk(range, in: repository)
        }
        let commits = try walk(graph.unreleasedRange(of: head), in: repository)
        let reverts = revertTargets(of: commits, in: repository)
        return SyncPlan(
            request: SyncRequest(
                commits: commits, head: head.hex, previouslySynced: previous, full: full,
                revertedAbbreviations: reverts.abbreviations, reapplied: reverts.reapplied),
            releaseTag: latest,
            incremental: false)
    }

    /// The commits of a range, each with the abbreviation its entry shows (unique in the
    /// repository, as git's `%h`).
    private static func walk(_ range: CommitRange, in repository: Repository) throws(GitError) -> [ChangelogCommit] {
        var commits: [ChangelogCommit] = []
        try repository.walkCommits(range, order: .oldestFirst) { commit in
            let length = commit.parentCount > 1 ? 7 : repository.uniqueAbbreviationLength(of: commit.id)
            commits.append(ChangelogCommit(id: commit.id.hex, message: commit.message, parentCount: commit.parentCount, abbreviation: length))
            return .continue
        }
        return commits
    }

    /// What the range's reverts need from the repository, in one pass over them: the unique
    /// abbreviation length of each reverted commit (where longer than 7 digits), and, for a revert
    /// of a revert, the commit the first revert undid (its change comes back).
    static func revertTargets(of commits: [ChangelogCommit], in repository: Repository) -> (abbreviations: [String: Int], reapplied: [String: ChangelogCommit]) {
        var lengths: [String: Int] = [:]
        var reapplied: [String: ChangelogCommit] = [:]
        for commit in commits {
            guard let reverted = revertedCommitID(in: commit.message), let first = try? repository.resolve(reverted) else { continue }
            let length = repository.uniqueAbbreviationLength(of: first)
            if length > 7 { lengths[reverted] = length }
            guard let firstMessage = try? repository.commit(first).message, let original = revertedCommitID(in: firstMessage),
                let originalID = try? repository.resolve(original), let originalCommit = try? repository.commit(originalID)
            else { continue }
            reapplied[reverted] = ChangelogCommit(
                id: originalID.hex, message: originalCommit.message, parentCount: originalCommit.parentCount,
                abbreviation: repository.uniqueAbbreviationLength(of: originalID))
        }
        return (lengths, reapplied)
    }
}
