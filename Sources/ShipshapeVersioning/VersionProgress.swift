/// Where a version introduced at a commit stands in the release history: what the monotonic
/// check (`version-monotonic`) judges, gathered by the caller from `ReleaseHistory` and the
/// commit graph.
package struct VersionProgress: Sendable, Hashable {
    /// The version before (the remote's old tip, the parent the new commits grow from), nil for
    /// a first version or when unknown.
    package var old: SemanticVersion?
    /// The version introduced.
    package var new: SemanticVersion
    /// The release it is measured from: the highest final release below it, wherever tagged.
    package var previous: Release?
    /// A tag that already holds this version, on a commit whose history did not give the
    /// version to this commit (merging a release branch back is not introducing its version).
    package var alreadyTagged: Release?
    /// A tagged pre-release of the same core at or above `new` (`v2.0.0-rc.2` for 2.0.0-rc.1).
    package var higherPreRelease: Release?
    /// A tagged version above `new` that the commit already contains: the version goes down.
    package var containedAbove: Release?
    /// The versions that may follow the base without skipping one, already tagged ones left out.
    package var successors: [SemanticVersion]

    /// Creates a progress value.
    package init(
        old: SemanticVersion?, new: SemanticVersion, previous: Release?, alreadyTagged: Release? = nil,
        higherPreRelease: Release? = nil, containedAbove: Release? = nil, successors: [SemanticVersion] = []
    ) {
        self.old = old
        self.new = new
        self.previous = previous
        self.alreadyTagged = alreadyTagged
        self.higherPreRelease = higherPreRelease
        self.containedAbove = containedAbove
        self.successors = successors
    }

    /// The version the skip check starts from: the higher of the old version and the previous
    /// release.
    package var base: SemanticVersion? {
        switch (old, previous?.version) {
        case let (old?, previous?): return Swift.max(old, previous)
        case let (old?, nil): return old
        case let (nil, previous?): return previous
        case (nil, nil): return nil
        }
    }

    /// How to name the base in a message: `1.1.0 (tag v1.1.0)` or `1.1.0`.
    package var baseLabel: String? {
        guard let base else { return nil }
        if let previous, previous.version == base { return "\(base) (tag \(previous.name))" }
        return base.description
    }
}
