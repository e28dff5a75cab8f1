import ShipshapeDiagnostics
import ShipshapeMessage

/// `header-max-length`: the header is at most N characters (UTF-16 code units, as JavaScript counts).
enum HeaderMaxLengthRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "header-max-length", summary: "The header is at most N characters long.",
        defaultConfiguration: .init(.error, .always, .integer(100)), valueKind: .integer,
        passingExamples: ["fix: handle tabs", "feat: " + String(repeating: "a", count: 94)],
        failingExamples: ["feat: " + String(repeating: "a", count: 95)])

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        guard let header = context.parsed.header, let line = context.parsed.headerLine,
            let limit = configuration.integerValue
        else { return [] }
        let length = jsLength(header)
        guard length > limit else { return [] }
        return [
            context.finding(
                descriptor.id, configuration, "header is \(length) characters long, more than the allowed \(limit)",
                at: overflowSpan(line: header, number: line, limit: limit),
                help: "shorten the header by \(length - limit) characters; details belong in the body")
        ]
    }
}
