package import ShipshapeDiagnostics

/// Documents as JSON, for programs: the body's structure, each subject an object with `valid`,
/// `ignored`, `errors` and `warnings` (and `commit`, `summary`, `ignoreReason` when known).
///
/// A finding is `{"rule", "severity", "message"}` with `line` and `column` when the finding has
/// a place, `help` when there is a fix, and `file` for a file of the repository. The closing
/// text is for people and is not part of the JSON.
package struct JSONReporter: Reporter {
    /// Creates the reporter.
    package init() {}

    package func render(_ document: ReportDocument) -> String {
        var out = ""
        write(document.body, to: &out)
        return out + "\n"
    }

    package var listStart: String { "[" }

    package func listItem(_ subject: SubjectReport, isFirst: Bool) -> String {
        var out = isFirst ? "" : ","
        write(.subject(subject), to: &out)
        return out
    }

    package func listEnd(closing: String) -> String { "]\n" }

    // MARK: Encoding

    private func write(_ value: ReportValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case let .bool(flag): out += flag ? "true" : "false"
        case let .int(number): out += String(number)
        case let .string(text): JSONText.quote(text, to: &out)
        case let .list(values):
            out += "["
            for (index, item) in values.enumerated() {
                if index > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case let .record(members): writeRecord(members, to: &out)
        case let .subject(report, facts): writeRecord(members(of: report, facts: facts), to: &out)
        }
    }

    private func writeRecord(_ members: [(String, ReportValue)], to out: inout String) {
        out += "{"
        for (index, (name, value)) in members.enumerated() {
            if index > 0 { out += "," }
            JSONText.quote(name, to: &out)
            out += ":"
            write(value, to: &out)
        }
        out += "}"
    }

    private func members(of report: SubjectReport, facts: [(String, ReportValue)]) -> [(String, ReportValue)] {
        var members: [(String, ReportValue)] = []
        if let commit = report.commit { members.append(("commit", .string(commit))) }
        if let summary = report.summary { members.append(("summary", .string(summary))) }
        members += facts
        members.append(("valid", .bool(report.isValid)))
        members.append(("ignored", .bool(report.ignored)))
        if let reason = report.ignoreReason { members.append(("ignoreReason", .string(reason))) }
        members.append(("errors", .list(report.errors.map(value(of:)))))
        members.append(("warnings", .list(report.warnings.map(value(of:)))))
        return members
    }

    private func value(of finding: Finding) -> ReportValue {
        var members: [(String, ReportValue)] = [
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
        return .record(members)
    }
}
