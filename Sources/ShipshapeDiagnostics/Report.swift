/// The findings about one subject — a commit message, a commit in a range, a branch name —
/// together with what a renderer needs to show them.
package struct SubjectReport: Sendable, Hashable {
    /// Where the subject comes from, as shown to the user: a file path, `commit 1a2b3c4`, `branch`.
    package var origin: String
    /// The text the spans point into (the cleaned message), used to draw the offending line.
    package var text: String?
    /// The full commit id in range mode.
    package var commit: String?
    /// The commit's subject line in range mode, to name it in reports.
    package var summary: String?
    /// True when the subject matched an ignore and was not checked.
    package var ignored: Bool
    /// Why it was ignored (which ignore matched), when it was.
    package var ignoreReason: String?
    /// What the rules found, in order of position.
    package var findings: [Finding]

    /// Creates a report.
    package init(
        origin: String, text: String? = nil, commit: String? = nil, summary: String? = nil,
        ignored: Bool = false, ignoreReason: String? = nil, findings: [Finding] = []
    ) {
        self.origin = origin
        self.text = text
        self.commit = commit
        self.summary = summary
        self.ignored = ignored
        self.ignoreReason = ignoreReason
        self.findings = findings
    }

    /// Error-level findings.
    package var errors: [Finding] { findings.errors }
    /// Warning-level findings.
    package var warnings: [Finding] { findings.warnings }
    /// True when no error-level finding was made (warnings are allowed).
    package var isValid: Bool { findings.hasNoErrors }
}

/// The output formats every command offers.
package enum OutputFormat: String, Sendable, CaseIterable {
    /// For people: `origin:line:col: error: [rule] message`, the line, a caret, a help note.
    case text
    /// For programs: an object per subject with `valid`, `ignored`, `errors`, `warnings`.
    case json
    /// GitHub Actions workflow commands (`::error ...`), one per finding.
    case github
}
