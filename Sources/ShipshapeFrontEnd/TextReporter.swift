package import ShipshapeDiagnostics

/// Documents as text for people: `origin:line:col: error: [rule] message`, the offending line
/// with a caret under the span, a help note; then the closing text.
package struct TextReporter: Reporter {
    /// Whether to use ANSI colours.
    package var color: Bool
    /// Whether ignored subjects are mentioned, with why.
    package var verbose: Bool

    /// Creates the reporter.
    package init(color: Bool = false, verbose: Bool = false) {
        self.color = color
        self.verbose = verbose
    }

    package func render(_ document: ReportDocument) -> String {
        document.subjects.map(text(for:)).joined() + document.closing
    }

    package var listStart: String { "" }

    package func listItem(_ subject: SubjectReport, isFirst: Bool) -> String { text(for: subject) }

    package func listEnd(closing: String) -> String { closing }

    // MARK: Subjects

    private enum Style: String {
        case error = "\u{1B}[1;31m"
        case warning = "\u{1B}[1;33m"
        case bold = "\u{1B}[1m"
        case dim = "\u{1B}[2m"
        case help = "\u{1B}[36m"
        case reset = "\u{1B}[0m"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? style.rawValue + text + Style.reset.rawValue : text
    }

    private func text(for report: SubjectReport) -> String {
        if report.ignored {
            guard verbose else { return "" }
            return TerminalText.printable("\(report.origin): skipped" + (report.ignoreReason.map { " (\($0))" } ?? "")) + "\n"
        }
        var out = ""
        let lines = report.text.map(TextReporter.splitLines) ?? []
        let origin = report.commitLabel ?? report.origin
        for finding in report.findings {
            let level = finding.severity == .error ? paint("error", .error) : paint("warning", .warning)
            var location = origin
            if let span = finding.span, report.commit == nil { location += ":\(span.line):\(span.column)" }
            out += paint(TerminalText.printable(location), .bold) + ": " + level + ": " + paint("[\(finding.rule)]", .dim) + " "
                + TerminalText.printable(finding.message) + "\n"
            if let span = finding.span, span.line >= 1, span.line <= lines.count {
                out += excerpt(line: lines[span.line - 1], span: span, severity: finding.severity)
            }
            if let help = finding.help {
                out += "     " + paint("= help:", .help) + " " + TerminalText.printable(help) + "\n"
            }
        }
        return out
    }

    /// Splits text into lines on LF, dropping a CR before it.
    private static func splitLines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
    }

    // MARK: Excerpts

    /// Widest stretch of a line shown around a span, in characters.
    private static let window = 120

    /// The line with a gutter, and carets under the span; a long line is cut to a window
    /// around the span, with `…` where it was cut.
    private func excerpt(line: Substring, span: SourceSpan, severity: Severity) -> String {
        var characters = Array(line)
        var start = min(max(0, span.column - 1), characters.count)
        var prefix = "", suffix = ""
        if characters.count > TextReporter.window {
            let from = max(0, min(start - 20, characters.count - TextReporter.window))
            let to = min(characters.count, from + TextReporter.window)
            if from > 0 { prefix = "…" }
            if to < characters.count { suffix = "…" }
            characters = Array(characters[from..<to])
            start -= from
        }
        let gutter = String(span.line)
        let pad = String(repeating: " ", count: max(0, 4 - gutter.count))
        let shown = prefix + TerminalText.printable(TerminalText.replacingTabs(String(characters))) + suffix
        let indent = (prefix.isEmpty ? "" : " ") + String(repeating: " ", count: width(of: characters[..<start]))
        let end = min(characters.count, start + max(1, span.length))
        let carets = String(repeating: "^", count: max(1, start < end ? width(of: characters[start..<end]) : 0))
        let style: Style = severity == .error ? .error : .warning
        return pad + paint(gutter + " |", .dim) + " " + shown + "\n"
            + String(repeating: " ", count: pad.count + gutter.count) + paint(" |", .dim) + " " + indent + paint(carets, style) + "\n"
    }

    private func width(of characters: ArraySlice<Character>) -> Int {
        characters.reduce(0) { $0 + TerminalText.displayWidth(of: $1) }
    }
}
