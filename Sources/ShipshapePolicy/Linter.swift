package import ShipshapeDiagnostics
package import ShipshapeMessage
package import ShipshapePatterns

/// The verdict on one commit message.
package struct LintReport: Sendable {
    /// Whether the message was skipped (a default or configured ignore matched).
    package var ignored: Bool
    /// Which ignore matched, for `--verbose` output.
    package var ignoreReason: String?
    /// Whether the message was empty after cleanup (nothing to lint; git aborts such commits itself).
    package var isEmpty: Bool
    /// The findings, sorted by position (line, column), then rule id.
    package var findings: [Finding]
    /// The parsed message the rules looked at.
    package var parsed: ParsedMessage

    /// Creates a report.
    package init(ignored: Bool, ignoreReason: String?, isEmpty: Bool, findings: [Finding], parsed: ParsedMessage) {
        self.ignored = ignored
        self.ignoreReason = ignoreReason
        self.isEmpty = isEmpty
        self.findings = findings
        self.parsed = parsed
    }

    /// The error-level findings.
    package var errors: [Finding] { findings.errors }
    /// The warning-level findings.
    package var warnings: [Finding] { findings.warnings }
    /// Whether no error-level finding was reported (ignored and empty messages are valid).
    package var isValid: Bool { findings.hasNoErrors }
}

/// Lints cleaned commit messages against commitlint's rules under the given settings.
///
/// Pass the message after git's cleanup (`cleanMessage`): line and column of every finding
/// refer to the cleaned text. To point at the file the user edits, clean with
/// `cleanMessageMapped` and translate each line with `CleanedMessage.rawLine(forCleanedLine:)`
/// (columns are unchanged by cleanup). An empty message is valid (`isEmpty`), as in commitlint.
package struct Linter: Sendable {
    /// The settings in effect.
    package let settings: LintSettings

    /// Creates a linter.
    ///
    /// - Parameter settings: rule configuration, ignores and extra patterns (defaults:
    ///   `@commitlint/config-conventional`).
    package init(settings: LintSettings = LintSettings()) {
        self.settings = settings
    }

    /// Lints one message.
    ///
    /// Order: an empty message is reported empty; then the default ignores (if enabled) and
    /// the configured ignore patterns (anywhere in the message) are tried; then the header is
    /// parsed (with `headerPattern` when set) and every rule not `off` runs, plus
    /// `subject-pattern` when `subjectPattern` is set.
    ///
    /// - Parameter cleanedMessage: the message after git's cleanup.
    /// - Returns: the report.
    /// - Throws: `PatternError` only when a configured pattern exceeds its match limits.
    package func lint(_ cleanedMessage: String) throws(PatternError) -> LintReport {
        var parsed = parseCommitMessage(cleanedMessage)
        if parsed.isEmpty {
            return LintReport(ignored: false, ignoreReason: nil, isEmpty: true, findings: [], parsed: parsed)
        }
        if settings.ignores.useDefaults, let ignore = matchDefaultIgnore(cleanedMessage) {
            return LintReport(
                ignored: true, ignoreReason: ignore.description, isEmpty: false, findings: [], parsed: parsed)
        }
        for pattern in settings.ignores.patterns where try pattern.matches(cleanedMessage) {
            return LintReport(
                ignored: true, ignoreReason: "matches the ignore pattern \"\(pattern.source)\"", isEmpty: false,
                findings: [], parsed: parsed)
        }
        if let headerPattern = settings.headerPattern, let header = parsed.header, let line = parsed.headerLine {
            parsed.fields = try Linter.headerFields(header, line: line, pattern: headerPattern) ?? HeaderFields()
        }
        let context = RuleContext(parsed: parsed, settings: settings)
        var findings: [Finding] = []
        for rule in RuleCatalog.rules {
            let configuration = settings.configuration(for: rule.descriptor)
            guard configuration.level != .off else { continue }
            findings += rule.check(context, configuration)
        }
        if let subjectPattern = settings.subjectPattern, let subject = parsed.subject,
            try !subjectPattern.matches(subject)
        {
            findings.append(
                Finding(
                    rule: "subject-pattern", severity: .error,
                    message: "subject does not match the pattern \"\(subjectPattern.source)\"",
                    span: parsed.fields.subjectSpan,
                    help: "rewrite the subject to match the configured subject pattern"))
        }
        findings.sort { a, b in
            let la = a.span?.line ?? Int.max, lb = b.span?.line ?? Int.max
            if la != lb { return la < lb }
            let ca = a.span?.column ?? 0, cb = b.span?.column ?? 0
            if ca != cb { return ca < cb }
            return a.rule < b.rule
        }
        return LintReport(ignored: false, ignoreReason: nil, isEmpty: false, findings: findings, parsed: parsed)
    }

    /// Header fields from a configured header pattern with named groups `type`, `scope`,
    /// `subject` and `breaking` (any non-empty `breaking` capture means `!`).
    ///
    /// - Returns: the fields, or nil when the pattern does not match the header.
    /// - Throws: `PatternError` when matching exceeds the pattern's limits.
    package static func headerFields(_ header: String, line: Int, pattern: Pattern) throws(PatternError) -> HeaderFields? {
        guard let match = try pattern.firstMatch(in: header) else { return nil }
        var fields = HeaderFields()
        func capture(_ name: String) -> (String, SourceSpan)? {
            guard let range = match.range(named: name), !range.isEmpty else { return nil }
            return extract(header, range, line: line)
        }
        if let (text, span) = capture("type") { (fields.type, fields.typeSpan) = (text, span) }
        if let (text, span) = capture("scope") { (fields.scope, fields.scopeSpan) = (text, span) }
        if let (text, span) = capture("subject") { (fields.subject, fields.subjectSpan) = (text, span) }
        fields.hasExclamationMark = capture("breaking") != nil
        return fields
    }
}
