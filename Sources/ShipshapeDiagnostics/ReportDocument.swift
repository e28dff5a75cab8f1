/// What a command has to say, before an output format is chosen.
///
/// A use case's outcome builds one and never encodes a finding itself: each reporter (text for
/// people, JSON for programs, GitHub Actions annotations) owns its format's only encoding of a
/// finding. `body` is the structure a program reads; the subjects inside it are what people and CI
/// logs see; `closing` is the prose that follows them (a verdict, a summary, how to recover).
package struct ReportDocument: Sendable {
    /// The document's structure, with the subjects in the places they appear.
    package var body: ReportValue
    /// What people read after the findings, ending with a newline unless empty.
    package var closing: String

    /// Creates a document.
    ///
    /// - Parameters:
    ///   - body: the structure, subjects included.
    ///   - closing: lines for people, each without its line feed.
    package init(body: ReportValue, closing: [String] = []) {
        self.body = body
        self.closing = closing.map { $0 + "\n" }.joined()
    }

    /// Creates a document whose closing text is given whole (a diff, a table).
    package init(body: ReportValue, closingText: String) {
        self.body = body
        self.closing = closingText
    }

    /// A document of subjects only: one subject alone, or a list of them.
    package static func subjects(_ reports: [SubjectReport], asList: Bool, closing: [String] = []) -> ReportDocument {
        let values = reports.map { ReportValue.subject($0) }
        return ReportDocument(body: !asList && values.count == 1 ? values[0] : .list(values), closing: closing)
    }

    /// The subjects of the body, in the order they appear.
    package var subjects: [SubjectReport] { body.subjects }
}

/// One value of a report document: the facts a command states and the subjects it judged.
package indirect enum ReportValue: Sendable {
    /// No value.
    case null
    /// A yes or no.
    case bool(Bool)
    /// A whole number.
    case int(Int)
    /// A text.
    case string(String)
    /// Values in order.
    case list([ReportValue])
    /// Named values in order (names are unique).
    case record([(String, ReportValue)])
    /// A judged subject: its verdict and findings, and facts of the command's own about it
    /// (`ref`, `version`) that come with it.
    case subject(SubjectReport, facts: [(String, ReportValue)] = [])

    /// A text, or `null` when there is none.
    package static func optional(_ text: String?) -> ReportValue { text.map(ReportValue.string) ?? .null }

    /// A list of texts.
    package static func strings(_ texts: [String]) -> ReportValue { .list(texts.map(ReportValue.string)) }

    /// The subjects in this value, in order.
    package var subjects: [SubjectReport] {
        var found: [SubjectReport] = []
        collectSubjects(into: &found)
        return found
    }

    private func collectSubjects(into found: inout [SubjectReport]) {
        switch self {
        case .null, .bool, .int, .string: return
        case let .list(values): for value in values { value.collectSubjects(into: &found) }
        case let .record(members): for (_, value) in members { value.collectSubjects(into: &found) }
        case let .subject(report, facts):
            found.append(report)
            for (_, value) in facts { value.collectSubjects(into: &found) }
        }
    }
}
