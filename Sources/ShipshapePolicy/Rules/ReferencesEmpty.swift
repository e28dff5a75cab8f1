import ShipshapeDiagnostics
import ShipshapeMessage

/// `references-empty`: the message references an issue (`never` empty) or none (`always`).
enum ReferencesEmptyRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "references-empty", summary: "The message references at least one issue.",
        defaultConfiguration: .init(.off, .never), valueKind: .none,
        passingExamples: ["fix: handle null ids (#321)", "fix: handle tabs\n\nCloses #7"],
        failingExamples: ["fix: handle tabs", "fix: handle tabs\n\nRefs: the weekly sync"],
        exampleConfiguration: .init(.error, .never))

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        let references = context.parsed.references
        switch configuration.applicability {
        case .never where references.isEmpty:
            return [
                context.finding(
                    descriptor.id, configuration, "the message references no issue", at: context.headerEndSpan,
                    help: "add a footer such as \"Refs: #123\" or \"Closes #123\"")
            ]
        case .always where !references.isEmpty:
            return [
                context.finding(
                    descriptor.id, configuration, "the message must not reference issues",
                    at: references.first?.span, help: "remove the issue references")
            ]
        default:
            return []
        }
    }
}
