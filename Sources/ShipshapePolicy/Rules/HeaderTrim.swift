import ShipshapeDiagnostics
import ShipshapeMessage

/// `header-trim`: the header neither starts nor ends with whitespace.
enum HeaderTrimRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "header-trim", summary: "The header has no leading or trailing whitespace.",
        defaultConfiguration: .init(.error, .always), valueKind: .none,
        passingExamples: ["fix: handle tabs"],
        failingExamples: [" fix: handle tabs", "\tfix: handle tabs", "fix: handle tabs\u{00A0}"])

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        guard let header = context.parsed.header, let line = context.parsed.headerLine else { return [] }
        func isSpace(_ c: Character) -> Bool { c.unicodeScalars.allSatisfy(isJSWhitespace) }
        let leading = header.prefix(while: isSpace).count
        let trailing = header.reversed().prefix(while: isSpace).count
        guard leading > 0 || trailing > 0 else { return [] }
        if leading > 0 && leading == header.count {
            return [context.finding(descriptor.id, configuration, "the header is only whitespace", at: context.headerSpan)]
        }
        var findings: [Finding] = []
        if leading > 0 {
            findings.append(
                context.finding(
                    descriptor.id, configuration, "the header starts with whitespace",
                    at: SourceSpan(line: line, column: 1, length: leading), help: "remove the leading whitespace"))
        }
        if trailing > 0 {
            findings.append(
                context.finding(
                    descriptor.id, configuration, "the header ends with whitespace",
                    at: SourceSpan(line: line, column: header.count - trailing + 1, length: trailing),
                    help: "remove the trailing whitespace"))
        }
        return findings
    }
}
