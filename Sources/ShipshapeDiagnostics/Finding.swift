/// How serious a finding is.
///
/// Error-level findings make a hook refuse (exit 1); warnings are reported and let through.
package enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case warning
    case error

    package static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A place in a text: 1-based line and column, and how many columns the span covers.
///
/// Columns count `Character`s (grapheme clusters) of the line, so a caret can be drawn under
/// the span however many bytes each character takes.
package struct SourceSpan: Sendable, Hashable {
    /// 1-based line number.
    package var line: Int
    /// 1-based column of the first character of the span.
    package var column: Int
    /// Number of characters covered (at least 1 when drawn).
    package var length: Int

    /// Creates a span.
    package init(line: Int, column: Int, length: Int = 1) {
        self.line = line
        self.column = column
        self.length = length
    }
}

/// One thing a rule has to say about a subject (a message, a branch, a file).
///
/// Findings are values: rules return them and never throw. A renderer turns them into text,
/// JSON or CI annotations.
package struct Finding: Sendable, Hashable {
    /// The rule's identifier, e.g. `type-enum` (commitlint's name where one exists).
    package var rule: String
    /// Error or warning.
    package var severity: Severity
    /// What is wrong, in one sentence without a trailing period.
    package var message: String
    /// Where in the subject, when the rule can point at it.
    package var span: SourceSpan?
    /// How to fix it, e.g. `did you mean "feat"?`.
    package var help: String?
    /// The file in the repository the finding is about (a version file, the changelog), for CI
    /// annotations; the message names it too.
    package var location: FileLocation?

    /// Creates a finding.
    package init(
        rule: String, severity: Severity, message: String, span: SourceSpan? = nil, help: String? = nil, location: FileLocation? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.span = span
        self.help = help
        self.location = location
    }
}

extension Sequence<Finding> {
    /// The error-level findings.
    package var errors: [Finding] { filter { $0.severity == .error } }
    /// The warning-level findings.
    package var warnings: [Finding] { filter { $0.severity == .warning } }
    /// Whether none of the findings is an error (warnings are allowed).
    package var hasNoErrors: Bool { !contains { $0.severity == .error } }
}

/// A place in a file of the repository: its path from the root, and a line and column when known.
package struct FileLocation: Sendable, Hashable {
    /// The path relative to the repository root, with `/` separators.
    package var path: String
    /// 1-based line, when known.
    package var line: Int?
    /// 1-based column, when known.
    package var column: Int?

    /// Creates a location.
    package init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }
}
