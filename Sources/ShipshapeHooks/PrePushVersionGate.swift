package import ShipshapeDiagnostics
package import ShipshapeGit
import ShipshapeChangelog
import ShipshapeMessage
package import ShipshapeVersioning
package import ShipshapeModel

/// several refs share (the snapshot at a commit, the release tags).
///
/// Everything is read through libgit2 at the commits concerned, never from the work tree.
package final class VersionGate {
    /// The repository.
    package let repository: Repository
    /// The version settings.
    package let settings: VersionSettings
    private var snapshots: [ObjectID: VersionSnapshot] = [:]
    private var trees: [ObjectID: CommitTree] = [:]
    private var releaseGraph: ReleaseGraph?

    /// Creates a gate.
    package init(repository: Repository, settings: VersionSettings) {
        self.repository = repository
        self.settings = settings
    }

    /// The version sources at a commit.
    ///
    /// - Throws: `HookError.git` when the commit cannot be read.
    package func snapshot(at commit: ObjectID) throws(HookError) -> VersionSnapshot {
        if let cached = snapshots[commit] { return cached }
        let repository = self.repository
        let snapshot: VersionSnapshot
        do {
            // One commit and tree lookup for every candidate file.
            let tree = try self.tree(of: commit)
            snapshot = try VersionSnapshot.collect(
                settings: settings,
                read: { (path: String) throws(GitError) -> [UInt8]? in try tree.blob(at: path) },
                subdirectories: { (path: String) throws(GitError) -> [String]? in
                    try repository.subdirectoryNames(in: path, at: commit)
                })
        } catch {
            throw .git(error)
        }
        snapshots[commit] = snapshot
        return snapshot
    }

    /// A file's bytes at a commit, read from the same tree as the commit's snapshot.
    ///
    /// - Returns: the bytes, or nil when the commit has no such file.
    /// - Throws: `HookError.git` when the commit or the file cannot be read.
    package func blob(at path: String, in commit: ObjectID) throws(HookError) -> [UInt8]? {
        do { return try tree(of: commit).blob(at: path) } catch { throw .git(error) }
    }

    /// The release sections of the changelog at a commit, read by the changelog's own parser.
    ///
    /// - Throws: `HookError.git` when the commit or the file cannot be read.
    package func changelogSections(at commit: ObjectID) throws(HookError) -> ChangelogSections {
        guard let path = settings.changelogPath, let bytes = try blob(at: path, in: commit) else { return .missing }
        let document: ChangelogDocument
        do { document = try ChangelogDocument(parsing: bytes, path: path) } catch { return .unreadable("\(error)") }
        return .sections(document.sections.compactMap { section in
            guard case let .release(version, _) = section.kind else { return nil }
            return SemanticVersion.lenient(version)
        })
    }

    /// The tree of a commit, looked up once.
    private func tree(of commit: ObjectID) throws(GitError) -> CommitTree {
        if let cached = trees[commit] { return cached }
        let tree = try repository.tree(of: commit)
        trees[commit] = tree
        return tree
    }

    /// The repository's release history, read once.
    package func releases() throws(HookError) -> ReleaseGraph {
        if let releaseGraph { return releaseGraph }
        do {
            let graph = try ReleaseGraph(
                repository: repository, format: settings.tagFormat, prereleasesAreReleases: settings.prereleaseTagsAreReleases)
            releaseGraph = graph
            return graph
        } catch {
            throw .git(error)
        }
    }

    /// The commits after `base` up to `tip`, parsed.
    package func commitInfos(since base: ObjectID?, to tip: ObjectID) throws(HookError) -> [CommitInfo] {
        try commitInfos(CommitRange(excluded: base.map { [$0] } ?? [], included: [tip]))
    }

    /// The commits of a range, parsed.
    package func commitInfos(_ range: CommitRange) throws(HookError) -> [CommitInfo] {
        var result: [CommitInfo] = []
        do {
            try repository.walkCommits(range) { commit in
                result.append(CommitInfo(shortID: commit.id.short(), message: Self.cleanedMessage(of: commit)))
                return .continue
            }
        } catch {
            throw .git(error)
        }
        return result
    }

    /// A stored commit message as the message rules read it: whitespace cleaned, `#` lines kept.
    static func cleanedMessage(of commit: Commit) -> String {
        cleanMessage(commit.message, mode: .whitespace, commentChar: .character("#"), editorUsed: false)
    }

    /// Checks 5 and 6 for a commit whose version changed (or a release branch or tag): the
    /// version against the old one and the release history, and the bump against the commits
    /// in no release yet. Both name the same previous release: the highest final release below
    /// the version, wherever its tag is.
    ///
    /// A version that is already tagged is no new version when the commit got it from that
    /// release (merging the release or hotfix branch back): nothing is checked then.
    ///
    /// - Parameters:
    ///   - old: the version before (nil when unknown or first).
    ///   - new: the version at `tip`.
    ///   - tip: the commit.
    ///   - label: how to name the commit.
    ///   - excluding: tags of this push.
    ///   - excludingCommit: ignore tags on `tip` itself.
    ///   - monotonic: run check 5.
    /// - Returns: the findings.
    package func progressFindings(
        old: SemanticVersion?, new: SemanticVersion, tip: ObjectID, label: String, excluding: Set<String>,
        excludingCommit: Bool = false, monotonic: Bool = true
    ) throws(HookError) -> [Finding] {
        let graph = try releases().excluding(names: excluding, commit: excludingCommit ? tip : nil)
        let history = graph.history
        if let tagged = history.tag(of: new) {
            let merged = try graph.hasMerged(tagged, into: tip) { (commit: ObjectID) throws(HookError) -> SemanticVersion? in
                try self.snapshot(at: commit).agreedVersion
            }
            if merged { return [] }
        }
        var findings: [Finding] = []
        let previous = history.previousRelease(before: new)
        if monotonic && settings.isEnabled(.monotonic) {
            var progress = VersionProgress(old: old, new: new, previous: previous)
            progress.alreadyTagged = history.tag(of: new)
            progress.higherPreRelease = new.isPreRelease ? history.higherPreRelease(sameCoreAs: new) : nil
            do { progress.containedAbove = try graph.containedRelease(above: new, in: tip) } catch { throw .git(error) }
            if let base = progress.base { progress.successors = history.successors(of: base) }
            findings += VersionChecks.monotonic(progress, commit: label, settings: settings)
        }
        if settings.isEnabled(.bumpLevel), let previous, new > previous.version {
            let commits = try commitInfos(graph.unreleasedRange(of: tip, finalOnly: true))
            findings += VersionChecks.bumpLevel(base: previous, new: new, commits: commits, commit: label, settings: settings)
        }
        return findings
    }
}
