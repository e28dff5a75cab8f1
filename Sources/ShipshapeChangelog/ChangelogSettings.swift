package import ShipshapeVersioning

/// One `### Category` of the Unreleased section and the commit types listed under it.
package struct ChangelogCategory: Sendable, Hashable {
    /// The subsection's title without `### `, e.g. `Added`.
    package var title: String
    /// The Conventional Commits types whose entries go here, e.g. `["feat"]`.
    package var types: [String]

    /// Creates a category.
    ///
    /// - Parameters:
    ///   - title: the heading text after `### `.
    ///   - types: the commit types listed under it.
    package init(title: String, types: [String]) {
        self.title = title
        self.types = types
    }
}

/// What to do with commits whose message is not a Conventional Commit (or whose type no category
/// lists).
package enum NonConventionalHandling: Sendable, Hashable {
    /// Leave them out; the sync reports how many were skipped.
    case skip
    /// List them, with their first line as the description, under a category with this title
    /// (placed after every configured category).
    case category(String)
}

/// The changelog settings of a repository (the `[changelog]` table of `.shipshape.toml`).
///
/// The defaults implement the process Shipshape enforces: `CHANGELOG.md` at the repository root,
/// the categories Breaking Changes, Added, Fixed, Performance, Documentation and Internal, release
/// tags `vX.Y.Z`, and the `post-merge` hook enabled on `develop` and `main`.
package struct ChangelogSettings: Sendable, Hashable {
    /// The changelog's path relative to the work tree root.
    package var path: String
    /// The categories in the order they appear in the Unreleased section.
    package var categories: [ChangelogCategory]
    /// The title of the breaking-changes category (listed first), or nil to list breaking commits
    /// under their type's category like any other.
    package var breakingTitle: String?
    /// Where commits that are not Conventional Commits go.
    package var nonConventional: NonConventionalHandling
    /// Scopes whose commits are never listed (by default `changelog`, so committing the synced
    /// changelog with `docs(changelog): ...` does not list itself).
    package var ignoredScopes: [String]
    /// The web address of the repository (`https://github.com/owner/name`) used to link commit
    /// ids, or nil to derive it from the `origin` remote when it is a GitHub, GitLab, Codeberg or
    /// Bitbucket address.
    package var repositoryURL: String?
    /// Whether to link commit ids at all.
    package var linkCommits: Bool
    /// How release tags are named (`[versions] tag-format`, one format for every part of
    /// Shipshape): a tag outside it is no release.
    package var tagFormat: TagFormat
    /// Whether pre-release tags (`v1.2.0-rc.1`) count as releases (by default only final
    /// releases end the Unreleased section).
    package var prereleaseTagsAreReleases: Bool
    /// Whether the `post-merge` hook syncs the changelog after merges and pulls.
    package var postMerge: Bool
    /// The branches (globs, `*` matches anything) on which `post-merge` syncs the changelog:
    /// where the team keeps it, by default the integration branches `develop` and `main`; never
    /// feature or bugfix branches, which get their entries when they are merged.
    package var branches: [String]
    /// Whether the release process's own bump commits (`chore: bump version to 1.2.0`,
    /// `chore(release): ...`) get entries; by default they do not.
    package var listsBumpCommits: Bool

    /// Creates settings; every parameter has the default of the release process.
    package init(
        path: String = "CHANGELOG.md",
        categories: [ChangelogCategory] = ChangelogSettings.defaultCategories,
        breakingTitle: String? = "⚠ Breaking Changes",
        nonConventional: NonConventionalHandling = .skip,
        ignoredScopes: [String] = ["changelog"],
        repositoryURL: String? = nil,
        linkCommits: Bool = true,
        tagFormat: TagFormat = TagFormat("v{version}"),
        prereleaseTagsAreReleases: Bool = false,
        postMerge: Bool = true,
        branches: [String] = ["develop", "main"],
        listsBumpCommits: Bool = false
    ) {
        self.path = path
        self.categories = categories
        self.breakingTitle = breakingTitle
        self.nonConventional = nonConventional
        self.ignoredScopes = ignoredScopes
        self.repositoryURL = repositoryURL
        self.linkCommits = linkCommits
        self.tagFormat = tagFormat
        self.prereleaseTagsAreReleases = prereleaseTagsAreReleases
        self.postMerge = postMerge
        self.branches = branches
        self.listsBumpCommits = listsBumpCommits
    }

    /// Added (feat), Fixed (fix), Performance (perf), Documentation (docs), Internal (the rest,
    /// and reverts of released commits).
    package static let defaultCategories: [ChangelogCategory] = [
        ChangelogCategory(title: "Added", types: ["feat"]),
        ChangelogCategory(title: "Fixed", types: ["fix"]),
        ChangelogCategory(title: "Performance", types: ["perf"]),
        ChangelogCategory(title: "Documentation", types: ["docs"]),
        ChangelogCategory(title: "Internal", types: ["refactor", "build", "ci", "chore", "test", "style", "revert"]),
    ]

    /// Every category title in order: breaking first, the configured ones, the non-conventional
    /// bucket last.
    package var orderedTitles: [String] {
        var titles: [String] = []
        if let breakingTitle { titles.append(breakingTitle) }
        titles += categories.map(\.title)
        if case let .category(title) = nonConventional { titles.append(title) }
        return titles
    }

    /// Whether `post-merge` keeps the changelog on a branch.
    ///
    /// - Parameter branch: the short branch name.
    package func syncs(onBranch branch: String) -> Bool {
        branches.contains { branchGlobMatches($0, branch) }
    }

    /// The category title for a commit type, or nil when no category lists it.
    ///
    /// - Parameter type: a commit type (compared case-insensitively).
    /// - Returns: the title.
    package func title(forType type: String) -> String? {
        let lowered = type.lowercased()
        return categories.first { $0.types.contains { $0.lowercased() == lowered } }?.title
    }
}
