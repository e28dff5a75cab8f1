package import ShipshapeVersioning

/// Which release command runs.
package enum ReleaseKind: String, Sendable, Hashable {
    /// `shipshape release start|finish`: from the integration branch, through `release/vX.Y.Z`.
    case release
    /// `shipshape hotfix start|finish`: from the production branch, through `hotfix/vX.Y.Z`.
    case hotfix
    /// `shipshape bump`: the same bump and roll on the current branch.
    case bump
}

/// What `release start`, `hotfix start` and `bump` are asked to do.
package struct BumpRequest: Sendable, Hashable {
    /// The command.
    package var kind: ReleaseKind
    /// The version wanted (nil: auto for a release or bump, patch for a hotfix).
    package var version: VersionRequest?
    /// A pre-release label (`rc` gives `X.Y.Z-rc.1`, then `rc.2`).
    package var preLabel: String?
    /// Show everything, change nothing.
    package var dryRun: Bool = false
    /// Set every version file even when they disagree.
    package var forceVersionFiles: Bool = false
    /// The release date for the changelog heading (default: today, UTC).
    package var date: String?
    /// Commit the bump (`bump --commit`; release and hotfix always commit).
    package var commit: Bool = true
    /// Tag the bump commit (`bump --tag`).
    package var tag: Bool = false

    /// Creates a request.
    package init(kind: ReleaseKind, version: VersionRequest? = nil, preLabel: String? = nil) {
        self.kind = kind
        self.version = version
        self.preLabel = preLabel
    }
}

/// What a release command did or, with `--dry-run`, would do.
package struct ReleaseOutcome: Sendable, Hashable {
    /// Lines for standard output.
    package var lines: [String]
    /// The version concerned.
    package var version: String?
}
