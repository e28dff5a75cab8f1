import ShipshapeVersioning

/// `[release]` and `[push]`, declared as schemas (see `TableSchema`).
extension SettingsReader {
    /// `[release]`: the release commands.
    static var releaseSchema: TableSchema<ReleaseSettings> { TableSchema(name: "release", keys: [
        .string("base", \.base),
        .string("main", \.main),
        .string("release-prefix", \.releasePrefix),
        .string("hotfix-prefix", \.hotfixPrefix),
        .template("commit-message", \.commitMessage),
        .template("tag-message", \.tagMessage),
        .bool("roll-changelog", \.rollsChangelog),
        .string("remote", \.remote),
    ]) }

    /// `[push]`: what pre-push checks besides versions.
    static var pushSchema: TableSchema<PushSettings> { TableSchema(name: "push", keys: [
        .bool("lint-commits", \.lintCommits),
        .strings("protected-branches", \.protectedBranches),
        .strings("release-branch-prefixes", \.releaseBranchPrefixes),
        .strings("skip-namespaces", \.skippedNamespaces),
    ]) }
}
