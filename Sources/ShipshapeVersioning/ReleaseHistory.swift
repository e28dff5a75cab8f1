package import ShipshapeModel

/// A release: a tag whose name holds a version under the tag format, and the commit it marks.
package struct Release: Sendable, Hashable {
    /// The tag's name without `refs/tags/`, e.g. `v1.2.0`.
    package var name: String
    /// The version the name holds.
    package var version: SemanticVersion
    /// The commit the tag marks (peeled).
    package var commit: ObjectID

    /// Creates a release value.
    package init(name: String, version: SemanticVersion, commit: ObjectID) {
        self.name = name
        self.version = version
        self.commit = commit
    }

    /// `v1.2.0 (1a2b3c4)`, for messages.
    package var label: String { "\(name) (\(commit.short()))" }
}

/// The releases of a repository, read once per process: the one answer every part of Shipshape
/// gives to "what is released" (pre-push, pre-receive, `shipshape check`, the changelog).
///
/// In git-flow the release tags sit on `main`'s merge commits, which `develop` never reaches, so
/// "released" never means "the latest tag reachable from HEAD": a commit is released when it is
/// reachable from *any* release tag, and the release before a version is the highest release
/// below it, wherever its tag is. The graph questions (reachability) are asked by the caller
/// with `releasedCommits` as the commits to hide; this value holds no repository.
///
/// Pre-release tags (`v2.0.0-rc.1`) are releases only when `prereleasesAreReleases` is set (the
/// `[changelog] prerelease-tags-are-releases` setting); either way they are *tagged*, so a
/// version already tagged as a pre-release is not introduced a second time.
package struct ReleaseHistory: Sendable, Hashable {
    /// Every tag that names a version under the format, highest version first (ties by name,
    /// so the order is the same on every machine), pre-releases included.
    package let tagged: [Release]
    /// Tags that look like releases but do not follow the format (`1.2.0`, `v2.0.0rc2` under
    /// `v{version}`), with the version they seem to name; they are not releases.
    package let offFormat: [Release]
    /// The format release tags follow.
    package let format: TagFormat
    /// Whether pre-release tags count as releases.
    package let prereleasesAreReleases: Bool

    /// Reads the releases among a repository's tags.
    ///
    /// - Parameters:
    ///   - tags: every tag's short name and the commit it marks (tags of trees or blobs may be
    ///     included; they never match a commit).
    ///   - format: the tag format.
    ///   - prereleasesAreReleases: whether pre-release tags count as releases.
    package init(tags: [(name: String, target: ObjectID)], format: TagFormat, prereleasesAreReleases: Bool) {
        var tagged: [Release] = []
        var offFormat: [Release] = []
        for tag in tags {
            if let version = format.version(fromTag: tag.name) {
                tagged.append(Release(name: tag.name, version: version, commit: tag.target))
            } else if let version = format.offFormatVersion(ofTag: tag.name) {
                offFormat.append(Release(name: tag.name, version: version, commit: tag.target))
            }
        }
        self.tagged = tagged.sorted(by: Self.precedes)
        self.offFormat = offFormat.sorted(by: Self.precedes)
        self.format = format
        self.prereleasesAreReleases = prereleasesAreReleases
    }

    private init(tagged: [Release], offFormat: [Release], format: TagFormat, prereleasesAreReleases: Bool) {
        self.tagged = tagged
        self.offFormat = offFormat
        self.format = format
        self.prereleasesAreReleases = prereleasesAreReleases
    }

    /// Higher version first; equal versions by name.
    private static func precedes(_ a: Release, _ b: Release) -> Bool {
        a.version != b.version ? b.version < a.version : a.name < b.name
    }

    /// The releases: the tagged versions, without pre-releases unless they count.
    package var releases: [Release] { tagged.filter(isRelease) }

    /// The final releases (no pre-releases), highest first: what a bump is measured from.
    package var finalReleases: [Release] { tagged.filter { !$0.version.isPreRelease } }

    /// Whether a tagged version counts as a release.
    package func isRelease(_ release: Release) -> Bool { prereleasesAreReleases || !release.version.isPreRelease }

    /// The commits whose histories are released: the releases' commits, each once. Hide them in
    /// a walk to get the unreleased commits of any branch.
    package var releasedCommits: [ObjectID] { uniqueCommits(releases) }

    /// The commits of the final releases, each once: hide them to get the commits a bump must
    /// account for.
    package var finalReleaseCommits: [ObjectID] { uniqueCommits(finalReleases) }

    private func uniqueCommits(_ releases: [Release]) -> [ObjectID] {
        var seen = Set<ObjectID>()
        return releases.compactMap { seen.insert($0.commit).inserted ? $0.commit : nil }
    }

    /// The history without some tags: those of a push being judged (a tag never judges itself),
    /// or those on the commit being checked.
    ///
    /// - Parameters:
    ///   - names: tag names to leave out.
    ///   - commit: leave out every tag on this commit too.
    /// - Returns: the reduced history.
    package func excluding(names: Set<String>, commit: ObjectID? = nil) -> ReleaseHistory {
        let keep = { (release: Release) in !names.contains(release.name) && release.commit != commit }
        return ReleaseHistory(
            tagged: tagged.filter(keep), offFormat: offFormat.filter(keep), format: format,
            prereleasesAreReleases: prereleasesAreReleases)
    }

    /// The tag that already holds a version (SemVer precedence: build metadata ignored).
    package func tag(of version: SemanticVersion) -> Release? { tagged.first { $0.version == version } }

    /// The release a version is measured from: the highest final release below it, wherever its
    /// tag is (on `main`, on a maintenance branch). Nil for a first release.
    package func previousRelease(before version: SemanticVersion) -> Release? {
        finalReleases.first { $0.version < version }
    }

    /// The highest tagged pre-release of the same `MAJOR.MINOR.PATCH` at or above a version
    /// (`v2.0.0-rc.2` for 2.0.0-rc.1): a pre-release that is not the next one.
    package func higherPreRelease(sameCoreAs version: SemanticVersion) -> Release? {
        tagged.first { $0.version.isPreRelease && $0.version.core == version.core && $0.version >= version }
    }

    /// The tagged versions at or above a version, lowest first: the only releases whose presence
    /// in a commit's history can make that version go down.
    package func tagged(atOrAbove version: SemanticVersion) -> [Release] {
        Array(tagged.prefix { $0.version >= version }.reversed())
    }

    /// The versions that may follow a release without skipping one (patch, minor, major bump),
    /// leaving out those already tagged (a maintenance line can have released a later one).
    package func successors(of release: SemanticVersion) -> [SemanticVersion] {
        SemanticVersion.allowedSuccessorCores(of: release).filter { tag(of: $0) == nil }
    }

    /// Whether a version introduced after `previous` skips one: its `MAJOR.MINOR.PATCH` is none of
    /// the successors of `previous` (a pre-release of a successor is fine).
    package func skips(_ version: SemanticVersion, after previous: SemanticVersion) -> Bool {
        version.core != previous.core && !SemanticVersion.allowedSuccessorCores(of: previous).contains(version.core)
    }
}
