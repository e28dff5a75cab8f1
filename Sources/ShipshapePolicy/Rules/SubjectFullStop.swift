import ShipshapeDiagnostics
import ShipshapeMessage

/// `subject-full-stop`: the header does not (`never`) or does (`always`) end with the value.
///
/// As in commitlint this looks at the whole header, so it fires even when nothing parsed; a
/// header ending in `...` is exempt, and so is one whose first `:` is its last character.
enum SubjectFullStopRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "subject-full-stop", summary: "The subject does not end with a full stop.",
        defaultConfiguration: .init(.error, .never, .string(".")), valueKind: .string,
        passingExamples: ["fix: handle tabs", "fix: wait for the lock...", "docs: 更新文档。", "feat: it works!"],
        failingExamples: ["fix: handle tabs.", "fix: handle empty responses..", "Update the changelog."])

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        guard let header = context.parsed.header, let line = context.parsed.headerLine else { return [] }
        let stop = configuration.stringValue ?? "."
        if let colon = header.utf16.firstIndex(of: 0x3A), header.utf16.distance(from: colon, to: header.utf16.endIndex) == 1,
            colon != header.utf16.startIndex
        {
            return []
        }
        var hasStop = false
        if let last = header.utf16.last {
            // ASCII on both sides (the usual "."): compare code units. An ASCII character is
            // canonically equivalent only to itself, so this is what the string comparison below
            // decides, without the stdlib's generic decoding path (11 % of a pure lint).
            let stopUnits = stop.utf16
            if last < 0x80, stopUnits.count == 1, let unit = stopUnits.first, unit < 0x80 {
                hasStop = last == unit
            } else {
                hasStop = String(decoding: [last], as: UTF16.self) == stop
            }
        }
        if header.hasSuffix("...") { hasStop = false }
        let span = SourceSpan(line: line, column: max(1, context.headerLength), length: 1)
        return context.applying(
            descriptor.id, configuration, holds: hasStop,
            lacking: Violation(
                "the subject does not end with \(quoted(stop))", at: span, help: "end the subject with \(quoted(stop))"),
            having: Violation("the subject ends with \(quoted(stop))", at: span, help: "remove the trailing \(quoted(stop))"))
    }
}
