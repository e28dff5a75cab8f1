import ShipshapeDiagnostics
import ShipshapeMessage

/// `subject-empty`: the header has a subject (`never` empty) or has none (`always`).
enum SubjectEmptyRule: CommitRule {
    static let descriptor = RuleDescriptor(
        id: "subject-empty", summary: "The subject (description) must not be empty.",
        defaultConfiguration: .init(.error, .never), valueKind: .none,
        passingExamples: ["fix: handle tabs", "docs(readme): add badges"],
        failingExamples: ["fix:", "Update README.md", "feat(api: unclosed scope"])

    static func check(_ context: RuleContext, _ configuration: RuleConfiguration) -> [Finding] {
        let header = context.parsed.header ?? ""
        return context.applying(
            descriptor.id, configuration, holds: context.parsed.subject == nil,
            lacking: Violation(
                "the header must not have a subject", at: context.parsed.fields.subjectSpan, help: "remove the subject"),
            having: Violation(
                "the header has no subject", at: context.headerEndSpan,
                help: context.parsed.type != nil
                    ? missingDescriptionHelp(header) : headerHelp(header, types: allowedTypes(context))))
    }
}
