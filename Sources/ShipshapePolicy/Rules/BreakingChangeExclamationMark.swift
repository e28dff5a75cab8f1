import ShipshapeDiagnostics
import ShipshapeMessage

/// `breaking-change-exclamation-mark`: `!` in the header and a `BREAKING CHANGE:` footer go together.
///
/// The tests are commitlint's: the header contains `!:` anywhere, and the footer text contains
/// `BREAKING CHANGE:` or `BREAKING-CHANGE:` anywhere (upper case; e.g. `* BREAKING CHANGE: y`).
/// `always`: either both or neither. `never` is commitlint's literal negation (it then fails
/// whenever both or neither are present).
enum BreakingChangeExclamationMarkRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "breaking-change-exclamation-mark",
        summary: "A breaking change carries both ! in the header and a BREAKING CHANGE footer.",
        defaultConfiguration: .init(.off, .always), valueKind: .none,
        passingExamples: [
            "feat!: drop v1\n\nBREAKING CHANGE: v1 is gone", "feat: add v2", "feat!: drop v1\n\n* BREAKING CHANGE: v1 is gone",
        ],
        failingExamples: ["feat!: drop v1", "feat: drop v1\n\nBREAKING CHANGE: v1 is gone"],
        exampleConfiguration: .init(.error, .always))

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        let parsed = context.parsed
        guard parsed.header != nil || parsed.footer != nil else { return [] }
        let bang = parsed.header?.contains("!:") ?? false
        let footerLine = parsed.footerLines?.first { n in
            let text = parsed.line(n) ?? ""
            return text.contains("BREAKING CHANGE:") || text.contains("BREAKING-CHANGE:")
        }
        let consistent = bang == (footerLine != nil)
        switch configuration.applicability {
        case .always where !consistent:
            if bang {
                return [
                    context.finding(
                        descriptor.id, configuration, "the header marks a breaking change but no BREAKING CHANGE footer explains it",
                        at: context.headerSpan, help: "add a \"BREAKING CHANGE: <what breaks>\" footer")
                ]
            }
            return [
                context.finding(
                    descriptor.id, configuration, "a BREAKING CHANGE footer without \"!\" in the header",
                    at: footerLine.map(context.lineSpan) ?? context.headerSpan,
                    help: "add \"!\" before the colon in the header")
            ]
        case .never where consistent:
            return [
                context.finding(
                    descriptor.id, configuration,
                    "breaking changes must not have both an exclamation mark and a BREAKING CHANGE footer",
                    at: context.headerSpan)
            ]
        default:
            return []
        }
    }
}
