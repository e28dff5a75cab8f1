import ShipshapeDiagnostics
import ShipshapeMessage

/// `body-leading-blank`: a blank line separates the header from the body.
enum BodyLeadingBlankRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "body-leading-blank", summary: "The body begins with a blank line.",
        defaultConfiguration: .init(.warning, .always), valueKind: .none,
        passingExamples: ["fix: handle tabs\n\nTabs were expanded twice.", "fix: handle tabs"],
        failingExamples: ["fix: handle tabs\nTabs were expanded twice."])

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        guard context.parsed.body != nil, let headerLine = context.parsed.headerLine else { return [] }
        let next = headerLine + 1
        let blank = context.parsed.line(next) == ""
        switch configuration.applicability {
        case .always where !blank:
            return [
                context.finding(
                    descriptor.id, configuration, "the body does not begin with a blank line",
                    at: context.lineSpan(next), help: "insert a blank line after the header")
            ]
        case .never where blank:
            return [
                context.finding(
                    descriptor.id, configuration, "the body begins with a blank line", at: context.lineSpan(next),
                    help: "remove the blank line after the header")
            ]
        default:
            return []
        }
    }
}
