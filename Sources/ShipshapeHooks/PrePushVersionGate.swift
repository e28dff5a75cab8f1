package import ShipshapeDiagnostics
package import ShipshapeGit
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
    private var releaseTagsCache: [VersionTag]?

    /// A tag and the version its name holds under the tag format.
    package typealias VersionTag = (tag: Tag, version: SemanticVersion)

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

    /// The tree of a commit, looked up once.
    private func tree(of commit: ObjectID) throws(GitError) -> CommitTree {
        if let cached = trees[commit] { return cached }
        let tree = try repository.tree(of: commit)
        trees[commit] = tree
        return tree
    }

    /// Every tag that names a version under the tag format, highest version first.
    package func releaseTags() throws(HookError) -> [VersionTag] {
        if let releaseTagsCache { return releaseTagsCache }
        let tags: [Tag]
        do { tags = try repository.tags() } catch { throw .git(error) }
        let result = tags.compactMap { tag in settings.tagFormat.version(fromTag: tag.name).map { (tag, $0) } }
            .sorted { $0.1 > $1.1 }
        releaseTagsCache = result
        return result
    }

    /// The highest-version release tags whose commits are ancestors of (or are) `commit`: any
    /// tag, and the highest non-pre-release one, found in one pass over the tags.
    ///
    /// - Parameters:
    ///   - commit: the commit whose history is searched.
    ///   - excluding: tag names to ignore (tags in this push).
    ///   - excludingCommit: ignore tags on this very commit (`shipshape check` of a tagged release).
    ///   - latest: search for the latest tag of any kind (the monotonic check).
    ///   - release: search for the latest non-pre-release tag (the base of the bump check).
    /// - Returns: the tags searched for and found, else nil.
    package func latestTags(
        reachableFrom commit: ObjectID, excluding: Set<String> = [], excludingCommit: Bool = false, latest: Bool, release: Bool
    ) throws(HookError) -> (latest: VersionTag?, release: VersionTag?) {
        var found: (latest: VersionTag?, release: VersionTag?) = (nil, nil)
        // Tags come highest first: once the latest tag is known, only a release can still matter.
        var wantsLatest = latest
        for entry in try releaseTags() where wantsLatest || (release && !entry.version.isPreRelease) {
            if excluding.contains(entry.tag.name) || (excludingCommit && entry.tag.target == commit) { continue }
            let reachable: Bool
            do { reachable = try repository.isAncestor(entry.tag.target, of: commit) } catch { throw .git(error) }
            guard reachable else { continue }
            if wantsLatest {
                found.latest = entry
                wantsLatest = false
            }
            if release && !entry.version.isPreRelease { found.release = entry }
            if !release || found.release != nil { break }
        }
        return found
    }

    /// The commits after `base` up to `tip`, parsed.
    package func commitInfos(since base: ObjectID?, to tip: ObjectID) throws(HookError) -> [CommitInfo] {
        var result: [CommitInfo] = []
        do {
            try repository.walkCommits(CommitRange(excluded: base.map { [$0] } ?? [], included: [tip])) { commit in
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
    /// version against the old one and the latest release tag, and the bump against the
    /// commits since the latest release.
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
        var findings: [Finding] = []
        let checksMonotonic = monotonic && settings.isEnabled(.monotonic)
        let tags = try latestTags(
            reachableFrom: tip, excluding: excluding, excludingCommit: excludingCommit,
            latest: checksMonotonic, release: settings.isEnabled(.bumpLevel))
        if checksMonotonic {
            findings += VersionChecks.monotonic(
                old: old, new: new,
                latestTag: tags.latest.map { ReleaseTag(name: $0.tag.name, version: $0.version, isAnnotated: $0.tag.isAnnotated) },
                commit: label, settings: settings)
        }
        if let base = tags.release, new > base.version {
            let commits = try commitInfos(since: base.tag.target, to: tip)
            findings += VersionChecks.bumpLevel(
                base: ReleaseTag(name: base.tag.name, version: base.version, isAnnotated: base.tag.isAnnotated), new: new,
                commits: commits, commit: label, settings: settings)
        }
        return findings
    }
}
