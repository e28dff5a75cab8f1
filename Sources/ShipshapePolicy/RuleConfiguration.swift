package import ShipshapePatterns

/// Whether a rule runs and how loudly (commitlint's levels 0, 1, 2).
package enum RuleLevel: String, Sendable, Hashable, CaseIterable {
    case off, warning, error
}

/// Whether a rule's condition must hold or must not hold (commitlint's `always` / `never`).
package enum Applicability: String, Sendable, Hashable, CaseIterable {
    case always, never
}

/// The kind of value a rule takes, used to validate configuration.
package enum RuleValueKind: Sendable, Hashable {
    /// The rule takes no value.
    case none
    /// A non-negative integer (lengths).
    case integer
    /// One string (a full-stop character, a trailer name).
    case string
    /// A list of strings (types, scopes).
    case strings
    /// A list of case names from `allowed` (e.g. `lower-case`, `sentence-case`).
    case cases(allowed: [String])
}

/// A rule's value from configuration.
package enum RuleValue: Sendable, Hashable {
    case none
    case integer(Int)
    case string(String)
    case strings([String])
}

/// How one rule is configured: level, applicability and value, as in commitlint's
/// `[level, applicable, value]` triple.
package struct RuleConfiguration: Sendable, Hashable {
    /// Off, warning or error.
    package var level: RuleLevel
    /// `always` or `never`.
    package var applicability: Applicability
    /// The rule's value (`.none` when it takes none).
    package var value: RuleValue

    /// Creates a configuration.
    package init(_ level: RuleLevel, _ applicability: Applicability = .always, _ value: RuleValue = .none) {
        self.level = level
        self.applicability = applicability
        self.value = value
    }
}

/// Which messages are skipped without being linted.
package struct IgnoreSettings: Sendable {
    /// commitlint's default ignores: merges, git reverts, fixup!/squash!/amend!, bare versions,
    /// automatic merges.
    package var useDefaults: Bool = true
    /// Extra patterns; a message any of them matches (anywhere) is skipped.
    package var patterns: [Pattern] = []
    /// Author names or e-mail addresses of bots whose commits are skipped (range mode).
    package var botAuthors: [String] = []

    /// The defaults: commitlint's ignores, nothing else.
    package init() {}
}

/// Everything the commit-message rules need: one configuration per rule plus global relief.
package struct LintSettings: Sendable {
    /// Configuration per rule id; a rule without an entry uses its descriptor's default.
    package var rules: [String: RuleConfiguration] = [:]
    /// What to skip.
    package var ignores = IgnoreSettings()
    /// A header pattern that, when set, replaces the Conventional Commits header grammar; it
    /// must have named groups `type` and `subject` and may have `scope` and `breaking`.
    package var headerPattern: Pattern? = nil
    /// A pattern the subject must match (rule `subject-pattern`, error when set).
    package var subjectPattern: Pattern? = nil
    /// Whether lines containing a URL are exempt from `body-max-line-length` and
    /// `footer-max-line-length`, as in commitlint.
    ///
    /// `true` (the default) is commitlint's behaviour since conventional-changelog/commitlint#4486:
    /// a line that contains a match of `\bhttps?://\S+` anywhere is not measured, whatever other
    /// text it holds. `false` is stricter than commitlint: every line is measured
    /// (TOML `exempt-url-lines = false`).
    package var exemptURLLines: Bool = true
    /// Git trailers (`Token: value` lines in the last paragraph) are exempt from the line-length rules.
    package var exemptTrailers: Bool = false
    /// Words that `subject-case` accepts in upper case (e.g. `API`, `CLI`).
    package var acronyms: [String] = []

    /// The defaults: commitlint's `@commitlint/config-conventional`.
    package init() {}
}

extension RuleConfiguration {
    /// The integer value, if the rule has one.
    var integerValue: Int? {
        if case let .integer(n) = value { return n }
        return nil
    }

    /// The single string value (or the first of a list).
    var stringValue: String? {
        switch value {
        case let .string(s): return s
        case let .strings(list): return list.first
        default: return nil
        }
    }

    /// The value as a list of strings.
    var stringList: [String] {
        switch value {
        case let .string(s): return [s]
        case let .strings(list): return list
        default: return []
        }
    }
}
