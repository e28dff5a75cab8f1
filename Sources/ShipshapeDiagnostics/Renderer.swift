/// Turns reports into text for people, JSON for programs, or GitHub Actions annotations.
///
/// Rendering is pure: the caller decides about colour (a terminal that did not set `NO_COLOR`)
/// and where the output goes.
package struct Renderer: Sendable {
    /// The output format.
    package var format: OutputFormat
    /// Whether to use ANSI colours (text format only).
    package var color: Bool
    /// Whether text output mentions ignored subjects and why.
    package var verbose: Bool

    /// Creates a renderer.
    package init(format: OutputFormat, color: Bool = false, verbose: Bool = false) {
        self.format = format
        self.color = color
        self.verbose = verbose
    }

    /// Renders reports.
    ///
    /// - Parameters:
    ///   - reports: one per subject.
    ///   - asArray: JSON only: print an array even for one report (range mode); a single message
    ///     prints one object.
    /// - Returns: the text to print, ending with a newline unless empty.
    package func render(_ reports: [SubjectReport], asArray: Bool) -> String {
        switch format {
        case .json:
            let values = reports.map(Renderer.json(for:))
            let value = asArray || values.count != 1 ? JSONValue.array(values) : values[0]
            return value.serialized() + "\n"
        case .github:
            return reports.map(githubAnnotations(for:)).joined()
        case .text:
            return reports.map(text(for:)).joined()
        }
    }

    // MARK: Reports one at a time

    /// What starts the output of reports rendered one at a time (a range of commits): the same
    /// text as `render(_:asArray: true)` of all of them, without keeping them.
    package var streamStart: String { format == .json ? "[" : "" }

    /// One report of a stream.
    ///
    /// - Parameters:
    ///   - report: the report.
    ///   - isFirst: whether it is the first of the stream.
    /// - Returns: its text.
    package func streamItem(_ report: SubjectReport, isFirst: Bool) -> String {
        format == .json ? (isFirst ? "" : ",") + Renderer.json(for: report).serialized() : render([report], asArray: true)
    }

    /// What ends the output of a stream.
    package var streamEnd: String { format == .json ? "]\n" : "" }

    // MARK: JSON

    /// The JSON object for one report: `valid`, `ignored`, `errors`, `warnings` and, when known,
    /// `commit`, `summary`, `ignoreReason`.
    package static func json(for report: SubjectReport) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let commit = report.commit { members.append(("commit", .string(commit))) }
        if let summary = report.summary { members.append(("summary", .string(summary))) }
        members.append(("valid", .bool(report.isValid)))
        members.append(("ignored", .bool(report.ignored)))
        if let reason = report.ignoreReason { members.append(("ignoreReason", .string(reason))) }
        members.append(("errors", .array(report.errors.map(json(for:)))))
        members.append(("warnings", .array(report.warnings.map(json(for:)))))
        return .object(members)
    }

    private static func json(for finding: Finding) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
        ]
        if let span = finding.span {
            members.append(("line", .int(span.line)))
            members.append(("column", .int(span.column)))
        }
        if let help = finding.help { members.append(("help", .string(help))) }
        if let location = finding.location {
            members.append(("file", .string(location.path)))
            if finding.span == nil, let line = location.line {
                members.append(("line", .int(line)))
                if let column = location.column { members.append(("column", .int(column))) }
            }
        }
        return .object(members)
    }

    // MARK: GitHub

    private func githubAnnotations(for report: SubjectReport) -> String {
        var out = ""
        for finding in report.findings {
            var properties = ["title=" + Renderer.escapeProperty("\(finding.rule)")]
            if let location = finding.location {
                var place = ["file=" + Renderer.escapeProperty(location.path)]
                if let line = location.line { place.append("line=\(line)") }
                if let column = location.column { place.append("col=\(column)") }
                properties.insert(contentsOf: place, at: 0)
            } else if report.commit == nil && !report.origin.hasPrefix("refs/") {
                // A report about a ref (`refs/heads/main`, from verify) has no file to point at.
                properties.insert("file=" + Renderer.escapeProperty(report.origin), at: 0)
                if let span = finding.span {
                    properties.append("line=\(span.line)")
                    properties.append("col=\(span.column)")
                }
            }
            var message = finding.message
            if let commit = report.commitLabel { message = commit + ": " + message }
            if report.commit == nil && report.origin.hasPrefix("refs/") { message = report.origin + ": " + message }
            if let help = finding.help { message += " — help: " + help }
            let command = finding.severity == .error ? "error" : "warning"
            out += "::\(command) \(properties.joined(separator: ","))::\(Renderer.escapeData(Renderer.printable(message, keepingNewlines: true)))\n"
        }
        return out
    }

    private static func escapeData(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func escapeProperty(_ s: String) -> String {
        var out = ""
        for c in escapeData(s).unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    // MARK: Text

    private enum Style: String {
        case error = "\u{1B}[1;31m"
        case warning = "\u{1B}[1;33m"
        case bold = "\u{1B}[1m"
        case dim = "\u{1B}[2m"
        case help = "\u{1B}[36m"
        case reset = "\u{1B}[0m"
    }

    private func paint(_ s: String, _ style: Style) -> String {
        color ? style.rawValue + s + Style.reset.rawValue : s
    }

    private func text(for report: SubjectReport) -> String {
        var out = ""
        if report.ignored {
            if verbose {
                out += Renderer.printable("\(report.origin): skipped" + (report.ignoreReason.map { " (\($0))" } ?? "")) + "\n"
            }
            return out
        }
        if report.findings.isEmpty { return out }
        let lines = report.text.map(Renderer.splitLines) ?? []
        let origin = report.commitLabel ?? report.origin
        for finding in report.findings {
            let level = finding.severity == .error ? paint("error", .error) : paint("warning", .warning)
            var location = origin
            if let span = finding.span, report.commit == nil { location += ":\(span.line):\(span.column)" }
            out += paint(Renderer.printable(location), .bold) + ": " + level + ": " + paint("[\(finding.rule)]", .dim) + " "
                + Renderer.printable(finding.message) + "\n"
            if let span = finding.span, span.line >= 1, span.line <= lines.count {
                out += excerpt(line: lines[span.line - 1], span: span, severity: finding.severity)
            }
            if let help = finding.help {
                out += "     " + paint("= help:", .help) + " " + Renderer.printable(help) + "\n"
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

    /// Widest stretch of a line shown around a span, in characters.
    private static let window = 120

    private func excerpt(line: Substring, span: SourceSpan, severity: Severity) -> String {
        var characters = Array(line)
        var start = max(0, span.column - 1)
        if start > characters.count { start = characters.count }
        var prefix = "", suffix = ""
        if characters.count > Renderer.window {
            let from = max(0, min(start - 20, characters.count - Renderer.window))
            let to = min(characters.count, from + Renderer.window)
            if from > 0 { prefix = "…" }
            if to < characters.count { suffix = "…" }
            characters = Array(characters[from..<to])
            start -= from
        }
        let gutter = String(span.line)
        let pad = String(repeating: " ", count: max(0, 4 - gutter.count))
        let shown = prefix + Renderer.printable(String(characters).replacingTabsForDisplay()) + suffix
        var caretIndent = prefix.isEmpty ? "" : " "
        for c in characters[..<min(start, characters.count)] {
            caretIndent += c == "\t" ? "    " : String(repeating: " ", count: Renderer.displayWidth(of: c))
        }
        let spanEnd = min(characters.count, start + max(1, span.length))
        var caretWidth = 0
        if start < spanEnd {
            for c in characters[start..<spanEnd] { caretWidth += c == "\t" ? 4 : Renderer.displayWidth(of: c) }
        }
        let carets = String(repeating: "^", count: max(1, caretWidth))
        let style: Style = severity == .error ? .error : .warning
        return pad + paint(gutter + " |", .dim) + " " + shown + "\n"
            + String(repeating: " ", count: pad.count + gutter.count) + paint(" |", .dim) + " " + caretIndent + paint(carets, style) + "\n"
    }

    /// Text safe to print on a terminal or in a CI log: control characters from the message
    /// (an escape sequence could rewrite the terminal or hide output) become U+FFFD.
    ///
    /// - Parameters:
    ///   - text: the text to show.
    ///   - keepingNewlines: keep line feeds (the GitHub format escapes them itself).
    package static func printable(_ text: String, keepingNewlines: Bool = false) -> String {
        let unsafe: (Unicode.Scalar) -> Bool = { scalar in
            let v = scalar.value
            if v == 0x09 || (keepingNewlines && v == 0x0A) { return false }
            return v < 0x20 || (0x7F...0x9F).contains(v)
        }
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(unsafe(scalar) ? "\u{FFFD}" : scalar) }
        return String(out)
    }

    /// Terminal columns a character takes: 2 for East Asian wide and emoji, else 1.
    package static func displayWidth(of character: Character) -> Int {
        guard let v = character.unicodeScalars.first?.value else { return 1 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

extension String {
    /// Tabs shown as four spaces so that carets line up.
    fileprivate func replacingTabsForDisplay() -> String {
        var out = ""
        for c in self { if c == "\t" { out += "    " } else { out.append(c) } }
        return out
    }
}

extension SubjectReport {
    /// How findings name the commit in range mode: `commit 1a2b3c4 (summary)`; nil otherwise.
    fileprivate var commitLabel: String? {
        commit.map { "commit \($0.prefix(7))" + (summary.map { " (\($0))" } ?? "") }
    }
}
