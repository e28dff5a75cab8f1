package import ShipshapeConfiguration
package import ShipshapePolicy
import ShipshapeVersioning

/// One rule id the tools can report, as `shipshape rules` lists it: what it checks, its default,
/// the setting in effect with a configuration, and examples.
package struct RuleCatalogueEntry: Sendable, Hashable {
    /// Which part of Shipshape reports the rule.
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A commit-message rule (commit-msg, `shipshape lint`, and pre-push for pushed commits).
        case message
        /// The branch-name policy (commit-msg for the current branch, pre-push for pushed branches).
        case branch
        /// A check of the pre-push gate (`shipshape check` runs some of them on one commit).
        case push
    }

    /// A rule's setting: level, commitlint's `always`/`never` where it applies, and the value.
    package struct Setting: Sendable, Hashable {
        /// `off`, `warning` or `error`.
        package var level: RuleLevel
        /// `always` or `never` for commit-message rules, nil for the others.
        package var when: Applicability?
        /// The value, e.g. `100` or `[feat, fix]`; nil when the rule takes none.
        package var value: RuleValue?

        /// The setting of a commit-message rule configuration.
        init(_ configuration: RuleConfiguration) {
            level = configuration.level
            when = configuration.applicability
            if case .none = configuration.value { value = nil } else { value = configuration.value }
        }

        /// A setting with a level only.
        init(level: RuleLevel) {
            self.level = level
            when = nil
            value = nil
        }
    }

    /// The rule id findings carry, e.g. `type-enum` or `bump-level`.
    package var id: String
    /// Which part of Shipshape reports it.
    package var kind: Kind
    /// One sentence saying what it checks.
    package var summary: String
    /// The setting without configuration.
    package var defaultSetting: Setting
    /// The setting with the configuration the listing was made for.
    package var effectiveSetting: Setting
    /// Messages, names or situations that pass.
    package var passing: [String]
    /// Messages, names or situations that are reported.
    package var failing: [String]

    /// Every rule id, in the order `shipshape rules` prints them: the commit-message rules
    /// (with `message-bytes`), `branch-name`, then the pre-push checks.
    ///
    /// - Parameter configuration: the configuration whose settings are "in effect".
    /// - Returns: the entries.
    package static func all(for configuration: ShipshapeConfiguration) -> [RuleCatalogueEntry] {
        var entries = RuleCatalog.descriptors.map { d in
            RuleCatalogueEntry(
                id: d.id, kind: .message, summary: d.summary, defaultSetting: Setting(d.defaultConfiguration),
                effectiveSetting: Setting(configuration.lint.configuration(for: d)), passing: d.passingExamples,
                failing: d.failingExamples)
        }
        entries.append(
            RuleCatalogueEntry(
                id: "message-bytes", kind: .message,
                summary: "The message is text git stores cleanly: no NUL byte, valid UTF-8 (or Latin-1 when i18n.commitEncoding says so).",
                defaultSetting: Setting(level: .error), effectiveSetting: Setting(level: .error),
                passing: ["fix: handle tabs"], failing: ["fix: a NUL byte (\\0) in the message", "fix: bytes that are not UTF-8 (\\xFF)"]))
        entries.sort { $0.id < $1.id }
        entries.append(
            RuleCatalogueEntry(
                id: BranchPolicy.ruleID, kind: .branch,
                summary: configuration.branches.patterns == nil
                    ? "Branch names follow the release process: \(BranchPolicy.defaultPatternDescriptions.joined(separator: ", "))."
                    : "Branch names match the patterns of [branches] in .shipshape.toml.",
                defaultSetting: Setting(level: .error), effectiveSetting: Setting(level: configuration.branches.level),
                passing: ["feature/login", "release/v1.2.0", "develop"], failing: ["Feature/Login_Page", "dev", "release/1.2"]))
        let push = configuration.prePushSettings
        for check in VersionCheck.allCases {
            let text = pushCheckTexts(check)
            entries.append(
                RuleCatalogueEntry(
                    id: check.rawValue, kind: .push, summary: text.summary, defaultSetting: Setting(level: .error),
                    effectiveSetting: Setting(level: push.isEnabled(check) ? .error : .off), passing: [text.passing],
                    failing: [text.failing]))
        }
        return entries
    }

    /// What a pre-push check checks, with a situation that passes and one that is refused.
    private static func pushCheckTexts(_ check: VersionCheck) -> (summary: String, passing: String, failing: String) {
        switch check {
        case .agreement:
            return ("All version files at a pushed tip hold the same version.",
                    "VERSION 1.2.0, package.json 1.2.0", "VERSION 1.2.0, package.json 1.1.0")
        case .valid:
            return ("That version is valid SemVer 2.0.0 (PEP 440 spellings such as 1.2.0rc1 compare by meaning).",
                    "1.2.0-rc.1", "1.2")
        case .tagMatches:
            return ("A pushed release tag vX.Y.Z is annotated, its commit holds X.Y.Z and CHANGELOG.md has a [X.Y.Z] section.",
                    "git tag -a v1.2.0 on a commit holding 1.2.0", "git tag v1.2.0 (lightweight), or on a commit holding 1.1.0")
        case .branchMatches:
            return ("A pushed release/vX.Y.Z or hotfix/vX.Y.Z branch holds X.Y.Z (or a pre-release of it).",
                    "release/v1.2.0 holding 1.2.0-rc.1", "release/v1.2.0 holding 1.1.0")
        case .monotonic:
            return ("A changed version goes up, above the latest release tag, without skipping a version.",
                    "1.1.0 → 1.2.0", "1.1.0 → 1.3.0, or 1.1.0 → 1.0.9")
        case .bumpLevel:
            return ("A version change is at least as large as the commits since the latest release demand.",
                    "feat commits, 1.1.0 → 1.2.0", "a feat commit, 1.1.0 → 1.1.1")
        case .pushedCommitLint:
            return ("Every pushed commit passes the commit-message rules; no fixup!/squash!/amend!/WIP commit reaches a protected branch.",
                    "feat: add login, pushed to develop", "fixup! feat: add login, pushed to main")
        }
    }
}
