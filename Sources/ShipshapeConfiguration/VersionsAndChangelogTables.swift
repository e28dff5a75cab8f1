import ShipshapeChangelog
import ShipshapeDiagnostics
import ShipshapePatterns
import ShipshapeVersioning
import TOMLKit

/// `[versions]` and `[changelog]`, declared as schemas (`TableSchema`): the settings of the
/// pre-push gate, `shipshape check`, `changelog-sync` and `post-merge`. (`[push]` and
/// `[release]` are in ReleaseAndPushTables.swift, `[commit]` and `[branches]` in
/// SettingsReader.swift.)
extension SettingsReader {
    static let versionSourceKeys = ["path", "pattern", "multiple"]
    /// The checks `[versions.checks]` turns on and off (`pushed-commit-lint` is `[push] lint-commits`).
    static let versionCheckKeys = VersionCheck.allCases.filter { $0 != .pushedCommitLint }.map(\.rawValue)
    static let categoryKeys = ["title", "types"]

    // MARK: - [versions]

    /// `[versions]`: where versions live, how release tags are named, which checks run.
    static var versionsSchema: TableSchema<VersionSettings> { TableSchema(name: "versions", keys: [
        .bool("auto-detect", \.autoDetect),
        KeySchema(name: "sources") { reader, value, _, versions in versions.sources = reader.versionSources(value) },
        KeySchema(name: "tag-format") { reader, value, key, versions in
            if let format = reader.tagFormat(value, key: key) { versions.tagFormat = format }
        },
        .bool("lightweight-tags", \.allowLightweightTags),
        .choice("breaking-while-zero", \.breakingChangeWhileZeroRequires, ["minor": .minor, "major": .major],
                meaning: "a breaking change before 1.0.0 needs"),
        .choice("off-format-tags", \.offFormatTagSeverity, ["warning": .warning, "error": .error, "off": nil],
                meaning: "a tag outside the tag format is reported as"),
        KeySchema(name: "changelog-check") { reader, value, key, versions in
            // The path is `[changelog] path`; `ShipshapeConfiguration.prePushSettings` puts it in.
            if let flag = reader.bool(value, key: key) { versions.changelogPath = flag ? ChangelogSettings().path : nil }
        },
        KeySchema(name: "checks") { reader, value, key, versions in
            if let checks = reader.requireTable(value, key: key) { reader.readChecks(checks, into: &versions) }
        },
    ]) }

    /// `[versions.checks]`: each check on or off, by its rule id.
    private mutating func readChecks(_ checks: TOMLTable, into versions: inout VersionSettings) {
        for key in checks.keys.sorted() {
            let dotted = "versions.checks." + key
            guard let check = VersionCheck(rawValue: key), check != .pushedCommitLint else {
                let suggested = key == VersionCheck.pushedCommitLint.rawValue
                    ? "push.lint-commits" : suggestion(for: key, among: Self.versionCheckKeys).map { "versions.checks." + $0 }
                errors.append(.unknownKey(file: file, key: dotted, line: locator.line(of: dotted), suggestion: suggested))
                continue
            }
            guard let flag = bool(checks[key]!, key: dotted) else { continue }
            if flag { versions.enabledChecks.insert(check) } else { versions.enabledChecks.remove(check) }
        }
    }

    /// `[[versions.sources]]` (or `sources = [{ ... }]`): path, pattern with a `version` group,
    /// optional `multiple`.
    private mutating func versionSources(_ value: any TOMLValueConvertible) -> [ExplicitVersionSource] {
        guard let entries = arrayOfTables(value, key: "versions.sources", holding: "path and pattern", known: Self.versionSourceKeys)
        else { return [] }
        var sources: [ExplicitVersionSource] = []
        for (prefix, entry, misspelt) in entries {
            // A misspelt key explains a missing one: report only the misspelling.
            let example = #"path = "Dockerfile" and pattern = 'LABEL version="(?<version>[^"]+)"'"#
            var path: String?
            if let value = entry["path"] {
                path = repositoryPath(value, key: prefix + ".path")
            } else if misspelt.isEmpty {
                errors.append(.missingKey(file: file, key: prefix + ".path", line: locator.line(of: prefix), example: example))
            }
            var pattern: Pattern?
            if let value = entry["pattern"] {
                let key = prefix + ".pattern"
                if let source = string(value, key: key), let compiled = compile(source, key: key, multiline: true) {
                    if compiled.groupNames["version"] != nil {
                        pattern = compiled
                    } else {
                        errors.append(.missingGroups(file: file, key: key, line: locator.line(of: key), pattern: source, groups: ["version"]))
                    }
                }
            } else if misspelt.isEmpty {
                errors.append(.missingKey(file: file, key: prefix + ".pattern", line: locator.line(of: prefix), example: example))
            }
            var multiple = false
            if let value = entry["multiple"], let flag = bool(value, key: prefix + ".multiple") { multiple = flag }
            if let path, let pattern {
                sources.append(ExplicitVersionSource(path: path, pattern: pattern, allowsSeveralMatches: multiple))
            }
        }
        return sources
    }

