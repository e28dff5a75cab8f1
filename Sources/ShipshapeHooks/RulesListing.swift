package import ShipshapeDiagnostics
package import ShipshapeConfiguration
import ShipshapePolicy
import ShipshapeGit

/// `shipshape rules`: every rule id the tools can report, with its default, the setting in
/// effect with the repository's `.shipshape.toml`, and examples — as text or JSON.
package enum RulesListing {
    /// The use case: the catalogue with the settings of the repository around a directory.
    ///
    /// - Parameters:
    ///   - directory: a directory inside the repository, or anywhere (then the defaults apply).
    ///   - invocation: the environment.
    ///   - requireRepository: fail when the directory is not in a repository (`--repo` given).
    /// - Returns: the listing.
    /// - Throws: `HookError` for an invalid `.shipshape.toml` or a broken repository.
    package static func run(directory: String, invocation: Invocation, requireRepository: Bool) throws(HookError) -> ReportDocument {
        let context = try RepositoryContext.load(from: directory, invocation: invocation, requireRepository: requireRepository)
        return document(configuration: context.configuration, root: context.repository?.workdir)
    }

    /// The catalogue as a document: one record per rule (`id`, `kind`, `summary`, the default
    /// `level`, `when` and `value`, what is `effective` and where it is `from`, `passing` and
    /// `failing` examples), closed by the text listing. It judges nothing, so it has no subjects
    /// to annotate.
    ///
    /// - Parameters:
    ///   - configuration: the configuration whose settings are in effect (its `sourcePath` is
    ///     named; the defaults when nil).
    ///   - root: the repository's work-tree root, to say where no `.shipshape.toml` was found.
    package static func document(configuration: ShipshapeConfiguration = ShipshapeConfiguration(), root: String? = nil) -> ReportDocument {
        let entries = RuleCatalogueEntry.all(for: configuration)
        let source = ReportValue.optional(configuration.sourcePath)
        return ReportDocument(
            body: .list(entries.map { value(of: $0, source: source) }), closingText: text(entries, header: settingsOrigin(configuration, root: root)))
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

    private static func members(of setting: RuleCatalogueEntry.Setting) -> [(String, ReportValue)] {
        let value: ReportValue
        switch setting.value {
        case nil, .none?: value = .null
        case let .integer(number)?: value = .int(number)
        case let .string(text)?: value = .string(text)
        case let .strings(list)?: value = .strings(list)
        }
        return [("level", .string(setting.level.rawValue)), ("when", .optional(setting.when?.rawValue)), ("value", value)]
    }

    private static func value(of entry: RuleCatalogueEntry, source: ReportValue) -> ReportValue {
        .record(
            [("id", .string(entry.id)), ("kind", .string(entry.kind.rawValue)), ("summary", .string(entry.summary))]
                + members(of: entry.defaultSetting)
                + [
                    ("effective", .record(members(of: entry.effectiveSetting) + [("from", source)])),
                    ("passing", .strings(entry.passing)),
                    ("failing", .strings(entry.failing)),
                ])
    }
}
