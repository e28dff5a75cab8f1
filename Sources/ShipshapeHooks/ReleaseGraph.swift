package import ShipshapeGit
package import ShipshapeModel
package import ShipshapeVersioning

/// The release history of an open repository and the graph questions asked of it: the one
/// place pre-push, `shipshape check` and the changelog learn what is released.
///
/// The tags are read once (their peeled targets from packed-refs where possible, so no tag
/// object is inflated) into a `ReleaseHistory`; reachability is answered by libgit2 through
/// `Repository`, hiding every release's commit at once, so the cost follows the unreleased
/// commits, never the number of tags times the history.
package final class ReleaseGraph {
    /// The repository.
    package let repository: Repository
    /// The releases.
    package let history: ReleaseHistory

    /// Reads the release tags of a repository.
    ///
    /// - Parameters:
    ///   - repository: the repository.
    ///   - format: the tag format.
    ///   - prereleasesAreReleases: whether pre-release tags count as releases.
    /// - Throws: `GitError` when the tags cannot be read.
    package init(repository: Repository, format: TagFormat, prereleasesAreReleases: Bool) throws(GitError) {
        self.repository = repository
        history = ReleaseHistory(tags: try repository.tagTargets(), format: format, prereleasesAreReleases: prereleasesAreReleases)
    }

    /// The same repository with another history (some tags left out).
    init(repository: Repository, history: ReleaseHistory) {
        self.repository = repository
        self.history = history
    }

    /// This graph without some tags (those of a push, or those on the commit being checked).
    package func excluding(names: Set<String>, commit: ObjectID? = nil) -> ReleaseGraph {
        ReleaseGraph(repository: repository, history: history.excluding(names: names, commit: commit))
    }

    /// The range of a commit's unreleased commits: reachable from `tip`, from no release (and
    /// from none of `alsoHidden`, e.g. the changelog's marker).
    ///
    /// - Parameters:
    ///   - tip: the commit.
    ///   - alsoHidden: more commits whose histories are left out.
    ///   - finalOnly: hide the final releases only (what a bump is measured against), even when
    ///     pre-release tags count as releases.
    /// - Returns: the range to walk.
    package func unreleasedRange(of tip: ObjectID, alsoHidden: [ObjectID] = [], finalOnly: Bool = false) -> CommitRange {
        let released = finalOnly ? history.finalReleaseCommits : history.releasedCommits
        var hidden = alsoHidden
        for commit in released where !hidden.contains(commit) { hidden.append(commit) }
        return CommitRange(excluded: hidden, included: [tip])
    }

    /// The tagged version above `version` that `tip` already contains (the lowest such), if any.
    ///
    /// Only the tags above the version are asked about, all in one walk from `tip` that ends
    /// below the oldest of them.
    ///
    /// - Throws: `GitError` when a commit cannot be read.
    package func containedRelease(above version: SemanticVersion, in tip: ObjectID) throws(GitError) -> Release? {
        let above = history.tagged(atOrAbove: version).filter { $0.version > version }
        // One walk for all of them: a maintenance branch lacks every newer tag, and asking about
        // each tag in turn cost the tag count times the history.
        let contained = try repository.ancestors(among: above.map(\.commit), of: tip)
        return above.first { contained.contains($0.commit) }
    }

    /// Whether `tip` has a tagged version because it merged (or is on the line of) that
    /// release: the tag's commit is in its history, or the commit where their histories meet
    /// already holds the version (the release branch merged back into `develop`, a hotfix
    /// merged into both).
    ///
    /// - Parameters:
    ///   - release: the tag holding the version.
    ///   - tip: the commit.
    ///   - versionAt: reads the agreed version at a commit.
    /// - Returns: true when the version came from the release.
    /// - Throws: what `versionAt` throws, or `HookError.git`.
    func hasMerged(
        _ release: Release, into tip: ObjectID, versionAt: (ObjectID) throws(HookError) -> SemanticVersion?
    ) throws(HookError) -> Bool {
        let meeting: ObjectID?
        do {
            if try repository.isAncestor(release.commit, of: tip) { return true }
            meeting = try repository.mergeBase(release.commit, tip)
        } catch {
            throw .git(error)
        }
        guard let meeting else { return false }
        return try versionAt(meeting) == release.version
    }
}