    /// A tag template with exactly one `{version}` whose fixed text git accepts in a tag name.
    private mutating func tagFormat(_ value: any TOMLValueConvertible, key: String) -> TagFormat? {
        guard let template = string(value, key: key) else { return nil }
        func bad(_ reason: String) -> TagFormat? {
            errors.append(.badValue(file: file, key: key, line: locator.line(of: key), value: quoted(template), reason: reason, suggestion: nil))
            return nil
        }
        let marker = "{version}"
        let pieces = template.split(separator: marker, omittingEmptySubsequences: false)
        if pieces.count != 2 { return bad("the format must contain {version} exactly once, e.g. \"v{version}\"") }
        let fixed = pieces.joined()
        let forbidden: Set<Character> = [" ", "~", "^", ":", "?", "*", "[", "\\", "\t", "\n", "\r"]
        if let character = fixed.first(where: { forbidden.contains($0) || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true }) {
            return bad("git does not allow \(quoted(String(character))) in a tag name")
        }
        if fixed.contains("..") || fixed.contains("@{") || template.hasPrefix("-") || template.hasPrefix("/")
            || template.hasSuffix("/") || template.hasSuffix(".") || template.hasSuffix(".lock") || template.contains("//")
        {
            return bad("git does not allow this tag name (no \"..\", \"@{\", leading \"-\" or \"/\", trailing \"/\", \".\" or \".lock\")")
        }
        return TagFormat(template)
    }

    // MARK: - [changelog]

    /// `[changelog]`: changelog-sync and post-merge.
    static var changelogSchema: TableSchema<ChangelogSettings> { TableSchema(name: "changelog", keys: [
        KeySchema(name: "path") { reader, value, key, changelog in
            if let path = reader.repositoryPath(value, key: key) { changelog.path = path }
        },
        KeySchema(name: "categories") { reader, value, _, changelog in changelog.categories = reader.categories(value) },
        KeySchema(name: "breaking-title") { reader, value, key, changelog in
            if value.type == .bool, value.bool == false {
                changelog.breakingTitle = nil
            } else if value.type == .string, let text = value.string {
                if let title = reader.title(text, key: key) { changelog.breakingTitle = title }
            } else {
                reader.errors.append(.wrongType(
                    file: reader.file, key: key, line: reader.locator.line(of: key), expected: "a heading title (a string) or false",
                    actual: reader.describe(value)))
            }
        },
        KeySchema(name: "non-conventional") { reader, value, key, changelog in
            guard let text = reader.string(value, key: key) else { return }
            if text == "skip" {
                changelog.nonConventional = .skip
            } else if let title = reader.title(text, key: key) {
                changelog.nonConventional = .category(title)
            }
        },
        .strings("ignored-scopes", \.ignoredScopes),
        KeySchema(name: "repository-url") { reader, value, key, changelog in
            guard let text = reader.string(value, key: key) else { return }
            let lowered = text.lowercased()
            let rest = lowered.hasPrefix("https://") ? lowered.dropFirst(8) : lowered.hasPrefix("http://") ? lowered.dropFirst(7) : nil
            if let rest, !rest.isEmpty, !text.contains(where: { $0 == " " || $0 == "\n" }) {
                changelog.repositoryURL = text
            } else {
                reader.errors.append(.badValue(
                    file: reader.file, key: key, line: reader.locator.line(of: key), value: quoted(text),
                    reason: "use the repository's web address, e.g. \"https://github.com/owner/name\"", suggestion: nil))
            }
        },
        .bool("link-commits", \.linkCommits),
        KeySchema(name: "tag-prefix") { reader, value, key, changelog in
            if let prefix = reader.string(value, key: key) { changelog.tagFormat = TagFormat(prefix + "{version}") }
        },
        .bool("prerelease-tags-are-releases", \.prereleaseTagsAreReleases),
        .bool("post-merge", \.postMerge),
        .strings("branches", \.branches),
        .bool("bump-commits", \.listsBumpCommits),
    ]) }

    /// Reads `[changelog]` by its schema, then checks that every heading can be told apart.
    mutating func readChangelog(_ table: TOMLTable, into changelog: inout ChangelogSettings) {
        read(table, schema: Self.changelogSchema, into: &changelog)
        let categoryTitles = Set(changelog.categories.map(\.title))
        if table["breaking-title"] != nil, let title = changelog.breakingTitle, categoryTitles.contains(title) {
            duplicateTitle(title, key: "changelog.breaking-title")
        }
        if table["non-conventional"] != nil, case let .category(title) = changelog.nonConventional,
            categoryTitles.contains(title) || title == changelog.breakingTitle
        {
            duplicateTitle(title, key: "changelog.non-conventional")
        }
    }

