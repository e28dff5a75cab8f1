/// Settings of the pre-push hook that are about the push rather than about versions (the
/// `[push]` table of `.shipshape.toml`): whether pushed commits are linted, which branches refuse
/// fixup and WIP commits, and which branch prefixes announce a version.
///
/// They live in `VersionSettings` too, where the checks read them; `applied(to:)` copies them
/// there. The defaults are `VersionSettings`' own.
package struct PushSettings: Sendable, Hashable {
    /// Lint every commit new to the remote with the commit-message rules (`pushed-commit-lint`).
    package var lintCommits: Bool
    /// Branch globs (`*` matches anything, including `/`) that refuse fixup!/squash!/amend! and
    /// WIP commits.
    package var protectedBranches: [String]
    /// Branch prefixes whose `vX.Y.Z` suffix names the version the branch prepares.
    package var releaseBranchPrefixes: [String]
    /// Ref globs outside `refs/heads/` and `refs/tags/` whose pushed commits are not linted: tool
    /// data and copies of someone else's state. Every other ref (Gerrit's `refs/for/main`,
    /// `refs/x/y`) carries commits out, so its new commits are linted.
    package var skippedNamespaces: [String] = ["refs/notes/*", "refs/remotes/*", "refs/stash", "refs/original/*"]

    /// The defaults of the release process: lint on; `main`, `develop`, `release/*` and
    /// `hotfix/*` protected; `release/` and `hotfix/` announce versions.
    package init() {
        let defaults = VersionSettings()
        lintCommits = defaults.isEnabled(.pushedCommitLint)
        protectedBranches = defaults.protectedBranches
        releaseBranchPrefixes = defaults.releaseBranchPrefixes
    }

    /// Version settings with these push settings in place.
    ///
    /// - Parameter settings: the version settings to start from.
    /// - Returns: `settings` with the protected branches, release prefixes and the
    ///   `pushed-commit-lint` check set from these settings.
    package func applied(to settings: VersionSettings) -> VersionSettings {
        var result = settings
        result.protectedBranches = protectedBranches
        result.releaseBranchPrefixes = releaseBranchPrefixes
        if lintCommits {
            result.enabledChecks.insert(.pushedCommitLint)
        } else {
            result.enabledChecks.remove(.pushedCommitLint)
        }
        return result
    }
}
