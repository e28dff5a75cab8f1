/// Settings of the release commands (`shipshape release`, `hotfix`, `bump`): the `[release]`
/// table of `.shipshape.toml`. The defaults are the process's own words.
package struct ReleaseSettings: Sendable, Hashable {
    /// The integration branch releases are cut from (`develop`).
    package var base: String = "develop"
    /// The production branch releases are merged into and tagged on (`main`).
    package var main: String = "main"
    /// The prefix of release branches (`release/` gives `release/v1.2.0`).
    package var releasePrefix: String = "release/"
    /// The prefix of hotfix branches (`hotfix/` gives `hotfix/v1.2.1`).
    package var hotfixPrefix: String = "hotfix/"
    /// The bump commit's message; `{version}` is replaced.
    package var commitMessage: String = "chore: bump version to {version}"
    /// The annotated tag's message; `{version}` is replaced.
    package var tagMessage: String = "Release version {version}"
    /// Whether the changelog is rolled (Unreleased entries under `## [X.Y.Z] - date`).
    package var rollsChangelog: Bool = true
    /// The remote `--push` pushes to.
    package var remote: String = "origin"

    /// The defaults.
    package init() {}

    /// A template with `{version}` filled in.
    package static func fill(_ template: String, version: SemanticVersion) -> String {
        var result = ""
        var rest = Substring(template)
        while let range = rest.firstRange(of: "{version}") {
            result += rest[..<range.lowerBound] + version.description
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