    /// `[[changelog.categories]]` (or `categories = [{ ... }]`): title and types, in order; a type
    /// in one category only.
    private mutating func categories(_ value: any TOMLValueConvertible) -> [ChangelogCategory] {
        guard let entries = arrayOfTables(value, key: "changelog.categories", holding: "title and types", known: Self.categoryKeys)
        else { return ChangelogSettings.defaultCategories }
        var result: [ChangelogCategory] = []
        var owner: [String: String] = [:]  // lower-cased type → title
        for (prefix, entry, misspelt) in entries {
            let example = #"title = "Added" and types = ["feat"]"#
            guard let titleValue = entry["title"] else {
                if misspelt.isEmpty { errors.append(.missingKey(file: file, key: prefix + ".title", line: locator.line(of: prefix), example: example)) }
                continue
            }
            guard let typesValue = entry["types"] else {
                if misspelt.isEmpty { errors.append(.missingKey(file: file, key: prefix + ".types", line: locator.line(of: prefix), example: example)) }
                continue
            }
            guard let text = string(titleValue, key: prefix + ".title"), let title = title(text, key: prefix + ".title"),
                let types = nonEmptyStrings(typesValue, key: prefix + ".types")
            else { continue }
            if result.contains(where: { $0.title == title }) {
                duplicateTitle(title, key: prefix + ".title")
                continue
            }
            for type in types {
                if let other = owner[type.lowercased()] {
                    let key = prefix + ".types"
                    errors.append(.badValue(
                        file: file, key: key, line: locator.line(of: key), value: quoted(type),
                        reason: "the type is already listed under \(quoted(other)); list each type in one category", suggestion: nil))
                }
                owner[type.lowercased()] = title
            }
            result.append(ChangelogCategory(title: title, types: types))
        }
        return result
    }

    /// A `### ` heading title: not empty, one line, not starting with `#`.
    private mutating func title(_ text: String, key: String) -> String? {
        let trimmed = text.trimmingSpaces()
        var reason: String?
        if trimmed.isEmpty {
            reason = "a heading title cannot be empty"
        } else if text.contains(where: { $0 == "\n" || $0 == "\r" }) {
            reason = "a heading title is one line"
        } else if trimmed != text {
            reason = "a heading title has no leading or trailing spaces"
        } else if text.hasPrefix("#") {
            reason = "write the title without the \"### \" of the heading"
        }
        guard let reason else { return text }
        errors.append(.badValue(file: file, key: key, line: locator.line(of: key), value: quoted(text), reason: reason, suggestion: nil))
        return nil
    }

    private mutating func duplicateTitle(_ title: String, key: String) {
        errors.append(.badValue(
            file: file, key: key, line: locator.line(of: key), value: quoted(title),
            reason: "another changelog category has this title; give each category its own", suggestion: nil))
    }

    // MARK: - Shared

    /// A path relative to the repository root that stays inside it and out of `.git`,
    /// normalised (`./a//b` → `a/b`).
    mutating func repositoryPath(_ value: any TOMLValueConvertible, key: String) -> String? {
        guard let text = string(value, key: key) else { return nil }
        func bad(_ reason: String) -> String? {
            errors.append(.badValue(file: file, key: key, line: locator.line(of: key), value: quoted(text), reason: reason, suggestion: nil))
            return nil
        }
        if text.hasPrefix("/") || text.hasPrefix("~") || text.hasPrefix("\\") || (text.count >= 2 && Array(text)[1] == ":") {
            return bad("the path must be relative to the repository root, e.g. \"docs/CHANGES.md\"")
        }
        let components = text.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        if components.contains("..") { return bad("the path must stay inside the repository (no \"..\")") }
        // git's own files (config, hooks) are never a changelog or a version file; git refuses a
        // `.git` entry in a tree, whatever its case.
        if components.contains(where: { $0.lowercased() == ".git" }) {
            return bad("the path must not lead into the git directory (.git holds git's configuration and hooks)")
        }
        if components.isEmpty { return bad("the path must name a file in the repository") }
        if text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\0" }) { return bad("the path contains a line break") }
        return components.joined(separator: "/")
    }

    /// An array of strings none of which is empty.
    mutating func nonEmptyStrings(_ value: any TOMLValueConvertible, key: String) -> [String]? {
        guard let list = strings(value, key: key) else { return nil }
        if list.contains(where: \.isEmpty) {
            errors.append(.badValue(file: file, key: key, line: locator.line(of: key), value: quoted(""), reason: "an entry cannot be empty", suggestion: nil))
            return nil
        }
        return list
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
