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
        return context.leadingBlankFindings(
            descriptor.id, configuration, section: "body", blank: context.parsed.line(next) == "", line: next,
            place: "after the header")
    }
}
