/// What `tag-matches` learns from the changelog at a tagged commit: the versions of its release
/// headings (`## [1.0.0] - date`, `## 1.0.0 - date`, `## v1.0.0 (date)`, `## [v1.0.0](link)
/// (date)`), read by the changelog's own parser, so a heading inside a fenced code block or an
/// HTML comment is no section.
package enum ChangelogSections: Sendable, Hashable {
    /// The file does not exist at the commit.
    case missing
    /// The file exists but cannot be parsed (not UTF-8, two Unreleased sections, ...).
    case unreadable(String)
    /// The versions of the release sections, top to bottom.
    case sections([SemanticVersion])
}
