import ShipshapeMessage

/// What a person asks `shipshape release start`, `hotfix start` or `bump` for.
package enum VersionRequest: Sendable, Hashable {
    /// The version the commits since the previous release call for.
    case auto
    /// The next version at a level from the previous release.
    case level(BumpLevel)
    /// This very version.
    case exact(SemanticVersion)

    /// Reads `auto`, `major`, `minor`, `patch` or a version (`1.2.0`, `v1.2.0`).
    ///
    /// - Returns: nil for anything else.
    package init?(argument: String) {
        switch argument.lowercased() {
        case "auto": self = .auto
        case "major": self = .level(.major)
        case "minor": self = .level(.minor)
        case "patch": self = .level(.patch)
        default:
            guard let version = SemanticVersion.lenient(argument) else { return nil }
            self = .exact(version)
        }
    }
}

/// The version chosen, and why, in words a release log can show.
package struct VersionChoice: Sendable, Hashable {
    /// The version.
    package var version: SemanticVersion
    /// Why: `feat commit 1a2b3c4 ("feat: export") since v1.1.0 calls for a minor release`.
    package var reason: String
    /// The commit that decides the level (auto only).
    package var decidingCommit: CommitInfo?
}

/// Chooses the next version from the release history: the rule `release start auto` follows.
///
/// From the previous release (the highest final release below the current version, or the
/// current version when nothing was released): a breaking change calls for major (minor while
/// 0.x, per `breaking-while-zero`), a `feat` for minor, anything else for patch. A version the
/// files hold as a pre-release (`2.0.0-rc.2`) is released as its own core (`2.0.0`). With a
/// pre-release label, `X.Y.Z-label.N` follows the highest `N` already tagged or held.
package enum NextVersion {
    /// The problems that make a choice impossible.
    package enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// No unreleased commit, so there is nothing to release.
        case nothingToRelease(previous: String)
        /// The version asked for is not above the previous release.
        case notAbovePrevious(SemanticVersion, previous: String)

        package var description: String {
            switch self {
            case let .nothingToRelease(previous):
                return "there are no commits since \(previous) to release; commit the changes first, or give the version (e.g. patch)"
            case let .notAbovePrevious(version, previous):
                return "version \(version) is not above the previous release \(previous); give a later version, or auto"
            }
        }
    }

    /// Chooses.
    ///
    /// - Parameters:
    ///   - request: auto, a level, or a version.
    ///   - current: the version the files hold now (agreed), nil without version files.
    ///   - history: the release history.
    ///   - commits: the commits in no final release, for auto.
    ///   - preLabel: a pre-release label (`rc`), or nil for a release.
    ///   - settings: the 0.x rule.
    /// - Returns: the version and the reason.
    /// - Throws: `Problem` when nothing can be released or the version is too low.
    package static func choose(
        _ request: VersionRequest, current: SemanticVersion?, history: ReleaseHistory, commits: [CommitInfo], preLabel: String?,
        settings: VersionSettings = VersionSettings()
    ) throws(Problem) -> VersionChoice {
        // The release this line grows from: the highest final release at or below what the files
        // hold (a maintenance line at 1.5.2 grows from v1.5.2 even after v2.0.0).
        let previous = current.map { current in history.finalReleases.first { $0.version <= current } } ?? history.finalReleases.first
        let previousName = previous?.name ?? "the first commit"
        var choice: VersionChoice
        switch request {
        case let .exact(version):
            choice = VersionChoice(version: version, reason: "the version given")
        case let .level(level):
            let base = previous?.version ?? current ?? SemanticVersion(major: 0, minor: 0, patch: 0)
            choice = VersionChoice(version: base.bumped(level), reason: "\(level) after \(previous?.name ?? base.description), as asked")
        case .auto:
            choice = try automatic(current: current, previous: previous, commits: commits, settings: settings)
        }
        if let preLabel { choice.version = preRelease(of: choice.version.core, label: preLabel, current: current, history: history) }
        if let previous, choice.version <= previous.version {
            throw .notAbovePrevious(choice.version, previous: previousName)
        }
        return choice
    }

    private static func automatic(
        current: SemanticVersion?, previous: Release?, commits: [CommitInfo], settings: VersionSettings
    ) throws(Problem) -> VersionChoice {
        if let current, current.isPreRelease, previous.map({ current.core > $0.version }) ?? true {
            return VersionChoice(version: current.core, reason: "the release of \(current), which the files hold")
        }
        guard let previous else {
            let first = current ?? SemanticVersion(major: 0, minor: 1, patch: 0)
            return VersionChoice(version: first.core, reason: "the first release, at the version the files hold")
        }
        let (required, culprit) = VersionChecks.requiredBump(commits: commits, base: previous.version, settings: settings)
        guard let culprit else { throw .nothingToRelease(previous: previous.name) }
        let level = max(required, .patch)
        let kind = culprit.parsed.isBreaking ? "breaking change" : culprit.parsed.type?.lowercased() == "feat" ? "feat" : "change"
        return VersionChoice(
            version: previous.version.bumped(level),
            reason: "\(kind) \(culprit.label) since \(previous.name) calls for \(level)", decidingCommit: culprit)
    }

    /// `core-label.N`: one after the highest N tagged or held for this core and label (from 1).
    private static func preRelease(of core: SemanticVersion, label: String, current: SemanticVersion?, history: ReleaseHistory) -> SemanticVersion {
        var highest: UInt64 = 0
        var candidates = history.tagged.map(\.version)
        if let current { candidates.append(current) }
        for version in candidates where version.core == core && version.preRelease.count == 2 {
            guard case let .alphanumeric(found) = version.preRelease[0], found == label, case let .numeric(n) = version.preRelease[1] else { continue }
            highest = max(highest, n)
        }
        return SemanticVersion(major: core.major, minor: core.minor, patch: core.patch, preRelease: [.alphanumeric(label), .numeric(highest + 1)])
    }
}
