package import ShipshapeChangelog
package import ShipshapePolicy
import ShipshapePatterns
package import ShipshapeVersioning
import TOMLKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything `.shipshape.toml` configures, as typed settings owned by each domain.
///
/// Zero configuration works: without a file every setting has its default (commitlint's
/// `config-conventional` rules, the built-in branch strategy, auto-detected version files,
/// `v{version}` tags, `CHANGELOG.md` with the standard categories).
package struct ShipshapeConfiguration: Sendable {
    /// The file name looked up at the repository root.
    package static let fileName = ".shipshape.toml"

    /// Commit-message rules and their relief (ignores, exemptions, acronyms).
    package var lint: LintSettings
    /// Branch-name policy.
    package var branches: BranchSettings
    /// The version checks (`[versions]`): sources, tag format, checks on or off.
    package var versions: VersionSettings
    /// The pre-push settings that are not about versions (`[push]`).
    package var push: PushSettings
    /// The changelog (`[changelog]`): path, categories, release tags, `post-merge`.
    package var changelog: ChangelogSettings
    /// `[release]`: the release commands.
    package var release: ReleaseSettings = ReleaseSettings()
    /// The file the settings came from, or nil when defaults are used.
    package var sourcePath: String?

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - lint: commit-message settings.
    ///   - branches: branch-name settings.
    ///   - versions: version-check settings.
    ///   - push: pre-push settings.
    ///   - changelog: changelog settings.
    ///   - sourcePath: the file the settings came from.
    package init(
        lint: LintSettings = LintSettings(), branches: BranchSettings = BranchSettings(),
        versions: VersionSettings = VersionSettings(), push: PushSettings = PushSettings(),
        changelog: ChangelogSettings = ChangelogSettings(), sourcePath: String? = nil
    ) {
        self.lint = lint
        self.branches = branches
        self.versions = versions
        self.push = push
        self.changelog = changelog
        self.sourcePath = sourcePath
    }

    /// What the pre-push gate and `shipshape check` run with: `versions` with the `[push]`
    /// settings applied, when the changelog check is on the changelog at `changelog.path`, and
    /// `[changelog] prerelease-tags-are-releases` (whether a pre-release tag needs its own section).
    package var prePushSettings: VersionSettings {
        var settings = push.applied(to: versions)
        if settings.changelogPath != nil { settings.changelogPath = changelog.path }
        settings.prereleaseTagsAreReleases = changelog.prereleaseTagsAreReleases
        return settings
    }

    /// Reads a file's bytes for `load`: nil when it does not exist, `ConfigurationError.unreadable`
    /// (naming the file as its second argument says) when it cannot be read or is too large.
    ///
    /// The one reader of the hooks (`FileSystem.read`, capped so that a link to `/dev/zero` cannot
    /// exhaust memory) is passed in by the caller: this target does no file I/O of its own.
    package typealias FileReader = (_ path: String, _ displayName: String) throws(ConfigurationError) -> [UInt8]?

    /// Loads `.shipshape.toml` from a repository's work-tree root.
    ///
    /// Errors name the file as `.shipshape.toml` (hooks run at the work-tree root, and CI
    /// annotations want repository-relative paths); `sourcePath` is the full path.
    ///
    /// - Parameters:
    ///   - repositoryRoot: the work-tree root; nil (a bare repository, or no repository) gives
    ///     the defaults.
    ///   - read: reads the file (nil when absent).
    /// - Returns: the settings, or the defaults when there is no file.
    /// - Throws: `ConfigurationError` when the file cannot be read or is invalid.
    package static func load(repositoryRoot: String?, reading read: FileReader) throws(ConfigurationError) -> ShipshapeConfiguration {
        guard let repositoryRoot else { return ShipshapeConfiguration() }
        let root = repositoryRoot.hasSuffix("/") ? String(repositoryRoot.dropLast()) : repositoryRoot
        return try load(path: root + "/" + fileName, displayName: fileName, reading: read)
    }

    /// Loads a configuration file.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayName: how errors name the file; defaults to `path`.
    ///   - read: reads the file (nil when absent).
    /// - Returns: the settings, or the defaults when the file does not exist.
    /// - Throws: `ConfigurationError` when the file cannot be read or is invalid.
    package static func load(path: String, displayName: String? = nil, reading read: FileReader) throws(ConfigurationError) -> ShipshapeConfiguration {
        let name = displayName ?? path
        guard let bytes = try read(path, name) else { return ShipshapeConfiguration() }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .unreadable(file: name, reason: "the file is not valid UTF-8 (TOML files must be UTF-8)")
        }
        var configuration = try parse(text: text, path: name)
        configuration.sourcePath = path
        return configuration
    }

    /// Parses configuration text.
    ///
    /// Shortcuts (`commit.types`, `commit.scopes`) apply first, then `[commit.rules]`, so an
    /// explicit rule entry wins. When several mistakes are present, the one on the earliest line
    /// is reported.
    ///
    /// - Parameters:
    ///   - text: the TOML document.
    ///   - path: the file name used in errors and as `sourcePath`.
    /// - Returns: the settings.
    /// - Throws: `ConfigurationError` for invalid TOML, unknown keys, wrong types, bad values
    ///   and bad patterns.
    package static func parse(text: String, path: String = fileName) throws(ConfigurationError) -> ShipshapeConfiguration {
        // The TOML parser reads a C string: anything after a NUL byte would be dropped unseen.
        if let nul = text.utf8.firstIndex(of: 0) {
            let before = text.utf8[..<nul]
            let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let column = before.count - (before.lastIndex(of: 0x0A).map { text.utf8.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            throw .syntax(file: path, line: line, column: column, message: "a NUL byte is not allowed in a TOML document; remove it")
        }
        let locator = KeyLocator(text: text)
        if let (line, column, message) = locator.abortingMistake {
            throw .syntax(file: path, line: line, column: column, message: message)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(file: path, line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw .syntax(file: path, line: 1, column: 1, message: "\(error)")
        }
        var reader = SettingsReader(file: path, locator: locator)
        var configuration = reader.read(table)
        if let first = reader.errors.min(by: { ($0.line ?? Int.max) < ($1.line ?? Int.max) }) { throw first }
        configuration.sourcePath = path
        return configuration
    }
}
