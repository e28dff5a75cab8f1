package import ShipshapeDiagnostics

/// The checks of the pre-push gate, by rule id; each can be turned off.
package enum VersionCheck: String, Sendable, Hashable, CaseIterable {
    /// All version sources at a pushed tip hold the same version.
    case agreement = "version-agreement"
    /// That version is valid SemVer 2.0.0 (or PEP 440 with a SemVer meaning).
    case valid = "version-valid"
    /// A pushed release tag is annotated, matches the version at its commit and has a changelog section.
    case tagMatches = "tag-matches"
    /// A pushed `release/vX.Y.Z` or `hotfix/vX.Y.Z` branch holds version X.Y.Z (or a pre-release of it).
    case branchMatches = "branch-matches"
    /// A changed version goes up, past the latest release tag, without skipping a version.
    case monotonic = "version-monotonic"
    /// A changed version is bumped at least as much as the commits since the latest release demand.
    case bumpLevel = "bump-level"
    /// Every pushed commit passes the commit-message rules; no fixup or WIP commit reaches a
    /// protected branch.
    case pushedCommitLint = "pushed-commit-lint"
}

/// Settings of the version checks: where versions live, how release tags are named, which
/// checks run and how strict they are.
///
/// The defaults follow the release process: auto-detected version files, `v{version}` tags,
/// annotated tags only, every check on, a breaking change before 1.0.0 needs a minor bump,
/// `main`, `develop`, `release/*` and `hotfix/*` protected from fixup and WIP commits.
package struct VersionSettings: Sendable {
    /// Look for the usual version files (`VERSION`, `package.json`, `pyproject.toml`, ...).
    package var autoDetect: Bool = true
    /// Configured files with patterns, read in addition to (and instead of auto-detecting) the
    /// same paths.
    package var sources: [ExplicitVersionSource] = []
    /// How release tags are named.
    package var tagFormat: TagFormat = TagFormat("v{version}")
    /// The checks that run.
    package var enabledChecks: Set<VersionCheck> = Set(VersionCheck.allCases)
    /// Accept lightweight release tags (the release process uses `git tag -a`).
    package var allowLightweightTags: Bool = false
    /// The bump a breaking change needs while the major version is 0 (`.minor` or `.major`).
    package var breakingChangeWhileZeroRequires: BumpLevel = .minor
    /// Branch globs (`*` matches anything, including `/`) that refuse fixup!/squash!/amend! and
    /// WIP commits.
    package var protectedBranches: [String] = ["main", "develop", "release/*", "hotfix/*"]
    /// Branch prefixes whose `vX.Y.Z` suffix names the version the branch prepares.
    package var releaseBranchPrefixes: [String] = ["release/", "hotfix/"]
    /// The changelog that must have a `## [X.Y.Z]` section for a release tag; nil skips that part.
    package var changelogPath: String? = "CHANGELOG.md"
    /// Whether a pre-release tag (`v1.2.0-rc.1`) needs its own changelog section too, as
    /// `[changelog] prerelease-tags-are-releases` says; by default only releases do.
    package var prereleaseTagsAreReleases: Bool = false
    /// How a pushed tag that looks like a release but does not follow the tag format is
    /// reported (`[versions] off-format-tags`): a warning by default, an error, or nil for not at all.
    package var offFormatTagSeverity: Severity? = .warning

    /// The defaults.
    package init() {}

    /// Whether a check runs.
    package func isEnabled(_ check: VersionCheck) -> Bool { enabledChecks.contains(check) }

    /// Whether a branch is protected from fixup and WIP commits.
    ///
    /// - Parameter branch: the short branch name (`main`, `release/v1.2.0`).
    package func isProtected(branch: String) -> Bool {
        protectedBranches.contains { globMatches($0, branch) }
    }

    /// The version a release or hotfix branch name announces (`release/v1.2.0` → 1.2.0), or nil.
    package func announcedVersion(ofBranch branch: String) -> SemanticVersion? {
        for prefix in releaseBranchPrefixes where branch.hasPrefix(prefix) {
            return SemanticVersion.lenient(String(branch.dropFirst(prefix.count)))
        }
        return nil
    }
}

/// A branch glob where `*` matches any run of characters (also `/`) and everything else is
/// literal (`release/*`).
package func branchGlobMatches(_ pattern: String, _ text: String) -> Bool { globMatches(pattern, text) }

/// A glob where `*` matches any run of characters (also `/`) and everything else is literal.
func globMatches(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern), t = Array(text)
    var pi = 0, ti = 0, star = -1, mark = 0
    while ti < t.count {
        if pi < p.count && p[pi] != "*" && p[pi] == t[ti] {
            pi += 1
            ti += 1
        } else if pi < p.count && p[pi] == "*" {
            star = pi
            mark = ti
            pi += 1
        } else if star >= 0 {
            pi = star + 1
            mark += 1
            ti = mark
        } else {
            return false
        }
    }
    while pi < p.count && p[pi] == "*" { pi += 1 }
    return pi == p.count
}
