package import ShipshapeDiagnostics
package import ShipshapeConfiguration
import ShipshapePolicy
import ShipshapeGit

/// `shipshape rules`: every rule id the tools can report, with its default, the setting in
/// effect with the repository's `.shipshape.toml`, and examples — as text or JSON.
package enum RulesListing {
    /// Why a listing cannot be made in a format.
    package struct UnsupportedFormat: Error, CustomStringConvertible {
        /// The format asked for.
        package var format: OutputFormat
        /// Creates the error for a format.
        package init(format: OutputFormat) { self.format = format }
        /// Says which format and what to use instead.
        package var description: String {
            "--format \(format.rawValue) is not supported by rules (it lists rules, it reports no findings); use text or json"
        }
    }

    /// The use case: the catalogue with the settings of the repository around a directory.
    ///
    /// - Parameters:
    ///   - format: `text` or `json`.
    ///   - directory: a directory inside the repository, or anywhere (then the defaults apply).
    ///   - invocation: the environment.
    ///   - requireRepository: fail when the directory is not in a repository (`--repo` given).
    /// - Returns: the listing.
    /// - Throws: `HookError` for an invalid `.shipshape.toml` or a broken repository, or
    ///   `.usage` for a format the listing has no form in.
    package static func run(
        format: OutputFormat, directory: String, invocation: Invocation, requireRepository: Bool
    ) throws(HookError) -> String {
        let context = try RepositoryContext.load(from: directory, invocation: invocation, requireRepository: requireRepository)
        do {
            return try render(format: format, configuration: context.configuration, root: context.repository?.workdir)
        } catch {
            throw .usage(error.description)
        }
    }

    /// Renders the catalogue.
    ///
    /// - Parameters:
    ///   - format: `text` or `json`.
    ///   - configuration: the configuration whose settings are in effect (its `sourcePath` is
    ///     named; the defaults when nil).
    ///   - root: the repository's work-tree root, to say where no `.shipshape.toml` was found.
    /// - Returns: the listing.
    /// - Throws: `UnsupportedFormat` for `github`, which has nothing to annotate.
    package static func render(
        format: OutputFormat, configuration: ShipshapeConfiguration = ShipshapeConfiguration(), root: String? = nil
    ) throws(UnsupportedFormat) -> String {
        let entries = RuleCatalogueEntry.all(for: configuration)
        switch format {
        case .github: throw UnsupportedFormat(format: format)
        case .json:
            let source: JSONValue = configuration.sourcePath.map(JSONValue.string) ?? .null
            return JSONValue.array(entries.map { json(for: $0, source: source) }).serialized() + "\n"
        case .text:
            return text(entries, header: settingsOrigin(configuration, root: root))
        }
    }

    /// Where the settings in effect come from, for the first line of the text listing.
    static func settingsOrigin(_ configuration: ShipshapeConfiguration, root: String?) -> String {
        if let path = configuration.sourcePath { return "Settings in effect: from \(path)" }
        if let root { return "Settings in effect: the defaults (no \(ShipshapeConfiguration.fileName) in \(root))" }
        return "Settings in effect: the defaults (not in a repository)"
    }

    private static func text(_ entries: [RuleCatalogueEntry], header: String) -> String {
        var out = header + "\n"
        let titles: [RuleCatalogueEntry.Kind: String] = [
            .message: "Commit-message rules (commit-msg, shipshape lint, and pre-push for pushed commits)",
            .branch: "Branch names (commit-msg for the current branch, pre-push for pushed branches)",
            .push: "Push checks (pre-push; shipshape check runs version-agreement, version-valid and bump-level)",
        ]
        for kind in RuleCatalogueEntry.Kind.allCases {
            out += "\n\(titles[kind] ?? kind.rawValue):\n\n"
            for entry in entries where entry.kind == kind {
                out += "\(entry.id)  [\(describe(entry.defaultSetting))]\n"
                out += "    \(entry.summary)\n"
                if entry.effectiveSetting != entry.defaultSetting {
                    out += "    in effect: \(describe(entry.effectiveSetting))\n"
                }
                for example in entry.passing.prefix(2) { out += "    ok:   \(oneLine(example))\n" }
                for example in entry.failing.prefix(2) { out += "    fail: \(oneLine(example))\n" }
            }
        }
        return out
    }

    private static func describe(_ setting: RuleCatalogueEntry.Setting) -> String {
        if setting.level == .off { return "off" }
        var parts = [setting.level.rawValue]
        if let when = setting.when { parts.append(when.rawValue) }
        switch setting.value {
        case nil, .none?: break
        case let .integer(i)?: parts.append(String(i))
        case let .string(s)?: parts.append("\"\(s)\"")
        case let .strings(list)?: parts.append("[" + list.joined(separator: ", ") + "]")
        }
        return parts.joined(separator: ", ")
    }

    private static func oneLine(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "⏎")
    }

    private static func json(_ setting: RuleCatalogueEntry.Setting) -> [(String, JSONValue)] {
        let value: JSONValue
        switch setting.value {
        case nil, .none?: value = .null
        case let .integer(i)?: value = .int(i)
        case let .string(s)?: value = .string(s)
        case let .strings(list)?: value = .array(list.map(JSONValue.string))
        }
        return [
            ("level", .string(setting.level.rawValue)), ("when", setting.when.map { .string($0.rawValue) } ?? .null),
            ("value", value),
        ]
    }

    private static func json(for entry: RuleCatalogueEntry, source: JSONValue) -> JSONValue {
        .object(
            [("id", .string(entry.id)), ("kind", .string(entry.kind.rawValue)), ("summary", .string(entry.summary))]
                + json(entry.defaultSetting)
                + [
                    ("effective", .object(json(entry.effectiveSetting) + [("from", source)])),
                    ("passing", .array(entry.passing.map(JSONValue.string))),
                    ("failing", .array(entry.failing.map(JSONValue.string))),
                ])
    }
}
