package import ShipshapeDiagnostics

/// Documents as GitHub Actions workflow commands: one `::error` or `::warning` annotation per
/// finding, pointing at the file (and line and column) when there is one, then the closing text
/// as plain log lines.
package struct GitHubReporter: Reporter {
    /// Creates the reporter.
    package init() {}

    package func render(_ document: ReportDocument) -> String {
        document.subjects.map(annotations(for:)).joined() + document.closing
    }

    package var listStart: String { "" }

    package func listItem(_ subject: SubjectReport, isFirst: Bool) -> String { annotations(for: subject) }

    package func listEnd(closing: String) -> String { closing }

    private func annotations(for report: SubjectReport) -> String {
        var out = ""
        // A report about a ref (`refs/heads/main`, from verify) or a commit has no file of its
        // own; a message file does.
        let aboutRef = report.commit == nil && report.origin.hasPrefix("refs/")
        for finding in report.findings {
            var properties = ["title=" + escapeProperty(finding.rule)]
            if let location = finding.location {
                var place = ["file=" + escapeProperty(location.path)]
                if let line = location.line { place.append("line=\(line)") }
                if let column = location.column { place.append("col=\(column)") }
                properties.insert(contentsOf: place, at: 0)
            } else if report.commit == nil && !aboutRef {
                properties.insert("file=" + escapeProperty(report.origin), at: 0)
                if let span = finding.span {
                    properties.append("line=\(span.line)")
                    properties.append("col=\(span.column)")
                }
            }
            var message = finding.message
            if let commit = report.commitLabel { message = commit + ": " + message }
            if aboutRef { message = report.origin + ": " + message }
            if let help = finding.help { message += " — help: " + help }
            let command = finding.severity == .error ? "error" : "warning"
            out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(TerminalText.printable(message, keepingNewlines: true)))\n"
        }
        return out
    }

    private func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
